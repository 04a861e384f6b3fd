package io.toasty.reactive;

import static io.toasty.reactive.Models.str;
import static io.toasty.reactive.Models.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.driver.Capability;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.planner.PlanCacheStats;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.ShapeKey;
import io.toasty.stmt.Shaped;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Db.read} of a query with a shape key (as generated finders make): the same records and
 * the same operations sent as without the key, for repeats, NULLs and transactions; the plan
 * cache's statistics as without the key.
 */
class DbShapeKeyTest {
  private static final ShapeKey BY_NICKNAME = new ShapeKey("User.filterByNickname");

  private static Dbs answering() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> op instanceof Operation.QuerySql q && !q.rowType().isEmpty()
        ? Mono.just(new ExecResponse.Rows(Flux.just(Value.Record.of(new Value.I64(1),
            new Value.Str("Ann"), new Value.Str("ann@example.com"), q.args().isEmpty()
                ? Value.NULL : q.args().get(0))))) : null);
    return t;
  }

  private static Query byNickname(ExprNode nickname) {
    return Query.all("User")
        .withFilter(new ExprNode.Compare(ExprNode.CompareOp.EQ, user(3), nickname));
  }

  private static List<ExprNode> nicknames() {
    return List.of(str("a"), str("b"), ExprNode.NULL, str("c"), str("a"), ExprNode.NULL, str("d"));
  }

  @Test
  void aKeyedReadSendsAndReturnsWhatTheOrdinaryReadDoes() {
    Dbs keyed = answering();
    Dbs plain = answering();
    DbDirectReadTest.Counted model = new DbDirectReadTest.Counted();
    for (ExprNode nickname : nicknames()) {
      Query q = byNickname(nickname);
      List<String> viaKey = keyed.db.read(q, model, Shaped.of(BY_NICKNAME, q)).collectList()
          .block();
      assertEquals(plain.db.read(q, model).collectList().block(), viaKey);
    }
    assertEquals(plain.driver.log, keyed.driver.log);
    assertEquals(plain.db.planCacheStats(), keyed.db.planCacheStats());
    assertEquals(new PlanCacheStats(5, 2, 2), keyed.db.planCacheStats());
  }

  @Test
  void inATransactionTheKeyIsNotUsedAndTheRecordsAreTheSame() {
    Dbs keyed = answering();
    DbDirectReadTest.Counted model = new DbDirectReadTest.Counted();
    Query q = byNickname(str("a"));
    List<String> rows = keyed.db.transactionMono(tx -> tx.read(q, model,
        Shaped.of(BY_NICKNAME, q)).collectList()).block();
    assertEquals(List.of("Ann/false"), rows);
    assertEquals(1, model.loads.get());
  }
}
