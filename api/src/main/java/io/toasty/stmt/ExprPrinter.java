package io.toasty.stmt;

import io.toasty.Redaction;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Value;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Renders expressions for messages and plan dumps: {@code email = "carl@example.com"}. Field names
 * come from the model's schema when one is given.
 */
public final class ExprPrinter {
  private final @Nullable ModelSchema model;
  private final StringBuilder out = new StringBuilder();
  private int depth;
  /** Whether constants print as {@code ***}: inside a comparison with a sensitive field. */
  private boolean redacting;

  private ExprPrinter(@Nullable ModelSchema model) {
    this.model = model;
  }

  /** {@code expr}, with field names resolved against {@code model} (which may be null). */
  public static String print(ExprNode expr, @Nullable ModelSchema model) {
    ExprPrinter p = new ExprPrinter(model);
    p.expr(expr);
    return p.out.toString();
  }

  /** {@code expr}, with fields and columns shown by index. */
  public static String print(ExprNode expr) {
    return print(expr, null);
  }

  private void expr(ExprNode e) {
    depth++;
    boolean outer = redacting;
    // A predicate on a sensitive field hides every value it holds (both sides, any depth).
    if (!redacting && !(e instanceof ExprNode.And) && !(e instanceof ExprNode.Or)
        && !(e instanceof ExprNode.Not) && touchesSensitive(e)) {
      redacting = true;
    }
    try {
      render(e);
    } finally {
      depth--;
      redacting = outer;
    }
  }

  private boolean touchesSensitive(ExprNode e) {
    if (model == null) {
      return false;
    }
    if (e instanceof ExprNode.Field f) {
      return model.name().equals(f.model()) && f.index() < model.fields().size()
          && model.fields().get(f.index()).sensitive();
    }
    if (e instanceof ExprNode.Compare c) {
      return touchesSensitive(c.left()) || touchesSensitive(c.right());
    }
    if (e instanceof ExprNode.Arith a) {
      return touchesSensitive(a.left()) || touchesSensitive(a.right());
    }
    if (e instanceof ExprNode.IsNotDistinctFrom d) {
      return touchesSensitive(d.left()) || touchesSensitive(d.right());
    }
    if (e instanceof ExprNode.Pattern p) {
      return touchesSensitive(p.operand()) || touchesSensitive(p.pattern());
    }
    if (e instanceof ExprNode.InList in) {
      return touchesSensitive(in.operand());
    }
    if (e instanceof ExprNode.Func f) {
      return touchesSensitive(f.operand());
    }
    if (e instanceof ExprNode.JsonText j) {
      return touchesSensitive(j.operand());
    }
    if (e instanceof ExprNode.Contains c) {
      return touchesSensitive(c.operand());
    }
    if (e instanceof ExprNode.IsEmpty i) {
      return touchesSensitive(i.operand());
    }
    if (e instanceof ExprNode.CollectionChange c) {
      return touchesSensitive(c.operand());
    }
    if (e instanceof ExprNode.Record r) {
      return r.fields().stream().anyMatch(this::touchesSensitive);
    }
    if (e instanceof ExprNode.Project p) {
      return touchesSensitive(p.base());
    }
    if (e instanceof ExprNode.Case c) {
      return touchesSensitive(c.operand()) || touchesSensitive(c.otherwise());
    }
    return false;
  }

  private void render(ExprNode e) {
    if (e instanceof ExprNode.Const c) {
      value(c.value());
    } else if (e instanceof ExprNode.Arg a) {
      out.append('$').append(a.index());
    } else if (e instanceof ExprNode.Field f) {
      out.append(model != null && model.name().equals(f.model())
          ? model.fieldName(f.index()) : f.model() + ".#" + f.index());
    } else if (e instanceof ExprNode.Column c) {
      out.append(c.table()).append(".#").append(c.index());
    } else if (e instanceof ExprNode.Outer o) {
      out.append("outer ");
      expr(o.operand());
    } else if (e instanceof ExprNode.Compare c) {
      expr(c.left());
      out.append(' ').append(c.op().symbol()).append(' ');
      expr(c.right());
    } else if (e instanceof ExprNode.Arith a) {
      expr(a.left());
      out.append(' ').append(a.op().symbol()).append(' ');
      expr(a.right());
    } else if (e instanceof ExprNode.And a) {
      join(a.operands(), " AND ", "TRUE");
    } else if (e instanceof ExprNode.Or o) {
      join(o.operands(), " OR ", "FALSE");
    } else if (e instanceof ExprNode.Not n) {
      out.append("NOT ");
      expr(n.operand());
    } else if (e instanceof ExprNode.IsNull n) {
      expr(n.operand());
      out.append(" IS NULL");
    } else if (e instanceof ExprNode.IsNotDistinctFrom d) {
      expr(d.left());
      out.append(" IS NOT DISTINCT FROM ");
      expr(d.right());
    } else if (e instanceof ExprNode.Aggregate a) {
      out.append(a.op().name().toLowerCase(Locale.ROOT)).append('(')
          .append(a.distinct() ? "distinct " : "");
      expr(a.operand());
      out.append(')');
    } else if (e instanceof ExprNode.Func f) {
      out.append(f.op().name().toLowerCase(Locale.ROOT)).append('(');
      expr(f.operand());
      out.append(')');
    } else if (e instanceof ExprNode.JsonText j) {
      expr(j.operand());
      out.append("->").append(String.join(".", j.path()));
    } else if (e instanceof ExprNode.Contains c) {
      expr(c.operand());
      out.append(" contains ");
      expr(c.item());
    } else if (e instanceof ExprNode.IsEmpty i) {
      expr(i.operand());
      out.append(" is empty");
    } else if (e instanceof ExprNode.CollectionChange c) {
      expr(c.operand());
      out.append(switch (c.op()) {
        case ADD -> " plus ";
        case REMOVE -> " minus ";
        case PUT -> " with entries ";
        case REMOVE_KEYS -> " without keys ";
      });
      expr(c.items());
    } else if (e instanceof ExprNode.Pattern p) {
      expr(p.operand());
      out.append(' ').append(p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(p.ignoreCase() ? " (ignoring case) " : " ");
      expr(p.pattern());
    } else if (e instanceof ExprNode.InList in) {
      expr(in.operand());
      out.append(" IN ");
      list(in.items());
    } else if (e instanceof ExprNode.InSubquery in) {
      expr(in.operand());
      out.append(" IN (subquery on ").append(in.query().source()).append(')');
    } else if (e instanceof ExprNode.Exists ex) {
      out.append("EXISTS (subquery on ").append(ex.query().source()).append(')');
    } else if (e instanceof ExprNode.Record r) {
      list(r.fields());
    } else if (e instanceof ExprNode.Project p) {
      expr(p.base());
      out.append('.').append(p.index());
    } else if (e instanceof ExprNode.Default) {
      out.append("DEFAULT");
    } else if (e instanceof ExprNode.Now) {
      out.append("now()");
    } else if (e instanceof ExprNode.Stmt s) {
      out.append("(nested ").append(kind(s.statement())).append(" on ")
          .append(s.statement().source()).append(')');
    } else if (e instanceof ExprNode.Scalar x) {
      out.append("(subquery on ").append(x.query().source()).append(')');
    } else if (e instanceof ExprNode.RelatedAggregate r) {
      expr(r.aggregate());
      out.append(" of ");
      expr(r.relation());
      out.append(" (");
      expr(r.filter());
      out.append(')');
    } else if (e instanceof ExprNode.Related r) {
      out.append(r.quantity()).append(' ');
      expr(r.relation());
      out.append(" (");
      expr(r.filter());
      out.append(')');
    } else if (e instanceof ExprNode.Case c) {
      c.write(out, this::expr);
    } else if (e instanceof ExprNode.Sql s) {
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

  private void join(List<ExprNode> operands, String separator, String empty) {
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

  private void list(List<ExprNode> items) {
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
      out.append(Redaction.MASK);
    } else if (v instanceof Value.Str s) {
      out.append('"').append(s.value()).append('"');
    } else if (v instanceof Value.Null) {
      out.append("NULL");
    } else {
      Object j = v.toJava();
      out.append(j);
    }
  }

  /** The statement's kind as explain text names it. */
  private static String kind(StatementNode statement) {
    if (statement instanceof Query) {
      return "query";
    } else if (statement instanceof InsertNode) {
      return "insert";
    } else if (statement instanceof UpdateNode) {
      return "update";
    }
    return "delete";
  }
}
