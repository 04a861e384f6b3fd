package io.toasty.reactive;

import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.driver.DriverConfig;
import io.toasty.error.InvalidModelException;
import java.time.Duration;
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
