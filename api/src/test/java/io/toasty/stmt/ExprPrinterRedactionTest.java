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
  private static final ExprNode USER = new ExprNode.Field("Login", 0);
  private static final ExprNode PASSWORD = new ExprNode.Field("Login", 1);

  private static ExprNode eq(ExprNode field, String value) {
    return new ExprNode.Compare(ExprNode.CompareOp.EQ, field, ExprNode.of(new Value.Str(value)));
  }

  @Test
  void aComparisonWithASensitiveFieldHidesTheValue() {
    ExprNode e = new ExprNode.And(List.of(eq(USER, "ann"), eq(PASSWORD, "hunter2")));
    assertEquals("user = \"ann\" AND password = ***", ExprPrinter.print(e, LOGIN));
  }

  @Test
  void theMaskDoesNotShowTheLength() {
    assertEquals(ExprPrinter.print(eq(PASSWORD, "a"), LOGIN),
        ExprPrinter.print(eq(PASSWORD, "a much longer secret"), LOGIN));
  }

  @Test
  void listsFunctionsAndPatternsAreHiddenToo() {
    ExprNode in = new ExprNode.InList(PASSWORD, List.of(ExprNode.of(new Value.Str("p1")),
        ExprNode.of(new Value.Str("p2"))));
    assertEquals("password IN (***, ***)", ExprPrinter.print(in, LOGIN));
    ExprNode lower =
        new ExprNode.Compare(
            ExprNode.CompareOp.EQ,
            new ExprNode.Func(ExprNode.FuncOp.LOWER, PASSWORD),
            ExprNode.of(new Value.Str("p")));
    assertEquals("lower(password) = ***", ExprPrinter.print(lower, LOGIN));
    ExprNode nulls = new ExprNode.IsNull(PASSWORD);
    assertEquals("password IS NULL", ExprPrinter.print(nulls, LOGIN));
  }
}
