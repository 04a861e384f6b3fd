package io.toasty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.Executor;
import io.toasty.Feature;
import io.toasty.MutationResult;
import io.toasty.Statement;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ChangedRowsTest {
  private static final ExprNode FILTER = new ExprNode.Compare(ExprNode.CompareOp.EQ,
      new ExprNode.Field("User", 0), new ExprNode.Const(Value.of(1L)));
  private static final UpdateNode UPDATE = new UpdateNode(new Source.Model("User"), FILTER,
      List.of(new Assignment(1, new ExprNode.Const(Value.of("a"))),
          new Assignment(2, new ExprNode.Const(Value.NULL))),
      new Returning.Count());

  /** Answers a count query with {@code changed}, anything else with {@code matched}. */
  private static final class Counting implements Executor {
    final List<StatementNode> sent = new ArrayList<>();
    final boolean refusesBatch;

    Counting(boolean refusesBatch) {
      this.refusesBatch = refusesBatch;
    }

    @Override public Flux<Value> exec(StatementNode statement) {
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
    assertEquals(ExprNode.and(FILTER, new ExprNode.Or(List.of(
        new ExprNode.Not(new ExprNode.IsNotDistinctFrom(new ExprNode.Field("User", 1),
            new ExprNode.Const(Value.of("a")))),
        new ExprNode.Not(new ExprNode.IsNotDistinctFrom(new ExprNode.Field("User", 2),
            new ExprNode.Const(Value.NULL)))))), count.filter());
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
      @Override public Flux<Value> exec(StatementNode statement) {
        return Flux.error(new IllegalStateException("boom"));
      }
    };
    assertThrows(IllegalStateException.class,
        () -> ChangedRows.run(failing, "User", UPDATE).block());
  }

  @Test
  void anUpdateSettingNothingChangesNothing() {
    assertEquals(new ExprNode.Const(Value.FALSE), ChangedRows.differs("User", List.of()));
  }

  @Test
  void negativeCountsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new MutationResult(-1, 0));
    assertEquals(3, new MutationResult(5, 2).unchanged());
  }
}
