package io.toasty.reactive.internal.route;

import io.toasty.Batch;
import io.toasty.Statement;
import io.toasty.driver.Connection;
import io.toasty.planner.action.ActionPlan;
import io.toasty.planner.batch.BatchShape;
import io.toasty.reactive.TxOptions;
import io.toasty.reactive.exec.BoundPlan;
import io.toasty.reactive.exec.Interpreter;
import io.toasty.reactive.internal.gate.GatedDriver;
import io.toasty.reactive.internal.write.Capture;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A batch on a backend without interactive transactions: every statement is planned first, the
 * planner decides from the plans whether the batch can be one atomic request
 * ({@link BatchShape}) and refuses it before anything is sent if not; then each plan runs with
 * its one operation captured ({@link Capture}) and all of them go to the driver as one
 * {@code Operation.Atomic}. Reads that are not by key run one after the other; a batch that
 * reads and writes, whose writes take several operations, or that writes one record twice
 * ({@link RecordWrittenTwice}), runs as one optimistic transaction where the backend has them.
 */
public final class AtomicBatch {
  private AtomicBatch() {}

  public static Mono<List<Object>> run(Router db, GatedDriver driver,
      List<Statement.Snapshot<?>> batch) {
    return Mono.defer(() -> {
      List<BoundPlan> bound = new ArrayList<>(batch.size());
      List<ActionPlan> plans = new ArrayList<>();
      for (Statement.Snapshot<?> s : batch) {
        BoundPlan b = s.untyped() == null ? null : db.bindAsWritten(s.untyped());
        bound.add(b);
        if (b != null) {
          plans.add(b.plan().actions());
        }
      }
      BatchShape shape = BatchShape.of(plans, db.models(), driver.capability());
      if (shape == BatchShape.READS) {
        return Batch.inOrder(db, batch);
      }
      if (shape == BatchShape.TRANSACTION || shape == BatchShape.WRITES
          && driver.capability().optimisticTransactions()
          && RecordWrittenTwice.in(batch, db.models())) {
        // reads recorded, writes buffered and sent at COMMIT: all or nothing (BatchQueryTest)
        return db.transactionMono(TxOptions.defaults(), tx -> Batch.inOrder(tx, batch));
      }
      return Mono.usingWhen(driver.connect(), c -> atomic(db, c, batch, bound), Connection::close,
          (c, e) -> c.close(), Connection::close);
    });
  }

  /**
   * Every statement subscribed at once, each stopping at its captured operation; the last
   * source sends them all as one request, after every plan has reached its operation.
   */
  private static Mono<List<Object>> atomic(Router db, Connection connection,
      List<Statement.Snapshot<?>> batch, List<BoundPlan> bound) {
    Capture capture = new Capture(batch.size());
    List<Mono<Object>> sources = new ArrayList<>(batch.size() + 1);
    for (int i = 0; i < batch.size(); i++) {
      BoundPlan b = bound.get(i);
      Flux<Value> values = b == null ? Flux.empty() : db.results(b,
          Interpreter.run(b.plan().actions(), b.args(), capture.sender(i)));
      sources.add(Batch.finish(batch.get(i), values));
    }
    sources.add(capture.send(connection).then(Mono.empty()));
    return Flux.mergeSequential(sources, sources.size(), 1).collectList();
  }
}
