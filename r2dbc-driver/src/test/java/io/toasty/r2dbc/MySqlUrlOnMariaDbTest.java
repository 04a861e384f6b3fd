package io.toasty.r2dbc;

import static io.toasty.r2dbc.DriverHarness.insertUsers;
import static io.toasty.r2dbc.DriverHarness.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.toasty.driver.Capability;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.stmt.Returning;
import io.toasty.value.Value;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An {@code r2dbc:mysql:} URL that reaches the MariaDB server: MySQL's capability (given to the
 * planner before any connection), MariaDB's SQL once the first connection tells the version.
 */
class MySqlUrlOnMariaDbTest {
  private TestDatabase database;
  private R2dbcDriver driver;

  @BeforeEach
  void open() {
    database = TestDatabase.create(TestDatabase.Kind.MARIADB);
    String url = database.url().replace("r2dbc:mariadb:", "r2dbc:mysql:");
    driver = (R2dbcDriver) new R2dbcDriverProvider().open(DriverHarness.config(url));
  }

  @AfterEach
  void close() {
    try {
      driver.close().block();
    } finally {
      database.close();
    }
  }

  @Test
  void theServerDecidesTheSqlAndTheUrlTheCapability() {
    assertSame(MySqlDialect.MYSQL, driver.dialect());
    assertEquals(Capability.MYSQL, driver.capability());
    driver.pushSchema().block();
    assertEquals(MySqlDialect.Flavor.MARIADB, ((MySqlDialect) driver.dialect()).flavor());
    assertEquals(Capability.MYSQL, driver.capability());
    assertEquals("UUID", database.queryOne("SELECT DATA_TYPE FROM information_schema.COLUMNS "
        + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'all_types' "
        + "AND COLUMN_NAME = 'v_uuid'").toString().toUpperCase(Locale.ROOT));
    List<Value.Record> keys = list(driver, insertUsers(new Returning.Keys(List.of(0)), "ann"));
    assertEquals(List.of(Value.Record.of(new Value.I64(1))), keys);
  }
}
