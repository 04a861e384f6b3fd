package io.toasty.neo4j.cypher;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.neo4j.cypher.CypherWalk.Scope;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes an expression: one branch per node, with SQL's semantics where Cypher's differ (NULL
 * logic, division by zero, IN a subquery), the node families of other files handed the walk.
 */
final class CypherExprs {
  private final CypherWalk walk;
  private final StringBuilder out;
  private final CypherReads reads;

  CypherExprs(CypherWalk walk, CypherReads reads) {
    this.walk = walk;
    this.out = walk.out();
    this.reads = reads;
  }

  void expr(ExprNode e) {
    String alias = walk.computed().get(e);
    if (alias != null) {
      out.append(alias);
      return;
    }
    if (e instanceof ExprNode.Const c) {
      walk.param(new Param.Const(c.value(), Param.Form.STORED));
    } else if (e instanceof ExprNode.Arg a) {
      walk.param(new Param.Arg(a.index(), Param.Form.STORED));
    } else if (e instanceof ExprNode.Column c) {
      column(c, walk.variableOf(c.table()));
    } else if (e instanceof ExprNode.Outer o && o.operand() instanceof ExprNode.Column c) {
      column(c, walk.outerVariableOf(c.table()));
    } else if (e instanceof ExprNode.Compare c) {
      compare(c);
    } else if (e instanceof ExprNode.Arith a) {
      arith(a);
    } else if (e instanceof ExprNode.And and) {
      junction(and.operands(), " AND ", "true");
    } else if (e instanceof ExprNode.Or or) {
      junction(or.operands(), " OR ", "false");
    } else if (e instanceof ExprNode.Not n) {
      out.append("(NOT ");
      expr(n.operand());
      out.append(')');
    } else if (e instanceof ExprNode.IsNull n) {
      out.append('(');
      expr(n.operand());
      out.append(" IS NULL)");
    } else if (e instanceof ExprNode.IsNotDistinctFrom d) {
      isNotDistinctFrom(d.left(), d.right());
    } else if (e instanceof ExprNode.Pattern p) {
      CypherPatterns.render(walk, p);
    } else if (e instanceof ExprNode.Contains c) {
      CypherCollections.contains(walk, c);
    } else if (e instanceof ExprNode.IsEmpty i) {
      CypherCollections.isEmpty(walk, i);
    } else if (e instanceof ExprNode.CollectionChange c) {
      CypherCollections.change(walk, c);
    } else if (e instanceof ExprNode.InList in) {
      inList(in);
    } else if (e instanceof ExprNode.InSubquery in) {
      inSubquery(in);
    } else if (e instanceof ExprNode.Exists ex) {
      exists(ex.query());
    } else if (e instanceof ExprNode.Scalar sc) {
      CypherScalars.render(walk, sc);
    } else if (e instanceof ExprNode.Func f) {
      out.append(switch (f.op()) {
        case LOWER -> "toLower(";
        case UPPER -> "toUpper(";
        case LENGTH -> "size(";
      });
      expr(f.operand());
      out.append(')');
    } else if (e instanceof ExprNode.Record r && r.fields().size() == 1) {
      expr(r.fields().get(0));
    } else if (e instanceof ExprNode.Record r) {
      list(r.fields());
    } else if (e instanceof ExprNode.Project p && p.base() instanceof ExprNode.Record r) {
      expr(r.fields().get(p.index()));
    } else if (e instanceof ExprNode.Default) {
      out.append("null");
    } else if (e instanceof ExprNode.Now now) {
      out.append(CypherTime.now(walk.dialect(), now.type()));
    } else if (e instanceof ExprNode.Aggregate a) {
      reads.aggregate(a);
    } else if (e instanceof ExprNode.Case c) {
      c.write(out, this::expr);
    } else if (e instanceof ExprNode.Sql) {
      throw new UnsupportedFeatureException(Feature.SQL, CypherWalk.BACKEND,
          "a raw SQL fragment: Neo4j runs Cypher");
    } else {
      throw new UnsupportedFeatureException(Feature.FILTER_EXPRESSION, CypherWalk.BACKEND,
          "a table-level statement cannot hold " + e);
    }
  }

  private void column(ExprNode.Column c, @Nullable String variable) {
    TableSchema table = walk.schema().table(c.table());
    if (variable == null) {
      throw new UnsupportedFeatureException(Feature.FILTER_EXPRESSION, CypherWalk.BACKEND,
          "column " + c.index() + " of " + c.table() + " outside a statement on that table");
    }
    Relationships.Link link = walk.relationships().virtual(c.table(), c.index());
    Relationships.Edge edge = walk.relationships().edge(c.table());
    if (link != null && edge != null) {
      // The end node of the relationship itself, bound or not (after a WITH, say).
      out.append(link == edge.start() ? "startNode(" : "endNode(").append(variable).append(").");
      Names.quote(out, walk.columnName(link.target(), link.targetColumns().get(link.position(
          c.index()))));
      return;
    }
    if (link != null) {
      CypherLinks.read(walk, link, c.index(), variable);
      return;
    }
    out.append(variable).append('.');
    Names.quote(out, table.column(c.index()).name());
  }

  private void compare(ExprNode.Compare c) {
    ExprNode left = c.left();
    ExprNode right = c.right();
    if (left instanceof ExprNode.Record l && right instanceof ExprNode.Record r
        && l.fields().size() == r.fields().size() && l.fields().size() > 1) {
      expr(RecordCompare.expand(c.op(), l.fields(), r.fields()));
      return;
    }
    out.append('(');
    expr(left);
    out.append(' ').append(c.op().symbol()).append(' ');
    expr(right);
    out.append(')');
  }

  /** Equal, or both NULL; never unknown. */
  void isNotDistinctFrom(ExprNode left, ExprNode right) {
    out.append("coalesce(");
    expr(left);
    out.append(" = ");
    expr(right);
    out.append(", (");
    expr(left);
    out.append(" IS NULL AND ");
    expr(right);
    out.append(" IS NULL))");
  }

  /** SQL arithmetic: a division or remainder by zero fails, with integers and floats alike. */
  private void arith(ExprNode.Arith a) {
    if (isDecimal(a.left()) || isDecimal(a.right())) {
      // Decimals are sortable strings here (SortableDecimal): Cypher's + would join them, and
      // its float arithmetic would not be exact anyway.
      throw new UnsupportedFeatureException(walk.assigning() ? Feature.UPDATE_EXPRESSION
          : Feature.FILTER_EXPRESSION, CypherWalk.BACKEND, "arithmetic on exact decimals: Neo4j "
          + "has no decimal type; read the record and write the computed value");
    }
    boolean divides = a.op() == ExprNode.ArithOp.DIV || a.op() == ExprNode.ArithOp.MOD;
    if (divides) {
      // Cypher's integer division by zero fails ("/ by zero", even of a NULL), its float
      // division gives Infinity or NaN: as in SQL, a NULL dividend or divisor gives NULL, and
      // any other zero divisor is made an integer division by zero, which fails.
      walk.cypher("CASE WHEN ", a.left(), " IS NULL OR ", a.right(), " IS NULL THEN null WHEN ",
          a.right(), " = 0 THEN 1 / toInteger(", a.right(), ") ELSE ");
    }
    out.append('(');
    expr(a.left());
    out.append(' ').append(a.op().symbol()).append(' ');
    expr(a.right());
    out.append(')');
    if (divides) {
      out.append(" END");
    }
  }

  private void junction(List<ExprNode> operands, String separator, String empty) {
    if (operands.isEmpty()) {
      out.append(empty);
      return;
    }
    out.append('(');
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        out.append(separator);
      }
      expr(operands.get(i));
    }
    out.append(')');
  }

  private void list(List<ExprNode> items) {
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      expr(items.get(i));
    }
    out.append(']');
  }

  /** {@code x IN $list}: one parameter for the whole list when every item is a value. */
  private void inList(ExprNode.InList in) {
    if (in.items().isEmpty()) {
      out.append("false");
      return;
    }
    out.append('(');
    expr(in.operand());
    out.append(" IN ");
    List<Param> values = new ArrayList<>(in.items().size());
    for (ExprNode item : in.items()) {
      Param p = valueParam(item);
      if (p == null) {
        values = null;
        break;
      }
      values.add(p);
    }
    if (values != null) {
      walk.param(new Param.ListOf(values));
    } else {
      list(in.items());
    }
    out.append(')');
  }

  /** The parameter a value expression (or a record of them) binds, or null if not a value. */
  private static @Nullable Param valueParam(ExprNode e) {
    if (e instanceof ExprNode.Arg a) {
      return new Param.Arg(a.index(), Param.Form.STORED);
    }
    if (e instanceof ExprNode.Const c) {
      return new Param.Const(c.value(), Param.Form.STORED);
    }
    if (e instanceof ExprNode.Record r) {
      if (r.fields().size() == 1) {
        return valueParam(r.fields().get(0));
      }
      List<Param> items = new ArrayList<>();
      for (ExprNode f : r.fields()) {
        Param p = valueParam(f);
        if (p == null) {
          return null;
        }
        items.add(p);
      }
      return new Param.Tuple(items);
    }
    return null;
  }

  /** {@code x IN COLLECT { MATCH .. RETURN y }}. */
  private void inSubquery(ExprNode.InSubquery in) {
    if (CypherSemiJoins.render(walk, in, walk.isTopLevel(in))) {
      return;
    }
    out.append('(');
    expr(in.operand());
    out.append(" IN COLLECT { ");
    subquery(in.query(), true);
    out.append(" })");
  }

  private void exists(Query q) {
    out.append("EXISTS { ");
    subquery(q, false);
    out.append(" }");
  }

  private void subquery(Query q, boolean returns) {
    if (q.returning() instanceof Returning.Grouped g) {
      countedKeys(q, g);
      return;
    }
    Scope scope = walk.match(q.source(), q.filter());
    if (returns || !q.orderBy().isEmpty() || q.limit() != null) {
      out.append(" RETURN ");
      if (q.returning() instanceof Returning.Project p && !p.exprs().isEmpty()) {
        if (p.exprs().size() == 1) {
          expr(p.exprs().get(0));
        } else {
          list(p.exprs());
        }
      } else {
        out.append(scope.variable());
      }
      out.append(" AS v");
      reads.orderBy(q.orderBy());
      reads.limit(q.limit());
    }
    walk.close(scope);
  }

  /**
   * A relation count's keys (the planner's only grouped subquery, see {@code SimplifyRelated}):
   * {@code MATCH .. WITH key AS k, count(*) AS n WHERE n >= $p RETURN k AS v}.
   */
  private void countedKeys(Query q, Returning.Grouped g) {
    if (!(g.having() instanceof ExprNode.Compare c && c.op() == ExprNode.CompareOp.GE
        && c.left() instanceof ExprNode.Aggregate a && a.op() == ExprNode.AggOp.COUNT_ALL)
        || !g.exprs().equals(g.groupBy()) || g.exprs().isEmpty()) {
      throw new IllegalArgumentException("a grouped subquery that counts no relation: " + g);
    }
    Scope scope = walk.match(q.source(), q.filter());
    String key = walk.fresh();
    String count = walk.fresh();
    out.append(" WITH ");
    if (g.exprs().size() == 1) {
      expr(g.exprs().get(0));
    } else {
      list(g.exprs());
    }
    out.append(" AS ").append(key).append(", count(*) AS ").append(count).append(" WHERE ")
        .append(count).append(" >= ");
    expr(c.right());
    out.append(" RETURN ").append(key).append(" AS v");
    walk.close(scope);
  }

  private boolean isDecimal(ExprNode e) {
    return e instanceof ExprNode.Const c && c.value() instanceof Value.Decimal
        || e instanceof ExprNode.Column && reads.typeOf(e) == Type.Scalar.DECIMAL
        || e instanceof ExprNode.Arith a && (isDecimal(a.left()) || isDecimal(a.right()));
  }
}
