package io.toasty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.Update;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ChangedRowsTest {
  private static final Expr FILTER = new Expr.Compare(Expr.CompareOp.EQ,
      new Expr.Field("User", 0), new Expr.Const(Value.of(1L)));
  private static final Update UPDATE = new Update(new Source.Model("User"), FILTER,
      List.of(new Assignment(1, new Expr.Const(Value.of("a"))),
          new Assignment(2, new Expr.Const(Value.NULL))),
      new Returning.Count());

  /** Answers a count query with {@code changed}, anything else with {@code matched}. */
  private static final class Counting implements Executor {
    final List<io.toasty.stmt.Statement> sent = new ArrayList<>();
    final boolean refusesBatch;

    Counting(boolean refusesBatch) {
      this.refusesBatch = refusesBatch;
    }

    @Override public Flux<Value> exec(io.toasty.stmt.Statement statement) {
      sent.add(statement);
      return Flux.just(new Value.I64(statement instanceof Query ? 2 : 5));
    }

    @Override public Mono<List<Object>> execBatch(List<Statement.Snapshot<?>> statements) {
      return refusesBatch ? Mono.error(new UnsupportedFeatureException(Feature.ATOMIC_BATCH,
          null, "no")) : Executor.super.execBatch(statements);
    }
  }

  @Test
  void theCountReadsTheMatchedRecordsWhoseSetFieldsDiffer() {
    Counting db = new Counting(false);
    assertEquals(new MutationResult(5, 2), ChangedRows.run(db, "User", UPDATE).block());
    Query count = assertInstanceOf(Query.class, db.sent.get(0));
    assertInstanceOf(Returning.Count.class, count.returning());
    assertEquals(Expr.and(FILTER, new Expr.Or(List.of(
        new Expr.Not(new Expr.IsNotDistinctFrom(new Expr.Field("User", 1),
            new Expr.Const(Value.of("a")))),
        new Expr.Not(new Expr.IsNotDistinctFrom(new Expr.Field("User", 2),
            new Expr.Const(Value.NULL)))))), count.filter());
    assertEquals(UPDATE, db.sent.get(1));
  }

  @Test
  void aBackendThatCannotBatchThemRunsThemInOrder() {
    Counting db = new Counting(true);
    assertEquals(new MutationResult(5, 2), ChangedRows.run(db, "User", UPDATE).block());
    assertEquals(2, db.sent.size());
  }

  @Test
  void otherErrorsAreNotRetried() {
    Executor failing = new Executor() {
      @Override public Flux<Value> exec(io.toasty.stmt.Statement statement) {
        return Flux.error(new IllegalStateException("boom"));
      }
    };
    assertThrows(IllegalStateException.class,
        () -> ChangedRows.run(failing, "User", UPDATE).block());
  }

  @Test
  void anUpdateSettingNothingChangesNothing() {
    assertEquals(new Expr.Const(Value.FALSE), ChangedRows.differs("User", List.of()));
  }

  @Test
  void negativeCountsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new MutationResult(-1, 0));
    assertEquals(3, new MutationResult(5, 2).unchanged());
  }
}
