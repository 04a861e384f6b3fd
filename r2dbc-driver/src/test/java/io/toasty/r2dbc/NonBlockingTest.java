package io.toasty.r2dbc;

import static io.toasty.r2dbc.DriverHarness.insertUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.Operation;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** BlockHound is installed in this JVM (blockhound-junit-platform); the driver passes it. */
class NonBlockingTest {

  @Test
  void blockHoundIsInstalled() {
    Throwable e = assertThrows(Throwable.class, () -> Mono.fromCallable(() -> {
      Thread.sleep(1);
      return 1;
    }).subscribeOn(Schedulers.parallel()).block());
    assertTrue(e.toString().contains("Blocking call"), e.toString());
  }

  @Test
  void theDriverRunsOnNonBlockingThreads() {
    Driver driver = new R2dbcDriverProvider().open(DriverHarness.config(Fixtures.memUrl()));
    try {
      Long rows =
          driver
              .pushSchema()
              .then(
                  Mono.fromCallable(() -> insertUsers(new Returning.Keys(List.of(0)), "ann", "bob"))
                      .flatMapMany(op -> DriverHarness.rows(driver, op))
                      .then())
              .thenMany(
                  DriverHarness.rows(
                      driver, DriverHarness.selectUsers(ExprNode.TRUE, List.of(), 1)))
              .count()
              .flatMap(n -> driver.resetSchema().thenReturn(n))
              .subscribeOn(Schedulers.parallel())
              .block();
      assertEquals(2L, rows);
      Value.Record count = DriverHarness.rows(driver, DriverHarness.countUsers())
          .subscribeOn(Schedulers.parallel()).blockFirst();
      assertEquals(Value.Record.of(new Value.I64(0)), count);
      Operation.Transaction begin = new Operation.Transaction(
          Operation.Transaction.Kind.BEGIN, null, false, null);
      Mono.usingWhen(driver.connect(), c -> c.exec(begin).then(c.exec(
              new Operation.Transaction(Operation.Transaction.Kind.COMMIT, null, false, null))),
              Connection::close)
          .subscribeOn(Schedulers.parallel()).block();
    } finally {
      driver.close().subscribeOn(Schedulers.parallel()).block();
    }
  }
}
