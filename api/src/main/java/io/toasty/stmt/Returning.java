package io.toasty.stmt;

import java.util.List;

/** What a statement evaluates to. */
public sealed interface Returning
    permits Returning.Model, Returning.Project, Returning.Count, Returning.Keys {

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
