package io.toasty.stmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.Expr;
import io.toasty.NumberPath;
import io.toasty.StringPath;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Expr.sql(..)}: the node it builds, and the templates it refuses. */
class SqlFragmentNodeTest {
  static final StringPath NAME = new StringPath("User", 1, "name");
  static final NumberPath<Integer> AGE = new NumberPath<>("User", 2, "age", Type.Scalar.I32);

  @Test
  void operandsAndValuesInTextOrder() {
    ExprNode node = Expr.sql("lower({0}) = :x OR {1} > :n OR {0} = :x", NAME, AGE)
        .bind("x", "ann").bind("n", 3).node();
    ExprNode.Const ann = new ExprNode.Const(new Value.Str("ann"));
    assertEquals(
        new ExprNode.Sql(
            List.of("lower(", ") = ", " OR ", " > ", " OR ", " = ", ""),
            List.of(
                NAME.node(),
                ann,
                AGE.node(),
                new ExprNode.Const(new Value.I32(3)),
                NAME.node(),
                ann),
            List.of()),
        node);
  }

  @Test
  void unboundParametersAreListedForThePlanner() {
    ExprNode.Sql node = (ExprNode.Sql) Expr.sql("{0} = :x AND {0} <> :y", NAME).bind("x", "a")
        .node();
    assertEquals(List.of("y"), node.unbound());
  }

  @Test
  void badTemplatesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Expr.sql("{0} = ?", NAME));
    assertThrows(IllegalArgumentException.class, () -> Expr.sql("{1} = 1", NAME));
    assertThrows(IllegalArgumentException.class, () -> Expr.sql("{0} = ':x", NAME));
    assertThrows(IllegalArgumentException.class,
        () -> Expr.sql("{0} = :x", NAME).bind("y", 1));
  }
}
