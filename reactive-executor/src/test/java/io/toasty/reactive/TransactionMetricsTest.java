package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.CommitOutcomeUnknownException;
import io.toasty.error.ConnectionLostException;
import io.toasty.reactive.observe.TransactionMetrics;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A Db's transactions in a MeterRegistry: begun, ended by outcome (committed, rolled back,
 * cancelled, commit outcome unknown) with their time, active, failed cleanups.
 */
class TransactionMetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final Dbs t = new Dbs(Capability.H2);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private FunctionTimer ended(String outcome) {
    return meters.get(TransactionMetrics.NAME).tag("outcome", outcome).tag("db.backend", "h2")
        .functionTimer();
  }

  private double counter(String name) {
    return meters.get(name).functionCounter().count();
  }

  @Test
  void eachOutcomeIsCountedAndTimed() {
    TransactionMetrics.bind(t.db, meters);
    t.db.transaction(tx -> tx.exec(insertUser("ann"))).blockLast(WAIT);
    t.db.transaction(tx -> tx.exec(insertUser("bob"))).blockLast(WAIT);
    t.db.transaction(tx -> tx.exec(insertUser("cy")).then(Mono.error(new IllegalStateException(
        "changed my mind")))).onErrorResume(e -> Mono.empty()).blockLast(WAIT);
    // a subscriber that goes away while the transaction waits
    Sinks.Empty<Void> never = Sinks.empty();
    t.db.transaction(tx -> tx.exec(insertUser("di")).then(never.asMono())).subscribe()
        .dispose();
    // a commit whose connection is lost on the way: it may have been applied
    t.driver.respond(op -> op instanceof Operation.Transaction x
        && x.kind() == Operation.Transaction.Kind.COMMIT
        ? Mono.error(new ConnectionLostException("h2", "08006", "connection reset", null))
        : null);
    assertThrows(CommitOutcomeUnknownException.class,
        () -> t.db.transaction(tx -> tx.exec(insertUser("ed"))).blockLast(WAIT));
    awaitNoneActive();

    assertEquals(5.0, counter(TransactionMetrics.NAME + ".begun"));
    assertEquals(2.0, ended("committed").count());
    assertEquals(1.0, ended("rolled_back").count());
    assertEquals(1.0, ended("cancelled").count());
    assertEquals(1.0, ended("commit_unknown").count());
    assertTrue(ended("committed").totalTime(TimeUnit.NANOSECONDS) > 0);
    assertEquals(0.0, meters.get(TransactionMetrics.NAME + ".active").gauge().value());
    assertEquals(0.0, counter(TransactionMetrics.NAME + ".cleanup.failures"));
    assertEquals(new TxStats(5, 2, 1, 1, 0, 1), t.db.transactionStats());
  }

  @Test
  void anOpenTransactionIsActive() {
    TransactionMetrics.bind(t.db, meters);
    Tx tx = t.db.begin().block(WAIT);
    assertEquals(1.0, meters.get(TransactionMetrics.NAME + ".active").gauge().value());
    tx.commit().block(WAIT);
    assertEquals(0.0, meters.get(TransactionMetrics.NAME + ".active").gauge().value());
    assertEquals(1.0, ended("committed").count());
  }

  @Test
  void aDbBuiltWithAMeterRegistryBindsThem() {
    Db db = Toasty.builder().models(USERS, TODOS).driverFactory(config -> t.driver)
        .meterRegistry(meters).build();
    db.transaction(tx -> Flux.concat(tx.exec(insertUser("ann")))).blockLast(WAIT);
    assertEquals(1.0, ended("committed").count());
  }

  private void awaitNoneActive() {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (t.db.transactionStats().active() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }
}
