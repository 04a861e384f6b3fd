package io.toasty.sql.render;

import static io.toasty.sql.render.ExprTypes.column;
import static io.toasty.sql.render.ExprTypes.unwrapSingleton;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.db.TableSchema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes an expression: one branch per node, the node families handed to their renderers
 * (comparisons, arithmetic, patterns, collections, aggregates, subqueries).
 */
final class ExprSql implements ExprWriter {
  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;
  private final SelectSql selectSql;
  private final ArithSql arithSql;
  private final ComparisonSql comparisonSql;
  private final PatternSql patternSql;
  private final JsonTextSql jsonTextSql;
  private final CollectionItemSql itemSql;
  private final CollectionChangeSql changeSql;
  private final AggregateSql aggregateSql;

  ExprSql(SqlContext ctx, SelectSql selectSql) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
    this.selectSql = selectSql;
    this.arithSql = new ArithSql(ctx);
    this.comparisonSql = new ComparisonSql(ctx);
    this.patternSql = new PatternSql(ctx);
    this.jsonTextSql = new JsonTextSql(ctx);
    this.itemSql = new CollectionItemSql(ctx);
    this.changeSql = new CollectionChangeSql(ctx);
    this.aggregateSql = new AggregateSql(ctx);
  }

  /** Writes {@code e}; {@code expected} is the type a marker in its place should bind as. */
  @Override
  public void expr(ExprNode e, @Nullable Type expected) {
    if (e instanceof ExprNode.Const c) {
      constant(c.value(), expected);
    } else if (e instanceof ExprNode.Arg a) {
      ctx.marker(a.index(), null, expected);
    } else if (e instanceof ExprNode.Column c) {
      columnRef(c);
    } else if (e instanceof ExprNode.Outer o) {
      // Qualified by the table's name, which only the outermost statement's table still bears:
      // a subquery on a table in scope renames its own (see SelectSql).
      ctx.qualified(() -> expr(o.operand(), expected));
    } else if (e instanceof ExprNode.Compare c) {
      comparisonSql.compare(c);
    } else if (e instanceof ExprNode.Arith a) {
      arithSql.arith(a, expected);
    } else if (e instanceof ExprNode.Aggregate a) {
      aggregateSql.aggregate(a);
    } else if (e instanceof ExprNode.Func f) {
      out.append(switch (f.op()) {
        case LOWER -> "LOWER";
        case UPPER -> "UPPER";
        case LENGTH -> dialect.charLengthFunction();
      }).append('(');
      expr(f.operand(), Type.Scalar.STRING);
      out.append(')');
    } else if (e instanceof ExprNode.JsonText j) {
      jsonTextSql.jsonText(j);
    } else if (e instanceof ExprNode.Contains c) {
      itemSql.contains(c);
    } else if (e instanceof ExprNode.IsEmpty i) {
      itemSql.isEmpty(i);
    } else if (e instanceof ExprNode.CollectionChange c) {
      changeSql.collectionChange(c);
    } else if (e instanceof ExprNode.And and) {
      junction(and.operands(), " AND ", true);
    } else if (e instanceof ExprNode.Or or) {
      junction(or.operands(), " OR ", false);
    } else if (e instanceof ExprNode.Not not) {
      out.append("NOT (");
      expr(not.operand(), Type.Scalar.BOOL);
      out.append(')');
    } else if (e instanceof ExprNode.IsNull isNull) {
      ctx.wrappedUnlessAtom(isNull.operand(), null);
      out.append(" IS NULL");
    } else if (e instanceof ExprNode.IsNotDistinctFrom d) {
      comparisonSql.isNotDistinctFrom(d);
    } else if (e instanceof ExprNode.Pattern p) {
      patternSql.pattern(p);
    } else if (e instanceof ExprNode.InList in) {
      comparisonSql.inList(in);
    } else if (e instanceof ExprNode.InSubquery in) {
      ExprNode operand = unwrapSingleton(in.operand());
      if (operand instanceof ExprNode.Record) {
        ctx.requireRowValues("a record IN a subquery");
      }
      ctx.wrappedUnlessAtom(operand, null);
      out.append(" IN (");
      selectSql.query(in.query(), false);
      out.append(')');
    } else if (e instanceof ExprNode.Scalar scalar) {
      out.append('(');
      selectSql.query(scalar.query(), false);
      out.append(')');
    } else if (e instanceof ExprNode.Exists exists) {
      out.append("EXISTS (");
      selectSql.query(exists.query(), false);
      out.append(')');
    } else if (e instanceof ExprNode.Record r) {
      ctx.tuple(r.fields(), null);
    } else if (e instanceof ExprNode.Project p) {
      if (!(p.base() instanceof ExprNode.Record r)) {
        throw new UnsupportedFeatureException(Feature.ROW_COMPARISON,
            dialect.backend(),
            "a field of a record-valued expression: only fields of record literals render as SQL: "
            + e);
      }
      expr(r.fields().get(p.index()), expected);
    } else if (e instanceof ExprNode.Default) {
      out.append("DEFAULT");
    } else if (e instanceof ExprNode.Now now) {
      out.append(dialect.currentTime(now.type()));
    } else if (e instanceof ExprNode.Sql sql) {
      rawFragment(sql);
    } else if (e instanceof ExprNode.Case c) {
      caseOf(c, expected);
    } else {
      throw new IllegalArgumentException("model-level expression reached the SQL driver: " + e);
    }
  }

  /** The application's SQL text, its columns quoted and its values as markers, in parentheses. */
  private void rawFragment(ExprNode.Sql sql) {
    out.append('(');
    for (int i = 0; i < sql.pieces().size(); i++) {
      if (i > 0) {
        expr(sql.operands().get(i - 1), null);
      }
      out.append(sql.pieces().get(i));
    }
    out.append(')');
  }

  private void constant(Value v, @Nullable Type expected) {
    if (v instanceof Value.Null) {
      out.append("NULL");
    } else if (v instanceof Value.Bool b) {
      out.append(dialect.booleanLiteral(b.value()));
    } else {
      ctx.marker(-1, v, expected != null ? expected : v.type());
    }
  }

  private void columnRef(ExprNode.Column c) {
    TableSchema table = ctx.schema().table(c.table());
    if (!c.table().equals(ctx.scope())) {
      // A reference to an enclosing statement's table (a correlated subquery).
      ctx.ident(table.name());
      out.append('.');
    }
    ctx.ident(column(table, c.index()));
  }

  /**
   * {@code CASE operand WHEN .. THEN .. ELSE .. END}: each WHEN's marker typed as the operand,
   * each THEN's as what the CASE is expected to be (the assigned column's type).
   */
  private void caseOf(ExprNode.Case c, @Nullable Type expected) {
    Type operand = ctx.typeOf(c.operand());
    Type result = expected != null ? expected : ctx.typeOf(c.otherwise());
    out.append("CASE ");
    ctx.wrappedUnlessAtom(c.operand(), null);
    for (int i = 0; i < c.whens().size(); i++) {
      out.append(" WHEN ");
      expr(c.whens().get(i), operand);
      out.append(" THEN ");
      expr(c.thens().get(i), result);
    }
    out.append(" ELSE ");
    expr(c.otherwise(), result);
    out.append(" END");
  }

  private void junction(List<ExprNode> operands, String separator, boolean isAnd) {
    if (operands.isEmpty()) {
      out.append(dialect.booleanLiteral(isAnd));
      return;
    }
    for (int i = 0; i < operands.size(); i++) {
      ExprNode operand = unwrapSingleton(operands.get(i));
      if (i > 0) {
        out.append(separator);
      }
      boolean nested = (operand instanceof ExprNode.And a && a.operands().size() > 1)
          || (operand instanceof ExprNode.Or o && o.operands().size() > 1);
      if (nested) {
        out.append('(');
      }
      expr(operand, Type.Scalar.BOOL);
      if (nested) {
        out.append(')');
      }
    }
  }
}
