package io.toasty.planner.simplify;

import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Expr;

/** What schema-aware rules may consult: whether a field can hold NULL. */
public record SimplifyContext(Schema schema) {

  /** Whether {@code e} may evaluate to NULL (conservatively true when unknown). */
  public boolean mayBeNull(Expr e) {
    if (e instanceof Expr.Const c) {
      return c.value().isNull();
    } else if (e instanceof Expr.Arg || e instanceof Expr.IsNull || e instanceof Expr.Exists
        || e instanceof Expr.Record || e instanceof Expr.IsNotDistinctFrom) {
      return false;
    } else if (e instanceof Expr.Field f) {
      return fieldMayBeNull(f);
    } else if (e instanceof Expr.Compare c) {
      return mayBeNull(c.left()) || mayBeNull(c.right());
    } else if (e instanceof Expr.Arith a) {
      // x / 0 and x % 0 are NULL.
      return a.op() == Expr.ArithOp.DIV || a.op() == Expr.ArithOp.MOD
          || mayBeNull(a.left()) || mayBeNull(a.right());
    } else if (e instanceof Expr.Func f) {
      return mayBeNull(f.operand());
    } else if (e instanceof Expr.JsonText) {
      return true; // a path may lead nowhere in a document
    } else if (e instanceof Expr.Contains c) {
      return mayBeNull(c.operand());
    } else if (e instanceof Expr.IsEmpty i) {
      return mayBeNull(i.operand());
    } else if (e instanceof Expr.CollectionChange c) {
      return (c.op() == Expr.ChangeOp.REMOVE || c.op() == Expr.ChangeOp.REMOVE_KEYS)
          && mayBeNull(c.operand());
    } else if (e instanceof Expr.And a) {
      return a.operands().stream().anyMatch(this::mayBeNull);
    } else if (e instanceof Expr.Or o) {
      return o.operands().stream().anyMatch(this::mayBeNull);
    } else if (e instanceof Expr.Not n) {
      return mayBeNull(n.operand());
    } else if (e instanceof Expr.Pattern p) {
      return mayBeNull(p.operand()) || mayBeNull(p.pattern());
    } else if (e instanceof Expr.InList in) {
      return mayBeNull(in.operand()) || in.items().stream().anyMatch(this::mayBeNull);
    }
    return true;
  }

  private boolean fieldMayBeNull(Expr.Field f) {
    if (schema == null || !schema.hasModel(f.model())) {
      return true;
    }
    ModelSchema m = schema.model(f.model());
    return f.index() < 0 || f.index() >= m.fields().size() || m.field(f.index()).nullable();
  }
}
