package io.toasty.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The operation log and fault injection, against a fake driver: no engine, no database. */
class RecordingDriverTest {

  /** Answers a {@code Scan} with three rows and anything else with a count of 2. */
  static final class FakeDriver implements Driver {
    final AtomicInteger execs = new AtomicInteger();

    @Override public Capability capability() {
      return Capability.DYNAMODB;
    }

    @Override public Mono<Connection> connect() {
      return Mono.just(new Connection() {
        @Override public Mono<ExecResponse> exec(Operation op) {
          execs.incrementAndGet();
          if (op instanceof Operation.Scan) {
            return Mono.just(new ExecResponse.Rows(Flux.range(0, 3)
                .map(i -> Value.Record.of(new Value.I64(i)))));
          }
          return Mono.just(new ExecResponse.Count(2));
        }

        @Override public Mono<Void> close() {
          return Mono.empty();
        }
      });
    }

    @Override public Mono<Void> pushSchema() {
      return Mono.empty();
    }

    @Override public Mono<Void> resetSchema() {
      return Mono.empty();
    }

    @Override public Mono<Void> close() {
      return Mono.empty();
    }
  }

  static final Operation SCAN = new Operation.Scan("t", List.of(0), ExprNode.TRUE, List.of());
  static final Operation DELETE =
      new Operation.DeleteByKey("t", List.of(), ExprNode.TRUE, List.of());

  final FakeDriver fake = new FakeDriver();
  final OperationLog log = new OperationLog();
  final RecordingDriver driver = new RecordingDriver(fake, log);

  static long rows(ExecResponse r) {
    return ((ExecResponse.Rows) r).rows().count().block(Duration.ofSeconds(5));
  }

  @Test
  void recordsOperationsWithTheirOutcomes() {
    Connection c = driver.connect().block();
    assertEquals(3L, rows(c.exec(SCAN).block()));
    assertEquals(new ExecResponse.Count(2), c.exec(DELETE).block());
    c.close().block();
    assertEquals(List.of(SCAN, DELETE), log.operations());
    assertEquals(new OperationLog.Outcome.Rows(3), log.entries().get(0).outcome());
    assertEquals(new OperationLog.Outcome.Count(2), log.entries().get(1).outcome());
    assertEquals(1, log.count(Operation.Scan.class));
    assertEquals(1, log.connectionsAcquired());
    assertEquals(0, log.connectionsInUse());
  }

  @Test
  void recordsACancelledStreamWithTheRowsSeen() {
    Connection c = driver.connect().block();
    Flux<Value.Record> rows = ((ExecResponse.Rows) c.exec(SCAN).block()).rows();
    StepVerifier.create(rows, 1).expectNextCount(1).thenCancel().verify();
    assertEquals(new OperationLog.Outcome.Cancelled(1), log.last().outcome());
  }

  @Test
  void aFaultFailsTheNextMatchingOperationOnce() {
    DriverException boom = new DriverException("fake", null, "boom", null);
    log.failNext(op -> op instanceof Operation.DeleteByKey, boom);
    Connection c = driver.connect().block();
    assertEquals(3L, rows(c.exec(SCAN).block()));
    assertTrue(log.hasPendingFaults());
    assertSame(boom, assertThrows(DriverException.class, () -> c.exec(DELETE).block()));
    assertEquals(new ExecResponse.Count(2), c.exec(DELETE).block());
    assertFalse(log.hasPendingFaults());
    assertEquals(2, fake.execs.get(), "the failed operation must not reach the backend");
    assertTrue(log.entries().get(1).injected());
    assertInstanceOf(OperationLog.Outcome.Failed.class, log.entries().get(1).outcome());
  }

  @Test
  void aConnectFaultFailsOneAcquisition() {
    DriverException lost = new DriverException("fake", "08003", "lost", null);
    log.failNextConnect(lost);
    assertSame(lost, assertThrows(DriverException.class, () -> driver.connect().block()));
    Connection c = driver.connect().block();
    c.close().block();
    c.close().block();
    assertEquals(1, log.connectionsAcquired());
    assertEquals(1, log.connectionsReleased());
  }

  @Test
  void clearForgetsOperationsButKeepsFaults() {
    log.failNext(new DriverException("fake", null, "later", null));
    driver.connect().block();
    log.clear();
    assertEquals(0, log.size());
    assertEquals(0, log.connectionsAcquired());
    assertTrue(log.hasPendingFaults());
  }
}
