package io.toasty.neo4j.cypher;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import java.util.List;
import java.util.Objects;

/**
 * A limit per partition (an include's limit per parent) in Cypher, which has no window
 * functions: the matched rows are projected and sorted in the query's order, collected per
 * partition, unwound with their place in the list, kept from the offset up to the count, and
 * sorted again.
 *
 * <pre>{@code
 * MATCH (n:posts) WHERE ..
 * WITH n.id AS c0, .., m.id AS k0, n.at AS s0 ORDER BY s0 DESC
 * WITH k0, collect([c0, .., s0]) AS rows UNWIND range(0, size(rows) - 1) AS i
 * WITH rows[i] AS r, i - $p0 AS j WHERE j >= 0 AND j < $p1
 * RETURN r[0] AS c0, .. ORDER BY r[2] DESC
 * }</pre>
 *
 * Collecting after an ordering {@code WITH} keeps that order in the list, which is what the
 * slice counts by. NULL partition values form one partition, as SQL's {@code PARTITION BY} does.
 */
final class CypherPartitionLimit {
  private final CypherWalk walk;
  private final CypherReads reads;
  private final StringBuilder out;

  CypherPartitionLimit(CypherWalk walk, CypherReads reads) {
    this.walk = walk;
    this.reads = reads;
    this.out = walk.out();
  }

  /** Writes what follows the query's {@code MATCH .. WHERE}: the projection and its limit. */
  void rest(Query q) {
    if (!(q.returning() instanceof Returning.Project p) || p.exprs().isEmpty()) {
      throw new UnsupportedFeatureException(Feature.INCLUDE_LIMIT, CypherWalk.BACKEND,
          "a limit per partition of a query returning " + q.returning());
    }
    List<ExprNode> columns = p.exprs();
    List<ExprNode> keys = Objects.requireNonNull(q.limit(), "a limit per partition").partitionBy();
    List<ExprNode> order = q.orderBy().stream().map(OrderBy::expr).toList();
    out.append(" WITH ");
    aliased(columns, "c");
    out.append(", ");
    aliased(keys, "k");
    if (!order.isEmpty()) {
      out.append(", ");
      aliased(order, "s");
    }
    name(columns, "c");
    name(keys, "k");
    name(order, "s");
    reads.orderBy(q.orderBy());
    out.append(" WITH ");
    for (int i = 0; i < keys.size(); i++) {
      out.append(i > 0 ? ", k" : "k").append(i);
    }
    out.append(", collect([");
    for (int i = 0; i < columns.size(); i++) {
      out.append(i > 0 ? ", c" : "c").append(i);
    }
    for (int i = 0; i < order.size(); i++) {
      out.append(", s").append(i);
    }
    out.append("]) AS rows UNWIND range(0, size(rows) - 1) AS i WITH rows[i] AS r, i");
    slice(q.limit());
    out.append(" RETURN ");
    for (int i = 0; i < columns.size(); i++) {
      walk.computed().put(columns.get(i), "r[" + i + "]");
    }
    for (int i = 0; i < order.size(); i++) {
      walk.computed().put(order.get(i), "r[" + (columns.size() + i) + "]");
    }
    for (int i = 0; i < columns.size(); i++) {
      out.append(i > 0 ? ", r[" : "r[").append(i).append("] AS c").append(i);
    }
    reads.orderBy(q.orderBy());
  }

  /** {@code e0 AS <prefix>0, ..}: each expression as the walk renders it now. */
  private void aliased(List<ExprNode> exprs, String prefix) {
    for (int i = 0; i < exprs.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      walk.expr(exprs.get(i));
      out.append(" AS ").append(prefix).append(i);
    }
  }

  /** From here on, each expression is read from its alias. */
  private void name(List<ExprNode> exprs, String prefix) {
    for (int i = 0; i < exprs.size(); i++) {
      walk.computed().put(exprs.get(i), prefix + i);
    }
  }

  /**
   * The partition's rows from its offset, up to its count, by their place in the list. Compared
   * rather than sliced: a list slice takes 32-bit bounds, and an offset without a limit counts
   * up to a 64-bit "no limit".
   */
  private void slice(Limit limit) {
    if (limit.offset() != null) {
      out.append(" - ");
      reads.rowCount(limit.offset());
      out.append(" AS j WHERE j >= 0 AND j < ");
    } else {
      out.append(" AS j WHERE j < ");
    }
    reads.rowCount(limit.count());
  }
}
