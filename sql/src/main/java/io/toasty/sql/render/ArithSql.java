package io.toasty.sql.render;

import static io.toasty.sql.render.ExprTypes.isInteger;

import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import org.jspecify.annotations.Nullable;

/**
 * Arithmetic: {@code a op b} with the dialect's integer division and modulo, a zero divisor
 * failing on every backend and an integer overflow failing where the database would not.
 */
final class ArithSql {
  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;

  ArithSql(SqlContext ctx) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
  }

  /**
   * {@code a op b}. A division or remainder of a non-NULL value by zero fails on every backend
   * ({@code DivisionByZeroException}): PostgreSQL and H2 fail by themselves; where the database
   * gives NULL (SQLite, MariaDB) the divisor is written as a check (see {@link #divisor}).
   */
  void arith(ExprNode.Arith a, @Nullable Type expected) {
    if (!dialect.integerOverflowFails() && a.op() != ExprNode.ArithOp.MOD
        && isInteger(ctx.typeOf(a.left())) && isInteger(ctx.typeOf(a.right()))) {
      checkedArith(a, expected);
    } else {
      plainArith(a, expected);
    }
  }

  /**
   * Integer {@code a op b} on a database whose overflow yields a REAL (SQLite): the result is
   * computed once in a scalar subquery and, if it came out a REAL, replaced by {@code abs()} of
   * the least integer, which fails with "integer overflow" (SQLite has no RAISE outside
   * triggers). The argument depends on the result so that SQLite cannot evaluate it once, as a
   * constant, before the first row.
   */
  private void checkedArith(ExprNode.Arith a, @Nullable Type expected) {
    out.append("(SELECT CASE typeof(toasty_v) WHEN 'real' THEN abs(-9223372036854775807 - 1"
        + " + length(toasty_v) * 0) ELSE toasty_v END FROM (SELECT ");
    plainArith(a, expected);
    out.append(" AS toasty_v))");
  }

  private void plainArith(ExprNode.Arith a, @Nullable Type expected) {
    Type left = ctx.typeOf(a.left());
    Type right = ctx.typeOf(a.right());
    Type type = left != null ? left : right != null ? right : expected;
    Type leftType = left != null ? left : type;
    Type rightType = right != null ? right : type;
    boolean divides = a.op() == ExprNode.ArithOp.DIV || a.op() == ExprNode.ArithOp.MOD;
    if (a.op() == ExprNode.ArithOp.MOD && dialect.modulo() == SqlDialect.Modulo.MOD_FUNCTION) {
      out.append("MOD(");
      ctx.expr(a.left(), leftType);
      out.append(", ");
      divisor(a.left(), leftType, a.right(), rightType);
      out.append(')');
      return;
    }
    ctx.wrappedUnlessAtom(a.left(), leftType);
    if (a.op() == ExprNode.ArithOp.DIV && isInteger(left) && isInteger(right)
        && dialect.integerDivision() == SqlDialect.IntegerDivision.DIV_KEYWORD) {
      out.append(" DIV ");
    } else {
      out.append(' ').append(a.op().symbol()).append(' ');
    }
    if (divides) {
      divisor(a.left(), leftType, a.right(), rightType);
    } else {
      ctx.wrappedUnlessAtom(a.right(), rightType);
    }
  }

  /**
   * The divisor {@code e} of {@code dividend}: as it is where the database fails on a zero
   * divisor, else {@code CASE WHEN e = 0 AND dividend IS NOT NULL THEN <failure> ELSE e END}, the
   * dialect's failure ({@link SqlDialect#divisionByZeroFailure}) raised only where SQL would
   * (a NULL dividend divides to NULL). The expressions are written again, markers included.
   */
  private void divisor(ExprNode dividend, @Nullable Type dividendType, ExprNode e,
      @Nullable Type type) {
    String failure = dialect.divisionByZeroFailure();
    if (failure == null) {
      ctx.wrappedUnlessAtom(e, type);
      return;
    }
    out.append("CASE WHEN ");
    ctx.wrappedUnlessAtom(e, type);
    out.append(" = 0 AND ");
    ctx.wrappedUnlessAtom(dividend, dividendType);
    out.append(" IS NOT NULL THEN ");
    String[] pieces = failure.split("\\{0\\}", -1);
    for (int i = 0; i < pieces.length; i++) {
      if (i > 0) {
        ctx.wrappedUnlessAtom(e, type);
      }
      out.append(pieces[i]);
    }
    out.append(" ELSE ");
    ctx.expr(e, type);
    out.append(" END");
  }
}
