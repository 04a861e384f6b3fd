package io.toasty.planner.explain;

import io.toasty.Redaction;
import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.List;

/**
 * Renders expressions and statements for {@code explain}: fields by name, columns as
 * {@code table.column}, arguments as {@code $n}, SQL-like operators.
 */
final class ExplainExpr {
  private final Schema schema;
  /** Whether constants show as {@code ***}: inside a predicate on a sensitive field or column. */
  private boolean redacting;

  ExplainExpr(Schema schema) {
    this.schema = schema;
  }

  String expr(ExprNode e) {
    StringBuilder out = new StringBuilder();
    expr(e, out);
    return out.toString();
  }

  String list(List<? extends ExprNode> items) {
    StringBuilder out = new StringBuilder();
    join(items, ", ", out);
    return out.toString();
  }

  private void expr(ExprNode e, StringBuilder out) {
    boolean outer = redacting;
    if (!redacting && !(e instanceof ExprNode.And) && !(e instanceof ExprNode.Or)
        && !(e instanceof ExprNode.Not) && Sensitivity.touches(schema, e)) {
      redacting = true;
    }
    try {
      render(e, out);
    } finally {
      redacting = outer;
    }
  }

  private void render(ExprNode e, StringBuilder out) {
    if (e instanceof ExprNode.Const c) {
      out.append(redacting && !(c.value() instanceof Value.Null) ? Redaction.MASK
          : value(c.value()));
    } else if (e instanceof ExprNode.Arg a) {
      out.append('$').append(a.index());
    } else if (e instanceof ExprNode.Field f) {
      out.append(fieldName(f));
    } else if (e instanceof ExprNode.Column c) {
      out.append(columnName(c));
    } else if (e instanceof ExprNode.Outer o) {
      out.append("OUTER ");
      expr(o.operand(), out);
    } else if (e instanceof ExprNode.Compare c) {
      binary(c.left(), c.op().symbol(), c.right(), out);
    } else if (e instanceof ExprNode.Arith a) {
      binary(a.left(), a.op().symbol(), a.right(), out);
    } else if (e instanceof ExprNode.And a) {
      group(a.operands(), " AND ", "TRUE", out);
    } else if (e instanceof ExprNode.Or o) {
      group(o.operands(), " OR ", "FALSE", out);
    } else {
      other(e, out);
    }
  }

  private void other(ExprNode e, StringBuilder out) {
    if (e instanceof ExprNode.Not n) {
      out.append("NOT ");
      expr(n.operand(), out);
    } else if (e instanceof ExprNode.IsNull n) {
      expr(n.operand(), out);
      out.append(" IS NULL");
    } else if (e instanceof ExprNode.IsNotDistinctFrom d) {
      expr(d.left(), out);
      out.append(" IS NOT DISTINCT FROM ");
      expr(d.right(), out);
    } else if (e instanceof ExprNode.Aggregate a) {
      out.append(a.op()).append('(').append(a.distinct() ? "DISTINCT " : "");
      expr(a.operand(), out);
      out.append(')');
    } else if (e instanceof ExprNode.Func f) {
      out.append(f.op()).append('(');
      expr(f.operand(), out);
      out.append(')');
    } else if (e instanceof ExprNode.JsonText j) {
      out.append("JSON_TEXT(");
      expr(j.operand(), out);
      out.append(", ").append(String.join(".", j.path())).append(')');
    } else if (e instanceof ExprNode.Contains c) {
      out.append("CONTAINS(");
      expr(c.operand(), out);
      out.append(", ");
      expr(c.item(), out);
      out.append(')');
    } else if (e instanceof ExprNode.IsEmpty i) {
      out.append("IS_EMPTY(");
      expr(i.operand(), out);
      out.append(')');
    } else if (e instanceof ExprNode.CollectionChange c) {
      out.append(switch (c.op()) {
        case ADD -> "PLUS_ITEMS(";
        case REMOVE -> "MINUS_ITEMS(";
        case PUT -> "PUT_ENTRIES(";
        case REMOVE_KEYS -> "MINUS_KEYS(";
      });
      expr(c.operand(), out);
      out.append(", ");
      expr(c.items(), out);
      out.append(')');
    } else if (e instanceof ExprNode.Pattern p) {
      expr(p.operand(), out);
      out.append(' ').append(p.kind()).append(p.ignoreCase() ? " IGNORE CASE " : " ");
      expr(p.pattern(), out);
    } else if (e instanceof ExprNode.InList in) {
      expr(in.operand(), out);
      out.append(" IN (");
      join(in.items(), ", ", out);
      out.append(')');
    } else if (e instanceof ExprNode.InSubquery s) {
      expr(s.operand(), out);
      out.append(" IN (").append(new ExplainStatement(schema, this).query(s.query())).append(')');
    } else if (e instanceof ExprNode.Exists x) {
      out.append("EXISTS (").append(new ExplainStatement(schema, this).query(x.query()))
          .append(')');
    } else if (e instanceof ExprNode.Record r) {
      out.append('(');
      join(r.fields(), ", ", out);
      out.append(')');
    } else if (e instanceof ExprNode.Project p) {
      expr(p.base(), out);
      out.append('.').append(p.index());
    } else if (e instanceof ExprNode.Default) {
      out.append("DEFAULT");
    } else if (e instanceof ExprNode.Case c) {
      c.write(out, x -> expr(x, out));
    } else if (e instanceof ExprNode.Scalar x) {
      out.append('(').append(new ExplainStatement(schema, this).query(x.query())).append(')');
    } else if (e instanceof ExprNode.RelatedAggregate r) {
      expr(r.aggregate(), out);
      out.append(" OF ").append(fieldName(r.relation())).append(" (");
      expr(r.filter(), out);
      out.append(')');
    } else if (e instanceof ExprNode.Related r) {
      out.append(r.quantity()).append(' ')
          .append(fieldName(r.relation())).append(" (");
      expr(r.filter(), out);
      out.append(')');
    }
  }

  private void binary(ExprNode l, String op, ExprNode r, StringBuilder out) {
    expr(l, out);
    out.append(' ').append(op).append(' ');
    expr(r, out);
  }

  private void group(List<ExprNode> items, String sep, String empty, StringBuilder out) {
    if (items.isEmpty()) {
      out.append(empty);
      return;
    }
    out.append('(');
    join(items, sep, out);
    out.append(')');
  }

  private void join(List<? extends ExprNode> items, String sep, StringBuilder out) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(sep);
      }
      expr(items.get(i), out);
    }
  }

  String fieldName(ExprNode.Field f) {
    if (schema.hasModel(f.model()) && f.index() >= 0) {
      var m = schema.model(f.model());
      if (f.index() < m.fields().size() + m.relations().size()) {
        return m.fieldName(f.index());
      }
    }
    return f.model() + ".#" + f.index();
  }

  String columnName(ExprNode.Column c) {
    return c.table() + "." + columnName(c.table(), c.index());
  }

  String columnName(String table, int index) {
    try {
      TableSchema t = schema.table(table);
      if (index >= t.columns().size()) {
        return "<merged slot " + (index - t.columns().size()) + ">";
      }
      return t.column(index).name();
    } catch (RuntimeException unknown) {
      return "#" + index;
    }
  }

  String columns(String table, List<Integer> indexes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < indexes.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(columnName(table, indexes.get(i)));
    }
    return out.toString();
  }

  static String value(Value v) {
    if (v instanceof Value.Str s) {
      return '"' + s.value() + '"';
    }
    if (v instanceof Value.Null) {
      return "NULL";
    }
    if (v instanceof Value.Bool b) {
      return b.value() ? "TRUE" : "FALSE";
    }
    return v instanceof Value.Bytes ? v.toString() : String.valueOf(v.toJava());
  }
}
