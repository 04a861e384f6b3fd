package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class DbTransactionTest {
  private static InsertNode twoTodos() {
    ExprNode.Record row =
        ExprNode.Record.of(new ExprNode.Default(), str("t"), new ExprNode.Default());
    return new InsertNode(new Source.Model("Todo"), List.of(), List.of(row, row),
        Returning.Model.plain());
  }

  @Test
  void severalInsertsCommitTogether() {
    Dbs t = new Dbs(Dbs.ROW_BY_ROW);
    List<Value> rows = t.db.exec(twoTodos()).collectList().block();
    assertEquals(2, rows.size());
    assertEquals(List.of("BEGIN", "Insert", "Insert", "COMMIT"), t.driver.kinds());
    assertEquals(1, t.driver.closes.get());
  }

  @Test
  void errorRollsBack() {
    Dbs t = new Dbs(Dbs.ROW_BY_ROW);
    AtomicInteger inserts = new AtomicInteger();
    t.driver.respond(op -> op instanceof Operation.Insert && inserts.incrementAndGet() == 2
        ? Mono.error(new DriverException("fake", "23505", "duplicate", null)) : null);
    StepVerifier.create(t.db.exec(twoTodos())).expectError(DriverException.class)
        .verify(Duration.ofSeconds(5));
    assertEquals(List.of("BEGIN", "Insert", "Insert", "ROLLBACK"), t.driver.kinds());
    assertEquals(1, t.driver.closes.get());
  }

  @Test
  void cancelRollsBack() {
    Dbs t = new Dbs(Dbs.ROW_BY_ROW);
    t.driver.respond(op -> op instanceof Operation.Insert
        ? Mono.just(new ExecResponse.Rows(Flux.never())) : null);
    StepVerifier.create(t.db.exec(twoTodos())).expectSubscription()
        .thenAwait(Duration.ofMillis(20)).thenCancel().verify(Duration.ofSeconds(5));
    assertEquals(List.of("BEGIN", "Insert", "ROLLBACK"), t.driver.kinds());
    assertEquals(1, t.driver.closes.get());
  }

  @Test
  void updateReturningWithoutReturningReselectsTheKeys() {
    Dbs t = new Dbs(Dbs.NO_RETURNING);
    t.driver.respond(op -> {
      if (op instanceof Operation.QuerySql q && q.statement() instanceof Query) {
        return Mono.just(new ExecResponse.Rows(Flux.just(q.rowType().size() == 1
            ? Value.Record.of(new Value.I64(5)) : userRow(5))));
      }
      return op instanceof Operation.QuerySql ? Mono.just(new ExecResponse.Count(1)) : null;
    });
    UpdateNode u = new UpdateNode(new Source.Model("User"), eq(user(1), str("old")),
        List.of(new Assignment(1, str("new"))), Returning.Model.plain());
    assertEquals(List.of(userRow(5)), t.db.exec(u).collectList().block());
    assertEquals(List.of("BEGIN", "QuerySql", "QuerySql", "QuerySql", "COMMIT"),
        t.driver.kinds());
    Operation.QuerySql update = (Operation.QuerySql) t.driver.log.get(2);
    UpdateNode sent = (UpdateNode) update.statement();
    assertEquals(new ExprNode.InList(new ExprNode.Column("users", 0), List.of(new ExprNode.Arg(2))),
        sent.filter());
    assertEquals(List.of(new Value.Str("old"), new Value.Str("new"), new Value.I64(5)),
        update.args());
  }
}
