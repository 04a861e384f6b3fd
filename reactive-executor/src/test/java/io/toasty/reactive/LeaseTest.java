package io.toasty.reactive;

import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.AcquireDeadline;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.reactive.exec.Sender;
import io.toasty.reactive.internal.gate.Lease;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A lease's workers for the operations sent aside (an include's child queries): one window's
 * child query after the other stays on the lease's worker, on the same connection.
 */
class LeaseTest {
  private static final Operation READ = new Operation.GetByKey("t", List.of(0),
      List.of(Value.Record.of(new Value.I64(1))));

  @Test
  void anOperationSentAsThePreviousEndsWaitsForItsWorkerInsteadOfTakingAnExtraConnection() {
    Dbs t = new Dbs(Dbs.ROW_BY_ROW);
    AtomicInteger extras = new AtomicInteger();
    // the second is sent from the first's completion, as concatMap sends a next window's
    List<Value.Record> rows = onLeaseOfTwo(t, extras, 2, aside -> aside.send(READ)
        .collectList().flatMapMany(first -> aside.send(READ)));

    assertEquals(2, rows.size());
    assertEquals(0, extras.get(), "an extra connection was taken for the second operation");
    assertEquals(2, t.driver.connects.get());
    assertEquals(List.of("GetByKey", "GetByKey"), t.driver.connections.get(1).kinds());
  }

  @Test
  void anOperationSentWhileTheWorkerIsBusyTakesAFreeExtraConnection() {
    Dbs t = new Dbs(Dbs.ROW_BY_ROW);
    AtomicInteger extras = new AtomicInteger();
    // the second is sent while the first's row is being handed on: its worker is busy
    List<Value.Record> rows = onLeaseOfTwo(t, extras, 1, aside -> aside.send(READ)
        .concatMap(row -> aside.send(READ)));

    assertEquals(1, rows.size());
    assertEquals(1, extras.get());
  }

  /**
   * The rows of {@code work} on the aside sender of a lease of two connections over {@code t}'s
   * driver, whose reads answer {@code rows} rows; every extra connection the lease takes is
   * counted in {@code extras}. No operation overlaps another on its connection.
   */
  private static List<Value.Record> onLeaseOfTwo(Dbs t, AtomicInteger extras, int rows,
      Function<Sender, Flux<Value.Record>> work) {
    t.driver.respond(op -> Mono.just(new ExecResponse.Rows(
        Flux.range(1, rows).map(i -> Value.Record.of(new Value.I64(i))))));
    Lease lease = new Lease(t.driver, null, 2, () -> {
      extras.incrementAndGet();
      return t.driver.connect();
    }, AcquireDeadline.startingNow(Duration.ofSeconds(5)));
    lease.connect().block();
    List<Value.Record> out = work.apply(lease.aside()).collectList().block();
    lease.close().block();
    assertEquals(0, t.driver.overlaps.get(), () -> t.driver.overlapLog.toString());
    return out;
  }
}
