package io.toasty.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Capability;
import io.toasty.driver.Driver;
import io.toasty.driver.DriverProvider;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqliteDialect;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class R2dbcDriverProviderTest {

  @Test
  void isFoundThroughServiceLoader() {
    List<DriverProvider> providers = ServiceLoader.load(DriverProvider.class).stream()
        .map(ServiceLoader.Provider::get).collect(Collectors.toList());
    assertEquals(1, providers.stream().filter(p -> p instanceof R2dbcDriverProvider).count());
  }

  @Test
  void supportsTheUrlsOfEverySqlBackend() {
    R2dbcDriverProvider provider = new R2dbcDriverProvider();
    assertTrue(provider.supports("r2dbc:h2:mem:///app"));
    assertTrue(provider.supports("R2DBC:H2:file:///tmp/x"));
    assertTrue(provider.supports("r2dbc:postgresql://localhost/test"));
    assertTrue(provider.supports("r2dbc:postgres://localhost/test"));
    assertTrue(provider.supports("r2dbc:mysql://localhost/test"));
    assertTrue(provider.supports("r2dbc:mariadb://localhost/test"));
    assertTrue(provider.supports("r2dbc:sqlite:/tmp/app.db"));
    assertTrue(provider.supports("r2dbc:pool:postgresql://localhost/test"));
    assertFalse(provider.supports("r2dbc:oracle://localhost/test"));
    assertFalse(provider.supports("dynamodb://local"));
    assertFalse(provider.supports(null));
    assertThrows(IllegalArgumentException.class,
        () -> provider.open(DriverHarness.config("r2dbc:oracle://localhost/test")));
  }

  @Test
  void picksTheDialectAndCapabilityByUrl() {
    assertEquals(PostgresDialect.INSTANCE, SqlDialect.forUrl("r2dbc:postgresql://h/db").get());
    assertEquals(MySqlDialect.MYSQL, SqlDialect.forUrl("r2dbc:mysql://h/db").get());
    assertEquals(MySqlDialect.MARIADB, SqlDialect.forUrl("r2dbc:mariadb://h/db").get());
    assertEquals(SqliteDialect.INSTANCE, SqlDialect.forUrl("r2dbc:sqlite:file.db").get());
    assertEquals(Capability.MARIADB, MySqlDialect.MARIADB.capability());
    assertEquals(Capability.MYSQL, MySqlDialect.MYSQL.capability());
  }

  @Test
  void aPoolUrlIsServedWithoutASecondPool() {
    assertEquals("r2dbc:postgresql://h/db",
        R2dbcDriverProvider.withoutPool("r2dbc:pool:postgresql://h/db"));
    assertEquals("r2dbc:h2:mem:///x", R2dbcDriverProvider.withoutPool("R2DBC:POOL:h2:mem:///x"));
    Driver driver = new R2dbcDriverProvider().open(DriverHarness.config(
        "r2dbc:pool:h2:mem:///" + UUID.randomUUID()));
    driver.pushSchema().block();
    driver.close().block();
  }

  @Test
  void detectsMariaDbByTheWordInTheVersionString() {
    assertTrue(MySqlDialect.isMariaDb("5.5.5-10.11.6-MariaDB-0+deb12u1"));
    assertTrue(MySqlDialect.isMariaDb("11.4.2-MariaDB"));
    assertFalse(MySqlDialect.isMariaDb("8.0.36"));
    assertFalse(MySqlDialect.isMariaDb(null));
  }

  @Test
  void opensAnH2DriverWithoutConnecting() {
    Driver driver = new R2dbcDriverProvider().open(DriverHarness.config(Fixtures.memUrl()));
    R2dbcDriver r2dbc = assertInstanceOf(R2dbcDriver.class, driver);
    assertEquals(Capability.H2, driver.capability());
    assertEquals(H2Dialect.INSTANCE, r2dbc.dialect());
    assertEquals(0, r2dbc.poolMetrics().orElseThrow().allocatedSize());
    driver.close().block();
  }
}
