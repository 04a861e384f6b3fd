package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * {@code Operation.Atomic}: key reads as one TransactGetItems ({@link AtomicReadOp}), writes as
 * one TransactWriteItems ({@link AtomicWriteOp}). A mix of the two is not one request, and is
 * answered with an error (the planner never sends one).
 */
public final class AtomicOp {
  private AtomicOp() {}

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.Atomic op) {
    List<Operation.GetByKey> reads = new ArrayList<>();
    for (Operation o : op.operations()) {
      if (o instanceof Operation.GetByKey g) {
        reads.add(g);
      }
    }
    if (reads.size() == op.operations().size()) {
      return AtomicReadOp.run(cx, reads);
    }
    if (!reads.isEmpty()) {
      return Mono.error(new IllegalArgumentException("an atomic request mixes key reads with "
          + "writes; DynamoDB has no one request for both"));
    }
    return AtomicWriteOp.run(cx, op.operations());
  }
}
