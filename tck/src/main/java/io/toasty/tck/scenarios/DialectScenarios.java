package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Capability;
import io.toasty.error.InvalidModelException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.AllTypes;
import io.toasty.tck.models.AllTypesRows;
import io.toasty.tck.models.LongColumnName;
import io.toasty.tck.models.LongColumnNames;
import io.toasty.tck.models.Users;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Where the SQL dialects differ under the same promise: exact string comparison (MySQL and
 * MariaDB compare case- and trailing-space-insensitively unless the column's collation says
 * otherwise), exact float comparison (MySQL's FLOAT compares as a double), decimals that are equal
 * in value (SQLite stores text), and identifiers longer than the backend accepts.
 */
@Models({Users.class, AllTypesRows.class})
public abstract class DialectScenarios {

  @BackendTest
  @Requires(Need.SCAN)
  public void stringEqualityIsExact(Db db) {
    for (String name : List.of("ann", "Ann", "ANN", "ann ", " ann", "änn")) {
      await(Users.create().name(name).email(name.strip() + name.length() + name.hashCode()
          + "@example.com").exec(db));
    }
    for (String name : List.of("ann", "Ann", "ann ", "änn")) {
      assertEquals(List.of(name), Fixtures.sortedNames(
          await(Users.filter(Users.NAME.eq(name)).collect(db))), () -> "name = '" + name + "'");
    }
    assertEquals(5, await(Users.filter(Users.NAME.ne("ann")).collect(db)).size());
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void aUniqueStringDiffersByCase(Db db) {
    await(Users.create().name("a").email("ann@example.com").exec(db));
    await(Users.create().name("b").email("ANN@example.com").exec(db));
    assertEquals(2, await(Users.all().collect(db)).size());
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void floatEqualityIsExact(Db db) {
    float third = 1f / 3;
    AllTypes a = await(FieldTypeScenarios.typical().floatValue(0.1f).boxedFloat(third).exec(db));
    await(FieldTypeScenarios.typical().floatValue(0.2f).boxedFloat(0.25f).exec(db));
    assertEquals(List.of(a.id()), Fixtures.map(await(AllTypesRows.filter(
        AllTypesRows.FLOAT_VALUE.eq(0.1f)).collect(db)), AllTypes::id));
    assertEquals(List.of(a.id()), Fixtures.map(await(AllTypesRows.filter(
        AllTypesRows.BOXED_FLOAT.eq(third)).collect(db)), AllTypes::id));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void decimalsEqualInValueAreEqual(Db db) {
    AllTypes a = await(FieldTypeScenarios.typical().decimalValue(new BigDecimal("1.50")).exec(db));
    assertEquals(List.of(a.id()), Fixtures.map(await(AllTypesRows.filter(
        AllTypesRows.DECIMAL_VALUE.eq(new BigDecimal("1.5"))).collect(db)), AllTypes::id));
    assertEquals(List.of(a.id()), Fixtures.map(await(AllTypesRows.filter(
        AllTypesRows.DECIMAL_VALUE.eq(new BigDecimal("1.500000"))).collect(db)), AllTypes::id));
  }

  /**
   * A name longer than the backend accepts is refused when the schema is pushed, naming the model,
   * the field and the name, instead of being cut short (PostgreSQL would cut it silently). Where
   * the name fits, the model works.
   */
  @BackendTest
  public void anIdentifierLongerThanTheBackendAcceptsIsRefusedAtSchemaPush(
      BackendContext context, Capability capability) {
    String column = "a_column_name_of_seventy_characters_that_some_databases_would_cut_short";
    int length = column.getBytes(StandardCharsets.UTF_8).length;
    if (length <= capability.maxIdentifierLength()) {
      Db db = context.open(List.of(LongColumnNames.MODEL)).db();
      LongColumnName row = await(LongColumnNames.create().id(1).value("v").exec(db));
      assertEquals(row, await(LongColumnNames.getById(db, 1)));
      return;
    }
    InvalidModelException e = assertThrows(InvalidModelException.class,
        () -> context.open(List.of(LongColumnNames.MODEL)));
    assertEquals(Optional.of("LongColumnName"), e.model());
    assertEquals(Optional.of("value"), e.field());
    assertTrue(e.getMessage().contains(column), e::getMessage);
    assertTrue(e.getMessage().contains(String.valueOf(capability.maxIdentifierLength())),
        e::getMessage);
  }
}
