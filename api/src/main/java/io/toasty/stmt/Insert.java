package io.toasty.stmt;

import java.util.List;
import java.util.Objects;

/**
 * An insert of one or many rows.
 *
 * <p>At model level each row has one expression per model field, in field order, with
 * {@link Expr.Default} where the user set nothing (the planner fills in defaults and generated
 * keys). After lowering each row has one expression per column of {@code columns}.
 *
 * @param target    the model or table
 * @param columns   after lowering, the column indexes the rows fill; empty at model level
 * @param rows      the rows, each a record of expressions
 * @param returning {@link Returning.Model} for created records, {@link Returning.Count}, or
 *                  {@link Returning.Keys} for generated values
 * @param onConflict for an upsert, what a row whose conflict target is taken does; null for a
 *                   plain insert, where such a row is a unique violation
 */
public record Insert(Source target, List<Integer> columns, List<Expr.Record> rows,
    Returning returning, OnConflict onConflict) implements Statement {
  public Insert {
    Objects.requireNonNull(target, "target");
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    Objects.requireNonNull(returning, "returning");
  }

  /** A plain insert (no conflict clause). */
  public Insert(Source target, List<Integer> columns, List<Expr.Record> rows,
      Returning returning) {
    this(target, columns, rows, returning, null);
  }

  /** This insert with other rows and returning, keeping its conflict clause. */
  public Insert with(List<Integer> columns, List<Expr.Record> rows, Returning returning) {
    return new Insert(target, columns, rows, returning, onConflict);
  }

  @Override
  public Source source() {
    return target;
  }
}
