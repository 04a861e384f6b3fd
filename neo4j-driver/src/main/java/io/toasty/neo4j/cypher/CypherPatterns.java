package io.toasty.neo4j.cypher;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.ExprNode;

/**
 * Text patterns: Cypher's own {@code STARTS WITH}, {@code ENDS WITH} and {@code CONTAINS}
 * (literal text, as the engine's patterns are), and SQL's LIKE as a regular expression built from
 * the pattern's value at each execution ({@link LikeRegex}). Case is ignored by lowering both
 * sides.
 */
final class CypherPatterns {
  private CypherPatterns() {}

  static void render(CypherWalk walk, ExprNode.Pattern p) {
    StringBuilder out = walk.out();
    out.append('(');
    if (p.kind() == ExprNode.PatternKind.LIKE) {
      walk.expr(p.operand());
      out.append(" =~ ");
      Param.Form form = p.ignoreCase() ? Param.Form.LIKE_REGEX_IGNORE_CASE
          : Param.Form.LIKE_REGEX;
      if (p.pattern() instanceof ExprNode.Arg a) {
        walk.param(new Param.Arg(a.index(), form));
      } else if (p.pattern() instanceof ExprNode.Const c) {
        walk.param(new Param.Const(c.value(), form));
      } else {
        throw new UnsupportedFeatureException(Feature.PATTERN_MATCH,
            CypherWalk.BACKEND, "a LIKE pattern must be a value, not " + p.pattern());
      }
      out.append(')');
      return;
    }
    side(walk, p.operand(), p.ignoreCase());
    out.append(switch (p.kind()) {
      case STARTS_WITH -> " STARTS WITH ";
      case ENDS_WITH -> " ENDS WITH ";
      default -> " CONTAINS ";
    });
    side(walk, p.pattern(), p.ignoreCase());
    out.append(')');
  }

  private static void side(CypherWalk walk, ExprNode e, boolean lower) {
    if (lower) {
      walk.out().append("toLower(");
      walk.expr(e);
      walk.out().append(')');
    } else {
      walk.expr(e);
    }
  }
}
