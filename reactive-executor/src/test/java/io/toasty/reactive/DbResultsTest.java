package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.InvalidStatementException;
import io.toasty.planner.PlanCacheStats;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class DbResultsTest {
  @Test
  void insertReturnsGeneratedUuidsAndDefaults() {
    Dbs t = new Dbs(Capability.H2);
    ExprNode.Record row =
        ExprNode.Record.of(new ExprNode.Default(), str("write tests"), new ExprNode.Default());
    InsertNode insert = new InsertNode(new Source.Model("Todo"), List.of(), List.of(row, row),
        Returning.Model.plain());
    List<Value> created = t.db.exec(insert).collectList().block();
    assertEquals(2, created.size());
    UUID first = ((Value.Uuid) ((Value.Record) created.get(0)).get(0)).value();
    UUID second = ((Value.Uuid) ((Value.Record) created.get(1)).get(0)).value();
    assertEquals(7, first.version());
    assertNotEquals(first, second);
    assertEquals(Value.FALSE, ((Value.Record) created.get(0)).get(2));
    List<Value> again = t.db.exec(insert).collectList().block();
    assertNotEquals(first, ((Value.Uuid) ((Value.Record) again.get(0)).get(0)).value());
  }

  @Test
  void identityKeyComesBackFromTheInsert() {
    Dbs t = new Dbs(Capability.H2);
    InsertNode insert =
        new InsertNode(
            new Source.Model("User"),
            List.of(),
            List.of(
                ExprNode.Record.of(
                    new ExprNode.Default(), str("Ann"), str("ann@x"), new ExprNode.Default())),
            Returning.Model.plain());
    Value.Record ann = (Value.Record) t.db.exec(insert).single().block();
    assertEquals(Value.Record.of(new Value.I64(101), new Value.Str("Ann"), new Value.Str("ann@x"),
        Value.NULL), ann);
    Operation.Insert op = (Operation.Insert) t.driver.log.get(0);
    assertEquals(List.of(1, 2, 3), op.statement().columns());
  }

  @Test
  void countsComeBackAsI64() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> Mono.just(new ExecResponse.Count(3)));
    DeleteNode delete = new DeleteNode(new Source.Model("User"), eq(user(1), str("a")),
        new Returning.Count());
    assertEquals(List.of(new Value.I64(3)), t.db.exec(delete).collectList().block());
    UpdateNode update = new UpdateNode(new Source.Model("User"), eq(user(1), str("a")),
        List.of(new Assignment(1, str("b"))), new Returning.Count());
    assertEquals(new Value.I64(3), t.db.exec(update).blockFirst());
  }

  @Test
  void emptyQueryIssuesNoOperation() {
    Dbs t = new Dbs(Capability.H2);
    StepVerifier.create(t.db.exec(users(eq(user(3), ExprNode.NULL)))).verifyComplete();
    UpdateNode update = new UpdateNode(new Source.Model("User"), ExprNode.and(eq(user(1), str("a")),
        ExprNode.FALSE), List.of(new Assignment(1, str("b"))), new Returning.Count());
    assertEquals(new Value.I64(0), t.db.exec(update).blockFirst());
    assertEquals(0, t.driver.connects.get());
    assertTrue(t.driver.log.isEmpty());
  }

  @Test
  void illTypedValueFailsBeforeTheDriverOnEveryExecution() {
    Dbs t = new Dbs(Capability.H2);
    for (int i = 0; i < 2; i++) {
      StepVerifier.create(t.db.exec(users(eq(user(0), str("abc")))))
          .expectErrorSatisfies(e -> {
            assertInstanceOf(InvalidStatementException.class, e);
            assertTrue(e.getMessage().startsWith("User.id: value \"abc\""), e.getMessage());
          }).verify(Duration.ofSeconds(5));
    }
    assertEquals(0, t.driver.connects.get());
    assertEquals(new PlanCacheStats(1, 1, 1), t.db.planCacheStats());
  }

  @Test
  void repeatedShapesHitThePlanCache() {
    Dbs t = new Dbs(Capability.H2);
    t.db.exec(users(eq(user(2), str("a@x")))).blockLast();
    t.db.exec(users(eq(user(2), str("b@x")))).blockLast();
    assertEquals(new PlanCacheStats(1, 1, 1), t.db.planCacheStats());
    Operation.QuerySql a = (Operation.QuerySql) t.driver.log.get(0);
    Operation.QuerySql b = (Operation.QuerySql) t.driver.log.get(1);
    assertSame(a.statement(), b.statement(), "one statement instance per plan");
  }

  @Test
  void severalDbsLiveSideBySide() {
    Dbs one = new Dbs(Capability.H2);
    Dbs two = new Dbs(Capability.DYNAMODB);
    one.db.exec(users(eq(user(2), str("a@x")))).blockLast();
    two.db.exec(users(eq(user(2), str("a@x")))).blockLast();
    assertEquals(List.of("QuerySql"), one.driver.kinds());
    assertEquals(List.of("FindPkByIndex"), two.driver.kinds());
    assertEquals(1, one.db.planCacheStats().misses());
    assertEquals(1, two.db.planCacheStats().misses());
    assertEquals("dynamodb", two.db.capability().backend());
  }

  @Test
  void keyValuePlansFlowKeysBetweenOperations() {
    Dbs t = new Dbs(Capability.DYNAMODB);
    t.driver.respond(op -> {
      if (op instanceof Operation.FindPkByIndex) {
        return Mono.just(new ExecResponse.Rows(Flux.just(
            Value.Record.of(new Value.I64(7)))));
      }
      return op instanceof Operation.GetByKey
          ? Mono.just(new ExecResponse.Rows(Flux.just(userRow(7)))) : null;
    });
    assertEquals(List.of(userRow(7)), t.db.exec(users(eq(user(2), str("user7@example.com"))))
        .collectList().block());
    Operation.GetByKey get = (Operation.GetByKey) t.driver.log.get(1);
    assertEquals(List.of(Value.Record.of(new Value.I64(7))), get.keys());
    // a non-key term filters in memory
    assertEquals(List.of(), t.db.exec(users(ExprNode.and(eq(user(2), str("x")),
        eq(user(1), str("somebody else"))))).collectList().block());
  }

  @Test
  void schemaExplainAndClose() {
    Dbs t = new Dbs(Capability.H2);
    t.db.schema().push().block();
    t.db.schema().reset().block();
    assertEquals(1, t.driver.pushes.get());
    assertEquals(1, t.driver.resets.get());
    assertTrue(t.db.explain(users(eq(user(2), str("a")))).contains("ExecStatementAction"));
    t.db.close().block();
  }
}
