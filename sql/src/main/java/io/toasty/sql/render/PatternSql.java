package io.toasty.sql.render;

import static io.toasty.sql.render.ExprTypes.unwrapSingleton;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import io.toasty.value.Value;

/**
 * Pattern matches (startsWith, endsWith, contains, like; case-sensitive or not) in the
 * dialect's syntax, the bound value becoming the escaped pattern.
 */
final class PatternSql {
  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;

  PatternSql(SqlContext ctx) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
  }

  /**
   * startsWith/endsWith/contains/like, case-sensitive or not: one switch over the dialect's
   * syntax. The bound value becomes the pattern (escaped, wildcards added) when bound.
   */
  void pattern(ExprNode.Pattern p) {
    boolean glob = false;
    String before;
    String after;
    switch (dialect.patternSyntax()) {
      case LIKE_OR_ILIKE -> {
        before = "";
        after = p.ignoreCase() ? " ILIKE " : " LIKE ";
      }
      case LIKE_OR_LOWER_LIKE -> {
        before = p.ignoreCase() ? "LOWER(" : "";
        after = p.ignoreCase() ? ") LIKE LOWER(" : " LIKE ";
      }
      case GLOB_OR_LIKE -> {
        glob = !p.ignoreCase();
        before = "";
        after = glob ? " GLOB " : " LIKE ";
      }
      default -> throw new IllegalStateException();
    }
    out.append(before);
    ctx.wrappedUnlessAtom(p.operand(), null);
    out.append(after);
    patternValue(p, new PatternBinding(p.kind(), glob));
    if (dialect.patternSyntax() == SqlDialect.PatternSyntax.LIKE_OR_LOWER_LIKE) {
      if (p.ignoreCase()) {
        out.append(')');
      }
    } else if (!glob) {
      out.append(" ESCAPE '\\'");
    }
  }

  private void patternValue(ExprNode.Pattern p, PatternBinding binding) {
    ExprNode x = unwrapSingleton(p.pattern());
    if (x instanceof ExprNode.Arg a) {
      ctx.marker(a.index(), null, Type.Scalar.STRING, binding);
    } else if (x instanceof ExprNode.Const c && c.value() instanceof Value.Str s) {
      ctx.marker(-1, new Value.Str(binding.pattern(s.value())), Type.Scalar.STRING);
    } else if (x instanceof ExprNode.Const c && c.value().isNull()) {
      out.append("NULL");
    } else if (p.kind() == ExprNode.PatternKind.LIKE && !binding.glob()) {
      ctx.wrappedUnlessAtom(x, Type.Scalar.STRING);
    } else {
      throw new UnsupportedFeatureException(Feature.PATTERN_MATCH,
          dialect.backend(), "a " + p.kind()
          + " pattern that is not a value: match against a string value: " + p);
    }
  }
}
