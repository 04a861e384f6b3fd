package io.toasty.planner.verify;

import static io.toasty.planner.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.error.InvalidStatementException;
import io.toasty.planner.Planner;
import io.toasty.planner.Prepared;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.IncludeNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifyTest {
  private final Planner planner = new Planner(SCHEMA, Capability.H2, 16);

  @Test
  void fieldOfAnotherModelIsNamed() {
    var e = assertThrows(InvalidStatementException.class,
        () -> planner.prepare(users(eq(new ExprNode.Field("Todo", 1), str("x")))));
    assertEquals("User", e.model().orElseThrow());
    assertEquals("title", e.field().orElseThrow());
    assertTrue(e.getMessage().contains("belongs to model Todo"), e.getMessage());
  }

  @Test
  void aTupleInASubqueryWantsAsManyColumnsAsItHolds() {
    ExprNode tuple = ExprNode.Record.of(user(ID), user(NAME));
    Query two = new Query(new Source.Model("User"), ExprNode.TRUE,
        new Returning.Project(List.of(user(ID), user(NAME))), List.of(), null);
    planner.prepare(users(new ExprNode.InSubquery(tuple, two)));
    Query one = two.withReturning(new Returning.Project(List.of(user(ID))));
    var e = assertThrows(InvalidStatementException.class,
        () -> planner.prepare(users(new ExprNode.InSubquery(tuple, one))));
    assertTrue(e.getMessage().contains("exactly 2 expressions per row"), e.getMessage());
  }

  @Test
  void stringComparedWithLongFieldFailsPerExecution() {
    Prepared p = planner.prepare(users(eq(user(ID), str("abc"))));
    ArgCheck check = p.plan().checks().get(0);
    var e = assertThrows(InvalidStatementException.class, () -> check.apply(p.args().get(0)));
    assertEquals("User", e.model().orElseThrow());
    assertEquals("id", e.field().orElseThrow());
    assertTrue(e.getMessage().contains("\"abc\""), e.getMessage());
    assertEquals(new Value.I64(5), check.apply(new Value.I32(5)));
  }

  @Test
  void enumValuesMustBeConstants() {
    ArgCheck check = new ArgCheck(0, STATUS_TYPE, false, "User", "status");
    assertEquals(new Value.Str("DRAFT"), check.apply(new Value.Str("DRAFT")));
    assertThrows(InvalidStatementException.class, () -> check.apply(new Value.Str("GONE")));
  }

  @Test
  void booleanLiteralAgainstStringField() {
    var e = assertThrows(InvalidStatementException.class,
        () -> planner.prepare(users(eq(user(NAME), ExprNode.TRUE))));
    assertEquals("name", e.field().orElseThrow());
  }

  @Test
  void insertWithoutRequiredField() {
    InsertNode insert = new InsertNode(new Source.Model("User"), List.of(), List.of(userRow(
        new ExprNode.Default(), str("Ann"), new ExprNode.Default(), new ExprNode.Default(),
        new ExprNode.Default(), str("DRAFT"))), Returning.Model.plain());
    var e = assertThrows(InvalidStatementException.class, () -> planner.prepare(insert));
    assertEquals("User", e.model().orElseThrow());
    assertEquals("email", e.field().orElseThrow());
  }

  @Test
  void nullIntoNonNullableField() {
    UpdateNode u = new UpdateNode(new Source.Model("User"), eq(user(ID), i64(1)),
        List.of(new Assignment(NAME, ExprNode.NULL)), new Returning.Count());
    var e = assertThrows(InvalidStatementException.class, () -> planner.prepare(u));
    assertEquals("name", e.field().orElseThrow());
    UpdateNode ok = new UpdateNode(new Source.Model("User"), eq(user(ID), i64(1)),
        List.of(new Assignment(NICKNAME, ExprNode.NULL)), new Returning.Count());
    assertNotNull(planner.prepare(ok));
  }

  @Test
  void argChecksCarryNullabilityOfAssignedField() {
    UpdateNode u = new UpdateNode(new Source.Model("User"), eq(user(ID), i64(1)),
        List.of(new Assignment(NAME, str("x"))), new Returning.Count());
    ArgCheck name = planner.prepare(u).plan().checks().get(1);
    assertEquals(new ArgCheck(1, Type.Scalar.STRING, false, "User", "name",
        Capability.H2.valueRanges()), name);
    assertThrows(InvalidStatementException.class, () -> name.apply(Value.NULL));
  }

  @Test
  void relationPredicatesAndIncludesMustNameRelations() {
    ExprNode related = new ExprNode.Related(user(NAME), ExprNode.Quantifier.ANY, ExprNode.TRUE);
    var e = assertThrows(InvalidStatementException.class,
        () -> planner.prepare(users(related)));
    assertTrue(e.getMessage().contains("is not a relation"), e.getMessage());
    var include = users(ExprNode.TRUE).withReturning(new Returning.Model(
        List.of(new IncludeNode(user(NAME), Query.all("User")))));
    var e2 = assertThrows(InvalidStatementException.class, () -> planner.prepare(include));
    assertTrue(e2.getMessage().contains("include names no relation"), e2.getMessage());
  }

  @Test
  void failedShapesAreNotCached() {
    for (int i = 0; i < 3; i++) {
      assertThrows(InvalidStatementException.class,
          () -> planner.prepare(users(eq(user(NAME), ExprNode.TRUE))));
    }
    assertEquals(0, planner.cacheStats().size());
  }

  @Test
  void textMatchingOnANumberIsNamed() {
    var q =
        users(
            new ExprNode.Pattern(
                ExprNode.PatternKind.STARTS_WITH, user(LOGIN_COUNT), str("1"), false));
    var e = assertThrows(InvalidStatementException.class, () -> planner.prepare(q));
    assertTrue(e.getMessage().contains("User.loginCount"), e.getMessage());
    assertTrue(e.getMessage().contains("needs a string"), e.getMessage());
  }
}
