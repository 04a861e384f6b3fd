package io.toasty.stmt;

import java.util.List;
import java.util.Objects;

/**
 * A path query: from the rows of {@code source} that match {@code start}, follow {@code hop}
 * between rows of that same source {@code min} to {@code max} times, and answer the rows reached
 * that match {@code reached}, each with the number of hops that reached it. A path never visits
 * a row twice (a cycle ends it), and {@code max} always bounds it.
 *
 * <p>At model level {@code source} is a model, the filters name its fields and the hop is a
 * {@link Hop.Relation}; after the planner's path pass it is a table, the filters name columns and
 * the hop is a {@link Hop.Edge}. Plain data, compared by value.
 *
 * @param source  the model (model level) or table (table level) of every row on the path
 * @param start   which rows the paths start at
 * @param hop     what one step follows
 * @param min     the fewest hops of a path answered (0 answers the start rows themselves)
 * @param max     the most hops a path may have
 * @param reached which rows reached are answered
 * @param mode    every path, each row once, or the shortest path to one row
 * @param nodes   which rows a path may visit, its start and the rows it reaches included
 *                ({@link ExprNode#TRUE}: every row); the soft-delete phase makes it the live
 *                rows of a soft-deleted model unless it names the marker itself
 *                ({@code PathQuery.withDeleted()})
 */
public record PathNode(String source, ExprNode start, Hop hop, int min, int max,
    ExprNode reached, Mode mode, ExprNode nodes) {
  public PathNode {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(hop, "hop");
    Objects.requireNonNull(reached, "reached");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(nodes, "nodes");
    if (min < 0 || max < 1 || min > max) {
      throw new IllegalArgumentException("a path of " + min + " to " + max
          + " hops: want 0 <= min <= max and max >= 1");
    }
  }

  /** A path that may visit every row of {@code source}. */
  public PathNode(String source, ExprNode start, Hop hop, int min, int max, ExprNode reached,
      Mode mode) {
    this(source, start, hop, min, max, reached, mode, ExprNode.TRUE);
  }

  /** This path visiting only the rows that match {@code condition}. */
  public PathNode withNodes(ExprNode condition) {
    return new PathNode(source, start, hop, min, max, reached, mode, condition);
  }

  /** Which paths are answered. */
  public enum Mode {
    /** One row per path: a row reached by two paths comes twice, with each path's length. */
    ALL,
    /** One row per row reached, with the length of its shortest path. */
    DISTINCT,
    /** Only the row matching {@code reached} that the fewest hops reach, with that number. */
    SHORTEST
  }

  /** One step of a path. */
  public sealed interface Hop permits Hop.Relation, Hop.Edge {

    /**
     * A relation of the model to itself, by its {@code Expr.Field} index, whose links may be
     * filtered ({@code links}: on the fields of the relation's join model; {@link ExprNode#TRUE}
     * when there is none).
     */
    record Relation(String model, int relation, ExprNode links) implements Hop {
      public Relation {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(links, "links");
      }
    }

    /**
     * A table whose rows link a source row to the next: a row of {@code table} with
     * {@code from} equal to a source row's key leads to the source row whose key equals its
     * {@code to}, where it matches {@code filter} (on {@code table}'s columns). The table is the
     * join table of a many-to-many relation, or the source table itself for a foreign key
     * ({@code from} its key, {@code to} the foreign key, or the other way round).
     */
    record Edge(String table, List<Integer> from, List<Integer> to, ExprNode filter)
        implements Hop {
      public Edge {
        Objects.requireNonNull(table, "table");
        from = List.copyOf(from);
        to = List.copyOf(to);
        Objects.requireNonNull(filter, "filter");
        if (from.isEmpty() || from.size() != to.size()) {
          throw new IllegalArgumentException("an edge links as many columns on each side, and"
              + " at least one: " + from + " -> " + to);
        }
      }
    }
  }
}
