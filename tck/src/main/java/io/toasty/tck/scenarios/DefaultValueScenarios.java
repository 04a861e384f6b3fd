package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.models.Setting;
import io.toasty.tck.models.Settings;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.math.BigDecimal;
import java.util.List;

/** {@code @Default} values: applied on create when unset, never on update. */
@Models({Settings.class, Users.class})
public abstract class DefaultValueScenarios {

  @BackendTest
  public void unsetFieldsTakeTheirDefaults(Db db) {
    Setting s = await(Settings.create().name("a").exec(db));
    assertEquals("a", s.name());
    assertEquals(true, s.enabled());
    assertEquals(7L, s.maxItems());
    assertEquals("n/a", s.note());
    assertEquals(0, new BigDecimal("1.50").compareTo(s.ratio()), () -> "ratio " + s.ratio());
    Setting loaded = await(Settings.getByName(db, "a"));
    // BigDecimal keeps its value, not necessarily its scale (README): 1.50 may read back as 1.5
    assertEquals(new Setting(s.name(), s.enabled(), s.maxItems(), s.note(), loaded.ratio()),
        loaded);
    assertEquals(0, s.ratio().compareTo(loaded.ratio()), () -> "ratio " + loaded.ratio());
  }

  @BackendTest
  public void explicitValuesOverrideDefaults(Db db) {
    Setting s = await(Settings.create().name("b").enabled(false).maxItems(0).note("")
        .ratio(new BigDecimal("-2")).exec(db));
    Setting loaded = await(Settings.getByName(db, "b"));
    assertEquals(false, loaded.enabled());
    assertEquals(0L, loaded.maxItems());
    assertEquals("", loaded.note());
    assertEquals(0, new BigDecimal("-2").compareTo(loaded.ratio()));
    assertEquals(s.enabled(), loaded.enabled());
  }

  @BackendTest
  public void defaultsApplyToEachRowOfACreateMany(Db db) {
    List<Setting> settings = await(Settings.createMany(List.of(Settings.create().name("x"),
        Settings.create().name("y").maxItems(1))).exec(db));
    assertEquals(List.of(7L, 1L), Fixtures.map(settings, Setting::maxItems));
  }

  @BackendTest
  public void anUpdateLeavesDefaultedFieldsAsTheyAre(Db db) {
    await(Settings.create().name("a").maxItems(3).exec(db));
    await(Settings.updateByName("a").note("changed").exec(db));
    Setting s = await(Settings.getByName(db, "a"));
    assertEquals(3L, s.maxItems());
    assertEquals("changed", s.note());
  }

  @BackendTest
  public void aDefaultedIntegerCanBeIncremented(Db db) {
    User u = Fixtures.user(db, "ann");
    assertEquals(0, u.loginCount());
    await(Users.updateById(u.id()).loginCount(Users.LOGIN_COUNT.plus(1)).exec(db));
    assertEquals(1, await(Users.getById(db, u.id())).loginCount());
  }
}
