package io.toasty.reactive;

import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.driver.DriverConfig;
import io.toasty.error.InvalidModelException;
import io.toasty.schema.naming.NamingStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbBuilderTest {
  private static final Capability GRAPH_NAMED = Capability.H2.withNaming(NamingStrategy.graph());

  @Test
  void noProviderNamesTheUrl() {
    var e = assertThrows(IllegalStateException.class,
        () -> Toasty.builder().models(Models.USERS).url("nosuch:db").build());
    assertTrue(e.getMessage().contains("'nosuch:db'"), e.getMessage());
  }

  @Test
  void urlOrFactoryIsRequired() {
    assertThrows(IllegalStateException.class, () -> Toasty.builder().models(Models.USERS).build());
  }

  @Test
  void modelsMustFitTogether() {
    assertThrows(InvalidModelException.class, () -> Toasty.builder()
        .models(Models.USERS, Models.USERS).url("x").build());
  }

  @Test
  void wrapDriverDecorates() {
    FakeDriver inner = new FakeDriver(Capability.H2, Dbs.SCHEMA);
    FakeDriver[] seen = new FakeDriver[1];
    Db db = Toasty.builder().models(Models.USERS, Models.TODOS).driverFactory(c -> inner)
        .wrapDriver(d -> {
          seen[0] = (FakeDriver) d;
          return d;
        }).build();
    assertSame(inner, seen[0]);
    assertEquals("h2", db.capability().backend());
  }

  @Test
  void theBackendNamesWhatTheApplicationDidNot() {
    List<DriverConfig> configs = new ArrayList<>();
    Db db = Toasty.builder().models(Models.USERS, Models.TODOS).driverFactory(c -> {
      configs.add(c);
      return new FakeDriver(GRAPH_NAMED, c.schema());
    }).build();
    assertEquals("User", db.tableOf(Models.USERS));
    assertEquals(List.of("users", "User"),
        configs.stream().map(c -> c.schema().model("User").tableName()).toList(),
        "first opened on the derived names, then on the backend's");
    assertSame(db.models(), configs.get(1).schema());
  }

  @Test
  void theApplicationsNamingWinsOverTheBackends() {
    List<DriverConfig> configs = new ArrayList<>();
    Db db = Toasty.builder().models(Models.USERS).naming(NamingStrategy.declared())
        .driverFactory(c -> {
          configs.add(c);
          return new FakeDriver(GRAPH_NAMED, c.schema());
        }).build();
    assertEquals("users", db.tableOf(Models.USERS));
    assertEquals(1, configs.size());
  }

  @Test
  void aBackendNamingAsDerivedOpensOnce() {
    List<DriverConfig> configs = new ArrayList<>();
    Db db = Toasty.builder().models(Models.USERS).driverFactory(c -> {
      configs.add(c);
      return new FakeDriver(Capability.H2, c.schema());
    }).build();
    assertEquals("users", db.tableOf(Models.USERS));
    assertEquals(1, configs.size());
  }

  @Test
  void poolOptionsReachTheDriverConfig() {
    DriverConfig[] seen = new DriverConfig[1];
    Toasty.builder().models(Models.USERS).url("r2dbc:h2:mem:///pool")
        .poolMaxSize(2)
        .acquireTimeout(Duration.ofSeconds(3))
        .maxIdleTime(Duration.ofMinutes(4))
        .validationQuery("SELECT 1")
        .driverFactory(c -> {
          seen[0] = c;
          return new FakeDriver(Capability.H2, Dbs.SCHEMA);
        }).build();
    assertEquals("r2dbc:h2:mem:///pool", seen[0].url());
    assertEquals(2, seen[0].poolMaxSize());
    assertEquals(Duration.ofSeconds(3), seen[0].acquireTimeout());
    assertEquals(Duration.ofMinutes(4), seen[0].maxIdleTime());
    assertEquals("SELECT 1", seen[0].validationQuery());
  }

  @Test
  void aPoolNeedsAConnection() {
    assertThrows(IllegalArgumentException.class, () -> Toasty.builder().poolMaxSize(0));
  }
}
