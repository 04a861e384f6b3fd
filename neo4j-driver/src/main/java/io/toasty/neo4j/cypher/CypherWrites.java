package io.toasty.neo4j.cypher;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.neo4j.cypher.CypherWalk.Scope;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * An update ({@code SET n += {..}}, moving relationships whose foreign keys change, and setting
 * {@code toasty_live} again when it assigns the soft-delete marker: {@link LiveNodes}) and a
 * delete ({@code DETACH DELETE}, failing while a checked key still refers to the node), each
 * locking and testing its nodes again so that it acts only on what is committed.
 */
final class CypherWrites {
  private final CypherWalk walk;
  private final StringBuilder out;

  CypherWrites(CypherWalk walk) {
    this.walk = walk;
    this.out = walk.out();
  }

  boolean update(UpdateNode u) {
    Scope scope = walk.match(u.target(), u.filter());
    lockAndRecheck(scope, u.filter());
    TableSchema table = walk.schema().table(scope.table());
    List<Relationships.Link> moved = moved(u);
    if (!moved.isEmpty() && walk.relationships().edge(scope.table()) != null) {
      throw new UnsupportedFeatureException(Feature.UPDATE_EXPRESSION, CypherWalk.BACKEND,
          "an update of the join record's foreign key " + moved.get(0).field()
          + ": the record is a relationship, whose ends cannot move; delete it and create another");
    }
    List<List<String>> linkValues = linkValues(table, u, scope, moved);
    List<Assignment> stored = u.assignments().stream()
        .filter(a -> walk.relationships().virtual(table.name(), a.target()) == null).toList();
    if (!stored.isEmpty()) {
      // One map, evaluated whole before it is applied: every assignment reads the values the
      // node had before the update, as SQL's SET does.
      out.append(" SET ").append(scope.variable()).append(" += {");
      for (int i = 0; i < stored.size(); i++) {
        Assignment a = stored.get(i);
        if (i > 0) {
          out.append(", ");
        }
        Names.quote(out, table.column(a.target()).name());
        out.append(": ");
        walk.assigned(table, a);
      }
      out.append('}');
      if (stored.stream().anyMatch(a -> walk.live().marks(table.name(), a.target()))) {
        walk.live().assign(out, " SET ", table.name(), scope.variable());
      }
    }
    for (int i = 0; i < moved.size(); i++) {
      CypherLinks.write(walk, moved.get(i), scope.variable(), linkValues.get(i),
          String.join(", ", linkValues.get(i)), true);
    }
    boolean rows = walk.returning(u.returning());
    walk.close(scope);
    return rows;
  }

  boolean delete(DeleteNode d) {
    Scope scope = walk.match(d.from(), d.filter());
    // A node that a transaction committed meanwhile deleted or changed no longer matches once
    // locked, so the count says what this delete removed (else two racing deletes count 1 each).
    stillReferred(scope, lockAndRecheck(scope,
        walk.isTrue(d.filter()) ? stillStored(scope) : d.filter()));
    boolean rows;
    if (d.returning() instanceof Returning.Project p) {
      out.append(" WITH ").append(scope.variable());
      for (int i = 0; i < p.exprs().size(); i++) {
        out.append(", ");
        walk.expr(p.exprs().get(i));
        out.append(" AS r").append(i);
      }
      out.append(deletes(scope)).append(scope.variable()).append(" RETURN ");
      for (int i = 0; i < p.exprs().size(); i++) {
        out.append(i > 0 ? ", r" : "r").append(i);
      }
      rows = true;
    } else {
      out.append(deletes(scope)).append(scope.variable());
      rows = walk.returning(d.returning());
    }
    walk.close(scope);
    return rows;
  }

  /**
   * Fails the delete of a node that a checked key still refers to. The engine deleted or
   * unlinked the referring records it found before this statement (or, for
   * {@code @BelongsTo.Restrict}, left them), so one found here is restricted or was written by a
   * transaction that committed meanwhile: DETACH DELETE would leave its key naming nothing. The
   * node is locked first (a write, as {@link #lockAndRecheck} takes), so a concurrent write that
   * links to it has committed, and is seen, or waits for this delete. Where the delete locked
   * its nodes already ({@code locked}), the test follows that lock.
   */
  private void stillReferred(Scope scope, boolean locked) {
    List<Relationships.Link> referring = walk.relationships().edge(scope.table()) == null
        ? walk.relationships().referring(scope.table()) : List.of();
    if (referring.isEmpty()) {
      return;
    }
    String v = scope.variable();
    if (locked) {
      out.append(" WITH ").append(CypherNodes.carried(walk, scope));
    } else {
      CypherLocks.lock(out, v, CypherNodes.carried(walk, scope));
    }
    out.append(" WHERE ");
    for (int i = 0; i < referring.size(); i++) {
      Relationships.Link l = referring.get(i);
      out.append(i > 0 ? " AND " : "").append("CASE WHEN EXISTS { (:");
      Names.quote(out, walk.label(l.table()));
      out.append(')');
      l.arrow(out, "");
      out.append('(').append(v).append(") } THEN date('").append(Relationships.STILL_REFERRED).append(':')
          .append(l.model()).append(':').append(l.field()).append("') IS NULL ELSE true END");
    }
  }

  /**
   * What an unfiltered delete tests once it holds the lock: the record's key is still there. A
   * node that a transaction committed meanwhile deleted reads as having no properties.
   */
  private ExprNode stillStored(Scope scope) {
    TableSchema table = walk.schema().table(scope.table());
    return table.primaryKey().isEmpty() ? new ExprNode.Const(Value.TRUE)
        : new ExprNode.Not(new ExprNode.IsNull(
            new ExprNode.Column(table.name(), table.primaryKey().get(0))));
  }

  /** A node goes with its relationships; a join model's record is a relationship. */
  private String deletes(Scope scope) {
    return walk.relationships().edge(scope.table()) == null ? " DETACH DELETE " : " DELETE ";
  }

  /** The relationships an update's assignments change (to a foreign key's columns). */
  private List<Relationships.Link> moved(UpdateNode u) {
    List<Relationships.Link> moved = new ArrayList<>();
    for (Relationships.Link link : walk.relationships().of(u.target() instanceof Source.Table t
        ? t.table() : "")) {
      if (u.assignments().stream().anyMatch(a -> link.position(a.target()) >= 0)) {
        moved.add(link);
      }
    }
    return moved;
  }

  /**
   * The new foreign key values of each moved relationship, computed by a {@code WITH} before
   * the update writes anything (so they read the values from before it, as every assignment
   * does), a column not assigned keeping its value; each as the alias that holds it.
   */
  private List<List<String>> linkValues(TableSchema table, UpdateNode u, Scope scope,
      List<Relationships.Link> moved) {
    List<List<String>> values = new ArrayList<>();
    if (moved.isEmpty()) {
      return values;
    }
    out.append(" WITH ").append(scope.variable());
    for (Relationships.Link link : moved) {
      List<String> aliases = new ArrayList<>();
      for (int column : link.columns()) {
        String alias = walk.fresh();
        out.append(", ");
        Assignment assigned = u.assignments().stream().filter(a -> a.target() == column)
            .findFirst().orElse(null);
        if (assigned != null) {
          walk.assigned(table, assigned);
        } else {
          walk.expr(new ExprNode.Column(table.name(), column));
        }
        out.append(" AS ").append(alias);
        aliases.add(alias);
      }
      values.add(aliases);
    }
    return values;
  }

  /**
   * Write-locks each matched node, then tests the filter again on what is committed now. A
   * {@code MATCH ... WHERE} reads without locking, so two transactions could both match a node
   * by its old values (an {@code @Version} check among them) and both update it; the second to
   * take the lock now sees the first one's committed values and drops the node when they no
   * longer match, as a row-level compare-and-set; a node another transaction deleted matches
   * nothing. The lock property is set and removed in the same statement, so nothing of it is
   * stored. Returns whether it locked (not for an unfiltered statement).
   */
  private boolean lockAndRecheck(Scope scope, ExprNode filter) {
    if (walk.isTrue(filter)) {
      return false;
    }
    CypherLocks.lock(out, scope.variable(), CypherNodes.carried(walk, scope));
    walk.where(filter);
    return true;
  }
}
