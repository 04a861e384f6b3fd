package io.toasty.stmt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values compared with a {@code @Sensitive} field print as {@code ***}; others as they are. */
class ExprPrinterRedactionTest {
  private static final ModelSchema LOGIN = new ModelSchema("Login", "x.Login", "logins", List.of(
      new FieldSchema(0, "user", Type.Scalar.STRING, false, null, null, "user"),
      new FieldSchema(1, "password", Type.Scalar.STRING, false, null, null, "password", null,
          true)), List.of(0), List.of());
  private static final Expr USER = new Expr.Field("Login", 0);
  private static final Expr PASSWORD = new Expr.Field("Login", 1);

  private static Expr eq(Expr field, String value) {
    return new Expr.Compare(Expr.CompareOp.EQ, field, Expr.of(new Value.Str(value)));
  }

  @Test
  void aComparisonWithASensitiveFieldHidesTheValue() {
    Expr e = new Expr.And(List.of(eq(USER, "ann"), eq(PASSWORD, "hunter2")));
    assertEquals("user = \"ann\" AND password = ***", ExprPrinter.print(e, LOGIN));
  }

  @Test
  void theMaskDoesNotShowTheLength() {
    assertEquals(ExprPrinter.print(eq(PASSWORD, "a"), LOGIN),
        ExprPrinter.print(eq(PASSWORD, "a much longer secret"), LOGIN));
  }

  @Test
  void listsFunctionsAndPatternsAreHiddenToo() {
    Expr in = new Expr.InList(PASSWORD, List.of(Expr.of(new Value.Str("p1")),
        Expr.of(new Value.Str("p2"))));
    assertEquals("password IN (***, ***)", ExprPrinter.print(in, LOGIN));
    Expr lower = new Expr.Compare(Expr.CompareOp.EQ, new Expr.Func(Expr.FuncOp.LOWER, PASSWORD),
        Expr.of(new Value.Str("p")));
    assertEquals("lower(password) = ***", ExprPrinter.print(lower, LOGIN));
    Expr nulls = new Expr.IsNull(PASSWORD);
    assertEquals("password IS NULL", ExprPrinter.print(nulls, LOGIN));
  }
}
