package io.toasty.stmt;

import java.util.List;

/** What a statement evaluates to. */
public sealed interface Returning
    permits Returning.Model, Returning.Project, Returning.Count, Returning.Keys,
    Returning.Grouped {

  /** Model level: each matching record, whole, with the listed relations preloaded. */
  record Model(List<Include> includes) implements Returning {
    public Model {
      includes = List.copyOf(includes);
    }

    /** A model returning with no includes. */
    public static Model plain() {
      return new Model(List.of());
    }
  }

  /** One record of these expressions per row (after lowering: the columns to read). */
  record Project(List<Expr> exprs) implements Returning {
    public Project {
      exprs = List.copyOf(exprs);
    }
  }

  /**
   * A query's rows reduced: one record of {@code exprs} per group of rows with equal
   * {@code groupBy} values (one group of every row when {@code groupBy} is empty, even when no row
   * matches), groups kept where {@code having} is TRUE; with {@code distinct}, equal records once.
   * {@code exprs} and {@code having} may hold {@link Expr.Aggregate}s; outside them, only
   * {@code groupBy} expressions.
   */
  record Grouped(List<Expr> exprs, List<Expr> groupBy, Expr having, boolean distinct)
      implements Returning {
    public Grouped {
      exprs = List.copyOf(exprs);
      groupBy = List.copyOf(groupBy);
      java.util.Objects.requireNonNull(having, "having");
    }
  }

  /** A single {@code I64} value: the number of rows the mutation affected. */
  record Count() implements Returning {}

  /**
   * For an insert: the values the database generated for these columns (after lowering) or fields
   * (before), one record per inserted row.
   */
  record Keys(List<Integer> indexes) implements Returning {
    public Keys {
      indexes = List.copyOf(indexes);
    }
  }
}
