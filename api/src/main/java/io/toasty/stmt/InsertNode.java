package io.toasty.stmt;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An insert of one or many rows.
 *
 * <p>At model level each row has one expression per model field, in field order, with
 * {@link ExprNode.Default} where the user set nothing (the planner fills in defaults and generated
 * keys). After lowering each row has one expression per column of {@code columns}.
 *
 * @param target    the model or table
 * @param columns   after lowering, the column indexes the rows fill; empty at model level
 * @param rows      the rows, each a record of expressions
 * @param returning {@link Returning.Model} for created records, {@link Returning.Count}, or
 *                  {@link Returning.Keys} for generated values
 * @param onConflict for an upsert, what a row whose conflict target is taken does; null for a
 *                   plain insert, where such a row is a unique violation
 * @param atomic    whether the rows are stored all or none (the default). False only where the
 *                  caller lets each row be stored on its own ({@code Bulk.nonAtomic()}) and,
 *                  after lowering, where the planner proved no row can collide with a stored
 *                  one (every key generated, no unique value, no conflict clause): a backend
 *                  may then write the rows unconditionally in non-atomic requests (DynamoDB's
 *                  BatchWriteItem); a failure may leave some rows stored, each whole and once
 */
public record InsertNode(Source target, List<Integer> columns, List<ExprNode.Record> rows,
    Returning returning, @Nullable OnConflict onConflict, boolean atomic) implements StatementNode {
  public InsertNode {
    Objects.requireNonNull(target, "target");
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    Objects.requireNonNull(returning, "returning");
  }

  /** An atomic insert. */
  public InsertNode(Source target, List<Integer> columns, List<ExprNode.Record> rows,
      Returning returning, @Nullable OnConflict onConflict) {
    this(target, columns, rows, returning, onConflict, true);
  }

  /** A plain insert (no conflict clause). */
  public InsertNode(Source target, List<Integer> columns, List<ExprNode.Record> rows,
      Returning returning) {
    this(target, columns, rows, returning, null);
  }

  /** This insert with other rows and returning, keeping its conflict clause and atomicity. */
  public InsertNode with(List<Integer> columns, List<ExprNode.Record> rows, Returning returning) {
    return new InsertNode(target, columns, rows, returning, onConflict, atomic);
  }

  /** This insert, atomic or not as {@code atomic} says. */
  public InsertNode withAtomic(boolean atomic) {
    return new InsertNode(target, columns, rows, returning, onConflict, atomic);
  }

  @Override
  public Source source() {
    return target;
  }
}
