package io.toasty.planner.cache;

import static io.toasty.planner.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.Expr;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterizeTest {
  @Test
  void literalsBecomeArgsInWalkOrder() {
    Shape s = Parameterize.of(users(Expr.and(eq(user(EMAIL), str("a@x")),
        eq(user(ID), i64(7)))));
    assertEquals(List.of(new Value.Str("a@x"), new Value.I64(7)), s.args());
    assertEquals(Expr.and(eq(user(EMAIL), new Expr.Arg(0)), eq(user(ID), new Expr.Arg(1))),
        ((Query) s.statement()).filter());
  }

  @Test
  void nullTrueFalseStayLiteral() {
    Expr f = new Expr.Or(List.of(eq(user(NICKNAME), Expr.NULL), Expr.TRUE, Expr.FALSE));
    Shape s = Parameterize.of(users(f));
    assertTrue(s.args().isEmpty());
    assertEquals(f, ((Query) s.statement()).filter());
  }

  @Test
  void limitAndOffsetBecomeArgs() {
    Shape s = Parameterize.of(users(Expr.TRUE).withLimit(new Limit(i64(10), i64(20))));
    assertEquals(new Limit(new Expr.Arg(0), new Expr.Arg(1)), ((Query) s.statement()).limit());
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
        () -> Parameterize.of(users(eq(user(ID), new Expr.Arg(0)))));
  }
}
