package io.toasty.reactive;

import static org.junit.jupiter.api.Assertions.*;

import io.toasty.error.InvalidModelException;
import org.junit.jupiter.api.Test;

class DbBuilderTest {
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
    FakeDriver inner = new FakeDriver(io.toasty.driver.Capability.H2, Dbs.SCHEMA);
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
  void poolOptionsReachTheDriverConfig() {
    io.toasty.driver.DriverConfig[] seen = new io.toasty.driver.DriverConfig[1];
    Toasty.builder().models(Models.USERS).url("r2dbc:h2:mem:///pool")
        .poolMaxSize(2)
        .acquireTimeout(java.time.Duration.ofSeconds(3))
        .maxIdleTime(java.time.Duration.ofMinutes(4))
        .validationQuery("SELECT 1")
        .driverFactory(c -> {
          seen[0] = c;
          return new FakeDriver(io.toasty.driver.Capability.H2, Dbs.SCHEMA);
        }).build();
    assertEquals("r2dbc:h2:mem:///pool", seen[0].url());
    assertEquals(2, seen[0].poolMaxSize());
    assertEquals(java.time.Duration.ofSeconds(3), seen[0].acquireTimeout());
    assertEquals(java.time.Duration.ofMinutes(4), seen[0].maxIdleTime());
    assertEquals("SELECT 1", seen[0].validationQuery());
  }

  @Test
  void aPoolNeedsAConnection() {
    assertThrows(IllegalArgumentException.class, () -> Toasty.builder().poolMaxSize(0));
  }
}
