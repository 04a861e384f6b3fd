package io.toasty.reactive;

import static org.junit.jupiter.api.Assertions.*;

import io.toasty.InvalidModelException;
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
}
