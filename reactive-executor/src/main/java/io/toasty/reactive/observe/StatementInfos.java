package io.toasty.reactive.observe;

import io.toasty.planner.cache.Parameterize;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprPrinter;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Makes a statement's {@link StatementInfo}: model and operation read off the statement as it
 * is; the shape, printed from the parameterized statement (the plan cache's key, so it holds
 * slots, never values), only when an observer asks for it.
 */
public final class StatementInfos {
  private StatementInfos() {}

  /** The info of {@code statement}, about to run on {@code backend}. */
  public static StatementInfo of(StatementNode statement, Schema schema, String backend,
      boolean inTransaction) {
    return of(statement, schema, backend, inTransaction, null, null);
  }

  /**
   * The info of {@code statement}, offering its values as {@code values} prints them (null:
   * never) and its planner phases' times as {@code phases} gives them (null: none).
   */
  public static StatementInfo of(StatementNode statement, Schema schema, String backend,
      boolean inTransaction, @Nullable Supplier<String> values,
      @Nullable Supplier<Map<String, Long>> phases) {
    String model = name(statement.source());
    return new StatementInfo(backend, model, operation(statement), () -> {
      ModelSchema fields = schema.hasModel(model) ? schema.model(model) : null;
      return text(Parameterize.of(statement).statement(), model, fields);
    }, inTransaction, values, phases).bounded(() -> RowBound.of(statement, schema));
  }

  private static String name(Source source) {
    return source instanceof Source.Model m ? m.model() : ((Source.Table) source).table();
  }

  private static String operation(StatementNode s) {
    if (s instanceof InsertNode) {
      return "insert";
    } else if (s instanceof UpdateNode) {
      return "update";
    } else if (s instanceof DeleteNode) {
      return "delete";
    }
    return "select";
  }

  private static String text(StatementNode s, String model, @Nullable ModelSchema fields) {
    StringBuilder out = new StringBuilder(operation(s)).append(' ').append(model);
    if (s instanceof InsertNode insert) {
      out.append(" (").append(insert.rows().size()).append(insert.rows().size() == 1
          ? " row)" : " rows)");
    } else if (s instanceof UpdateNode update) {
      out.append(" set ").append(update.assignments().size()).append(" fields");
      where(out, update.filter(), fields);
    } else if (s instanceof DeleteNode delete) {
      where(out, delete.filter(), fields);
    } else if (s instanceof Query query) {
      where(out, query.filter(), fields);
      if (!query.orderBy().isEmpty()) {
        out.append(" order by ").append(query.orderBy().size()).append(" keys");
      }
      if (query.limit() != null) {
        out.append(" limited");
      }
    }
    return out.toString();
  }

  private static void where(StringBuilder out, @Nullable ExprNode filter,
      @Nullable ModelSchema fields) {
    if (filter != null && !ExprNode.TRUE.equals(filter)) {
      out.append(" where ").append(ExprPrinter.print(filter, fields));
    }
  }
}
