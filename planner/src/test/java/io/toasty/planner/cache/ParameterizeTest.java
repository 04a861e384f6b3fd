package io.toasty.planner.cache;

import static io.toasty.planner.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterizeTest {
  @Test
  void literalsBecomeArgsInWalkOrder() {
    Shape s = Parameterize.of(users(ExprNode.and(eq(user(EMAIL), str("a@x")),
        eq(user(ID), i64(7)))));
    assertEquals(List.of(new Value.Str("a@x"), new Value.I64(7)), s.args());
    assertEquals(
        ExprNode.and(eq(user(EMAIL), new ExprNode.Arg(0)), eq(user(ID), new ExprNode.Arg(1))),
        ((Query) s.statement()).filter());
  }

  @Test
  void nullTrueFalseStayLiteral() {
    ExprNode f =
        new ExprNode.Or(List.of(eq(user(NICKNAME), ExprNode.NULL), ExprNode.TRUE, ExprNode.FALSE));
    Shape s = Parameterize.of(users(f));
    assertTrue(s.args().isEmpty());
    assertEquals(f, ((Query) s.statement()).filter());
  }

  @Test
  void limitAndOffsetBecomeArgs() {
    Shape s = Parameterize.of(users(ExprNode.TRUE).withLimit(new Limit(i64(10), i64(20))));
    assertEquals(
        new Limit(new ExprNode.Arg(0), new ExprNode.Arg(1)), ((Query) s.statement()).limit());
  }

  @Test
  void sameShapeForOtherValues() {
    Shape a = Parameterize.of(users(eq(user(EMAIL), str("a"))));
    Shape b = Parameterize.of(users(eq(user(EMAIL), str("b"))));
    assertEquals(a.statement(), b.statement());
    assertEquals(a.statement().hashCode(), b.statement().hashCode());
    assertNotEquals(a.args(), b.args());
  }

  @Test
  void argumentSlotsInInputAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> Parameterize.of(users(eq(user(ID), new ExprNode.Arg(0)))));
  }
}
