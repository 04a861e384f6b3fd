package io.toasty.internal;

import io.toasty.Batch;
import io.toasty.Executor;
import io.toasty.Feature;
import io.toasty.MutationResult;
import io.toasty.Statement;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.generated.AbstractUpdate;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Runs an update for {@link AbstractUpdate#result}: a count of the matched records whose
 * explicitly set fields would change, then the update itself (which counts the matched ones),
 * both in one batch so that a backend with transactions runs them in one. Where the executor
 * refuses that batch before sending anything (a key-value store cannot make a read and a write
 * one request; a transaction without savepoints cannot nest it), they run one after the other.
 */
public final class ChangedRows {
  private ChangedRows() {}

  public static Mono<MutationResult> run(Executor db, String model, UpdateNode counted) {
    Query changed = new Query(counted.target(),
        ExprNode.and(counted.filter(), differs(model, counted.assignments())),
        new Returning.Count(), List.of(), null);
    List<Statement.Snapshot<?>> both = List.of(count(changed), count(counted));
    return db.execBatch(both)
        .onErrorResume(ChangedRows::runsAlone, e -> Batch.inOrder(db, both))
        .map(r -> new MutationResult((Long) r.get(1), (Long) r.get(0)));
  }

  /** {@code a IS DISTINCT FROM v OR ...} over the assignments; FALSE when there are none. */
  public static ExprNode differs(String model, List<Assignment> assignments) {
    List<ExprNode> any = new ArrayList<>(assignments.size());
    for (Assignment a : assignments) {
      any.add(new ExprNode.Not(new ExprNode.IsNotDistinctFrom(new ExprNode.Field(model, a.target()),
          a.value())));
    }
    if (any.isEmpty()) {
      return new ExprNode.Const(Value.FALSE);
    }
    return any.size() == 1 ? any.get(0) : new ExprNode.Or(any);
  }

  private static Statement.Snapshot<Long> count(StatementNode statement) {
    return new Statement.Snapshot<>(statement,
        values -> values.next().map(Values::asLong).defaultIfEmpty(0L));
  }

  /**
   * Whether the executor refused the batch before sending anything because it cannot make the
   * two one unit: no atomic request for a read and a write (DynamoDB), or no savepoint to nest
   * it in the transaction it runs in (which already holds both statements together).
   */
  private static boolean runsAlone(Throwable e) {
    return e instanceof UnsupportedFeatureException u
        && (u.feature() == Feature.ATOMIC_BATCH || u.feature() == Feature.SAVEPOINTS);
  }
}
