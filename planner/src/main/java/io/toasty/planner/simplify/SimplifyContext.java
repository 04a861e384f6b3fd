package io.toasty.planner.simplify;

import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import org.jspecify.annotations.Nullable;

/** What schema-aware rules may consult: whether a field can hold NULL. */
public record SimplifyContext(@Nullable Schema schema) {

  /** Whether {@code e} may evaluate to NULL (conservatively true when unknown). */
  public boolean mayBeNull(ExprNode e) {
    if (e instanceof ExprNode.Const c) {
      return c.value().isNull();
    } else if (e instanceof ExprNode.Arg
        || e instanceof ExprNode.IsNull
        || e instanceof ExprNode.Exists
        || e instanceof ExprNode.Record
        || e instanceof ExprNode.IsNotDistinctFrom) {
      return false;
    } else if (e instanceof ExprNode.Field f) {
      return fieldMayBeNull(f);
    } else if (e instanceof ExprNode.Outer o) {
      return mayBeNull(o.operand());
    } else if (e instanceof ExprNode.Compare c) {
      return mayBeNull(c.left()) || mayBeNull(c.right());
    } else if (e instanceof ExprNode.Arith a) {
      // x / 0 and x % 0 are NULL.
      return a.op() == ExprNode.ArithOp.DIV || a.op() == ExprNode.ArithOp.MOD
          || mayBeNull(a.left()) || mayBeNull(a.right());
    } else if (e instanceof ExprNode.Func f) {
      return mayBeNull(f.operand());
    } else if (e instanceof ExprNode.JsonText) {
      return true; // a path may lead nowhere in a document
    } else if (e instanceof ExprNode.Contains c) {
      return mayBeNull(c.operand());
    } else if (e instanceof ExprNode.IsEmpty i) {
      return mayBeNull(i.operand());
    } else if (e instanceof ExprNode.CollectionChange c) {
      return (c.op() == ExprNode.ChangeOp.REMOVE || c.op() == ExprNode.ChangeOp.REMOVE_KEYS)
          && mayBeNull(c.operand());
    } else if (e instanceof ExprNode.And a) {
      return a.operands().stream().anyMatch(this::mayBeNull);
    } else if (e instanceof ExprNode.Or o) {
      return o.operands().stream().anyMatch(this::mayBeNull);
    } else if (e instanceof ExprNode.Not n) {
      return mayBeNull(n.operand());
    } else if (e instanceof ExprNode.Pattern p) {
      return mayBeNull(p.operand()) || mayBeNull(p.pattern());
    } else if (e instanceof ExprNode.InList in) {
      return mayBeNull(in.operand()) || in.items().stream().anyMatch(this::mayBeNull);
    }
    return true;
  }

  private boolean fieldMayBeNull(ExprNode.Field f) {
    if (schema == null || !schema.hasModel(f.model())) {
      return true;
    }
    ModelSchema m = schema.model(f.model());
    return f.index() < 0 || f.index() >= m.fields().size() || m.field(f.index()).nullable();
  }
}
