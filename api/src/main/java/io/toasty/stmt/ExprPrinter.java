package io.toasty.stmt;

import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Value;
import java.util.List;

/**
 * Renders expressions for messages and plan dumps: {@code email = "carl@example.com"}. Field names
 * come from the model's schema when one is given.
 */
public final class ExprPrinter {
  private final ModelSchema model;
  private final StringBuilder out = new StringBuilder();
  private int depth;
  /** Whether constants print as {@code ***}: inside a comparison with a sensitive field. */
  private boolean redacting;

  private ExprPrinter(ModelSchema model) {
    this.model = model;
  }

  /** {@code expr}, with field names resolved against {@code model} (which may be null). */
  public static String print(Expr expr, ModelSchema model) {
    ExprPrinter p = new ExprPrinter(model);
    p.expr(expr);
    return p.out.toString();
  }

  /** {@code expr}, with fields and columns shown by index. */
  public static String print(Expr expr) {
    return print(expr, null);
  }

  private void expr(Expr e) {
    depth++;
    boolean outer = redacting;
    // A predicate on a sensitive field hides every value it holds (both sides, any depth).
    if (!redacting && !(e instanceof Expr.And) && !(e instanceof Expr.Or)
        && !(e instanceof Expr.Not) && touchesSensitive(e)) {
      redacting = true;
    }
    try {
      render(e);
    } finally {
      depth--;
      redacting = outer;
    }
  }

  private boolean touchesSensitive(Expr e) {
    if (model == null) {
      return false;
    }
    if (e instanceof Expr.Field f) {
      return model.name().equals(f.model()) && f.index() < model.fields().size()
          && model.fields().get(f.index()).sensitive();
    }
    if (e instanceof Expr.Compare c) {
      return touchesSensitive(c.left()) || touchesSensitive(c.right());
    }
    if (e instanceof Expr.Arith a) {
      return touchesSensitive(a.left()) || touchesSensitive(a.right());
    }
    if (e instanceof Expr.IsNotDistinctFrom d) {
      return touchesSensitive(d.left()) || touchesSensitive(d.right());
    }
    if (e instanceof Expr.Pattern p) {
      return touchesSensitive(p.operand()) || touchesSensitive(p.pattern());
    }
    if (e instanceof Expr.InList in) {
      return touchesSensitive(in.operand());
    }
    if (e instanceof Expr.Func f) {
      return touchesSensitive(f.operand());
    }
    if (e instanceof Expr.JsonText j) {
      return touchesSensitive(j.operand());
    }
    if (e instanceof Expr.Contains c) {
      return touchesSensitive(c.operand());
    }
    if (e instanceof Expr.IsEmpty i) {
      return touchesSensitive(i.operand());
    }
    if (e instanceof Expr.CollectionChange c) {
      return touchesSensitive(c.operand());
    }
    if (e instanceof Expr.Record r) {
      return r.fields().stream().anyMatch(this::touchesSensitive);
    }
    if (e instanceof Expr.Project p) {
      return touchesSensitive(p.base());
    }
    if (e instanceof Expr.Case c) {
      return touchesSensitive(c.operand()) || touchesSensitive(c.otherwise());
    }
    return false;
  }

  private void render(Expr e) {
    if (e instanceof Expr.Const c) {
      value(c.value());
    } else if (e instanceof Expr.Arg a) {
      out.append('$').append(a.index());
    } else if (e instanceof Expr.Field f) {
      out.append(model != null && model.name().equals(f.model())
          ? model.fieldName(f.index()) : f.model() + ".#" + f.index());
    } else if (e instanceof Expr.Column c) {
      out.append(c.table()).append(".#").append(c.index());
    } else if (e instanceof Expr.Compare c) {
      expr(c.left());
      out.append(' ').append(c.op().symbol()).append(' ');
      expr(c.right());
    } else if (e instanceof Expr.Arith a) {
      expr(a.left());
      out.append(' ').append(a.op().symbol()).append(' ');
      expr(a.right());
    } else if (e instanceof Expr.And a) {
      join(a.operands(), " AND ", "TRUE");
    } else if (e instanceof Expr.Or o) {
      join(o.operands(), " OR ", "FALSE");
    } else if (e instanceof Expr.Not n) {
      out.append("NOT ");
      expr(n.operand());
    } else if (e instanceof Expr.IsNull n) {
      expr(n.operand());
      out.append(" IS NULL");
    } else if (e instanceof Expr.IsNotDistinctFrom d) {
      expr(d.left());
      out.append(" IS NOT DISTINCT FROM ");
      expr(d.right());
    } else if (e instanceof Expr.Aggregate a) {
      out.append(a.op().name().toLowerCase(java.util.Locale.ROOT)).append('(')
          .append(a.distinct() ? "distinct " : "");
      expr(a.operand());
      out.append(')');
    } else if (e instanceof Expr.Func f) {
      out.append(f.op().name().toLowerCase(java.util.Locale.ROOT)).append('(');
      expr(f.operand());
      out.append(')');
    } else if (e instanceof Expr.JsonText j) {
      expr(j.operand());
      out.append("->").append(String.join(".", j.path()));
    } else if (e instanceof Expr.Contains c) {
      expr(c.operand());
      out.append(" contains ");
      expr(c.item());
    } else if (e instanceof Expr.IsEmpty i) {
      expr(i.operand());
      out.append(" is empty");
    } else if (e instanceof Expr.CollectionChange c) {
      expr(c.operand());
      out.append(switch (c.op()) {
        case ADD -> " plus ";
        case REMOVE -> " minus ";
        case PUT -> " with entries ";
        case REMOVE_KEYS -> " without keys ";
      });
      expr(c.items());
    } else if (e instanceof Expr.Pattern p) {
      expr(p.operand());
      out.append(' ').append(p.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
          .append(p.ignoreCase() ? " (ignoring case) " : " ");
      expr(p.pattern());
    } else if (e instanceof Expr.InList in) {
      expr(in.operand());
      out.append(" IN ");
      list(in.items());
    } else if (e instanceof Expr.InSubquery in) {
      expr(in.operand());
      out.append(" IN (subquery on ").append(in.query().source()).append(')');
    } else if (e instanceof Expr.Exists ex) {
      out.append("EXISTS (subquery on ").append(ex.query().source()).append(')');
    } else if (e instanceof Expr.Record r) {
      list(r.fields());
    } else if (e instanceof Expr.Project p) {
      expr(p.base());
      out.append('.').append(p.index());
    } else if (e instanceof Expr.Default) {
      out.append("DEFAULT");
    } else if (e instanceof Expr.Now) {
      out.append("now()");
    } else if (e instanceof Expr.Stmt s) {
      out.append("(nested ").append(s.statement().getClass().getSimpleName().toLowerCase(
          java.util.Locale.ROOT)).append(" on ").append(s.statement().source()).append(')');
    } else if (e instanceof Expr.Related r) {
      out.append(r.quantifier()).append(' ');
      expr(r.relation());
      out.append(" (");
      expr(r.filter());
      out.append(')');
    } else if (e instanceof Expr.Case c) {
      c.write(out, this::expr);
    } else if (e instanceof Expr.Sql s) {
      out.append("sql(");
      for (int i = 0; i < s.pieces().size(); i++) {
        if (i > 0) {
          expr(s.operands().get(i - 1));
        }
        out.append(s.pieces().get(i));
      }
      out.append(')');
    }
  }

  private void join(List<Expr> operands, String separator, String empty) {
    if (operands.isEmpty()) {
      out.append(empty);
      return;
    }
    // The outermost connective needs no parentheses: "a = 1 AND b = 2".
    boolean nested = depth > 1;
    if (nested) {
      out.append('(');
    }
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        out.append(separator);
      }
      expr(operands.get(i));
    }
    if (nested) {
      out.append(')');
    }
  }

  private void list(List<Expr> items) {
    out.append('(');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      expr(items.get(i));
    }
    out.append(')');
  }

  private void value(Value v) {
    if (redacting && !(v instanceof Value.Null)) {
      out.append(io.toasty.Redaction.MASK);
    } else if (v instanceof Value.Str s) {
      out.append('"').append(s.value()).append('"');
    } else if (v instanceof Value.Null) {
      out.append("NULL");
    } else {
      Object j = v.toJava();
      out.append(j);
    }
  }
}
