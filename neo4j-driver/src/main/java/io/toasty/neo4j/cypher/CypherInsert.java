package io.toasty.neo4j.cypher;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.SoftDeleteMarker;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.Returning;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An insert as {@code UNWIND $rows AS r CREATE (n:Label) SET n += r}: one statement, so every
 * row is created or none (a unique constraint that fails one fails all). The rows are one list
 * parameter of maps; a column the database fills ({@code ExprNode.Now}) is set inline. An upsert
 * merges on its conflict target instead: {@code MERGE (n:Label {key: r.key}) ON CREATE SET ..
 * ON MATCH SET ..}, on a soft-deleted model's unique index of live records with
 * {@code toasty_live: true} in the pattern. Either sets {@code toasty_live} from the marker last
 * ({@link LiveNodes}).
 */
final class CypherInsert {
  private static final String ROW = "r";
  /** Set on the nodes a merge creates, and removed in the same statement. */
  private static final String CREATED = "`__toasty_created`";

  private CypherInsert() {}

  static boolean render(CypherWalk walk, InsertNode insert) {
    TableSchema table = walk.table(insert.target());
    CypherWalk.Scope scope = walk.open(insert.target());
    String n = walk.variable(scope);
    StringBuilder out = walk.out();
    List<String> properties = new ArrayList<>();
    List<Integer> inline = new ArrayList<>();
    List<List<Param>> rows = rows(table, insert, properties, inline);
    out.append("UNWIND ");
    walk.param(new Param.Rows(properties, rows));
    out.append(" AS ").append(ROW).append(' ');
    OnConflict conflict = insert.onConflict();
    Relationships.Edge edge = walk.relationships().edge(table.name());
    if (edge != null) {
      String ends = CypherEdges.ends(walk, table, edge, insert.columns(), ROW);
      if (conflict == null) {
        out.append(" CREATE ").append(ends).append(" SET ");
        created(walk, table, insert, n, inline);
        walk.live().assign(out, ", ", table.name(), n);
      } else {
        merge(walk, table, insert, conflict, scope, inline, ends);
        walk.live().assign(out, " SET ", table.name(), n);
        out.append(" REMOVE ").append(n).append('.').append(CREATED);
      }
    } else if (conflict == null) {
      out.append("CREATE ");
      CypherNodes.node(walk, scope);
      out.append(" SET ");
      created(walk, table, insert, n, inline);
      walk.live().assign(out, ", ", table.name(), n);
      links(walk, table, insert, n, false);
    } else {
      merge(walk, table, insert, conflict, scope, inline, null);
      walk.live().assign(out, " SET ", table.name(), n);
      links(walk, table, insert, n, true);
      out.append(" REMOVE ").append(n).append('.').append(CREATED);
    }
    boolean rows2;
    if (insert.returning() instanceof Returning.Keys k) {
      out.append(" RETURN ");
      for (int i = 0; i < k.indexes().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        out.append(n).append('.');
        Names.quote(out, table.column(k.indexes().get(i)).name());
        out.append(" AS c").append(i);
      }
      rows2 = true;
    } else {
      rows2 = walk.returning(insert.returning());
    }
    walk.close(scope);
    return rows2;
  }

  /** {@code n += r} and the inline columns. */
  private static void created(CypherWalk walk, TableSchema table, InsertNode insert, String n,
      List<Integer> inline) {
    StringBuilder out = walk.out();
    out.append(n).append(" += ").append(ROW);
    List<String> stored = new ArrayList<>();
    boolean linked = false;
    for (int column : insert.columns()) {
      if (walk.relationships().virtual(table.name(), column) == null) {
        stored.add(table.column(column).name());
      } else {
        linked = true;
      }
    }
    if (linked) {
      // Only the properties: the foreign key's values make the relationship (see links).
      out.append(" {");
      for (int i = 0; i < stored.size(); i++) {
        out.append(i > 0 ? ", ." : ".");
        Names.quote(out, stored.get(i));
      }
      out.append('}');
    }
    for (int column : inline) {
      out.append(", ").append(n).append('.');
      Names.quote(out, table.column(insert.columns().get(column)).name());
      out.append(" = ");
      walk.expr(insert.rows().get(0).fields().get(column));
    }
  }

  private static void merge(CypherWalk walk, TableSchema table, InsertNode insert,
      OnConflict conflict, CypherWalk.Scope scope, List<Integer> inline, @Nullable String edge) {
    StringBuilder out = walk.out();
    String n = walk.variable(scope);
    List<Integer> target = conflict.target().isEmpty() ? table.primaryKey() : conflict.target();
    String head = "MERGE (" + n + ":" + Names.quote(walkLabel(walk, scope));
    if (edge != null) {
      // "(s)-[n:`T`]->(t)": the properties go inside the relationship's brackets.
      int bracket = edge.indexOf(']');
      head = " MERGE " + edge.substring(0, bracket);
      out.append(head);
    } else {
      out.append(head);
    }
    out.append(" {");
    for (int i = 0; i < target.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      String name = table.column(target.get(i)).name();
      Names.quote(out, name);
      out.append(": ").append(ROW).append('.');
      Names.quote(out, name);
    }
    if (walk.live().liveOnly(table, target)) {
      // the index holds live records only: the merge finds the live one, or creates another
      out.append(", ");
      Names.quote(out, SoftDeleteMarker.LIVE);
      out.append(": true");
    }
    out.append(edge == null ? "})" : "}" + edge.substring(edge.indexOf(']')));
    out.append(" ON CREATE SET ");
    created(walk, table, insert, n, inline);
    out.append(", ").append(n).append('.').append(CREATED).append(" = true");
    if (conflict.keepsStored()) {
      return;
    }
    out.append(" ON MATCH SET ").append(n).append(" += {");
    int items = 0;
    for (int column : conflict.copied()) {
      if (walk.relationships().virtual(table.name(), column) != null) {
        continue; // a relationship, moved by links
      }
      if (items++ > 0) {
        out.append(", ");
      }
      String name = table.column(column).name();
      Names.quote(out, name);
      out.append(": ").append(ROW).append('.');
      Names.quote(out, name);
    }
    for (Assignment a : conflict.assignments()) {
      if (walk.relationships().virtual(table.name(), a.target()) != null) {
        throw new UnsupportedFeatureException(Feature.UPDATE_EXPRESSION, CypherWalk.BACKEND,
            "an upsert that assigns the foreign key " + table.column(a.target()).name()
            + " on conflict: it is a relationship here; update the record instead");
      }
      if (items++ > 0) {
        out.append(", ");
      }
      Names.quote(out, table.column(a.target()).name());
      out.append(": ");
      walk.assigned(table, a);
    }
    out.append('}');
  }

  /**
   * Each relationship whose foreign key the insert writes, to the node its values name (see
   * {@link CypherLinks#write}). After a merge, only on the nodes it created (marked
   * {@link #CREATED}) or whose foreign key the conflict copies, moving the old relationship.
   */
  private static void links(CypherWalk walk, TableSchema table, InsertNode insert, String n,
      boolean merged) {
    OnConflict conflict = insert.onConflict();
    for (Relationships.Link link : walk.relationships().of(table.name())) {
      List<String> values = new ArrayList<>();
      for (int column : link.columns()) {
        if (!insert.columns().contains(column)) {
          values = null;
          break;
        }
        values.add(ROW + "." + Names.quote(table.column(column).name()));
      }
      if (values == null) {
        continue;
      }
      boolean copied = merged && !Objects.requireNonNull(conflict, "a merge").keepsStored()
          && link.columns().stream().anyMatch(conflict.copied()::contains);
      if (merged && !copied) {
        walk.out().append(" WITH ").append(n).append(", ").append(ROW).append(" CALL { WITH ")
            .append(n).append(", ").append(ROW).append(" WITH ").append(n).append(", ")
            .append(ROW).append(" WHERE ").append(n).append('.').append(CREATED)
            .append(" IS NOT NULL");
        CypherLinks.write(walk, link, n, values, ROW, false);
        walk.out().append(" }");
      } else {
        CypherLinks.write(walk, link, n, values, ROW, merged);
      }
    }
  }

  private static String walkLabel(CypherWalk walk, CypherWalk.Scope scope) {
    return walk.label(scope.table());
  }

  /**
   * Each row's values, one map entry per column that takes a value; fills {@code properties}
   * with those columns' names and {@code inline} with the columns the database fills.
   */
  private static List<List<Param>> rows(TableSchema table, InsertNode insert,
      List<String> properties, List<Integer> inline) {
    List<Integer> mapped = new ArrayList<>();
    for (int j = 0; j < insert.columns().size(); j++) {
      ExprNode first = insert.rows().isEmpty() ? null : insert.rows().get(0).fields().get(j);
      if (first instanceof ExprNode.Now) {
        for (ExprNode.Record row : insert.rows()) {
          if (!first.equals(row.fields().get(j))) {
            throw new UnsupportedFeatureException(Feature.UPDATE_EXPRESSION, CypherWalk.BACKEND,
                "an insert whose rows fill column " + table.column(insert.columns().get(j)).name()
                + " both with the database's time and with values");
          }
        }
        inline.add(j);
      } else {
        mapped.add(j);
        properties.add(table.column(insert.columns().get(j)).name());
      }
    }
    List<List<Param>> rows = new ArrayList<>(insert.rows().size());
    for (ExprNode.Record row : insert.rows()) {
      List<Param> values = new ArrayList<>(mapped.size());
      for (int j : mapped) {
        values.add(value(table, insert, row.fields().get(j), j));
      }
      rows.add(values);
    }
    return rows;
  }

  private static Param value(TableSchema table, InsertNode insert, ExprNode e, int j) {
    if (e instanceof ExprNode.Arg a) {
      return new Param.Arg(a.index(), Param.Form.STORED);
    }
    if (e instanceof ExprNode.Const c) {
      return new Param.Const(c.value(), Param.Form.STORED);
    }
    if (e instanceof ExprNode.Default) {
      return new Param.Const(Value.NULL, Param.Form.STORED);
    }
    throw new UnsupportedFeatureException(Feature.UPDATE_EXPRESSION, CypherWalk.BACKEND,
        "an insert value of column " + table.column(insert.columns().get(j)).name()
        + " must be a value, not " + e);
  }
}
