package io.toasty.value;

/**
 * Builds a model's record straight from a row's {@link Columns} (the annotation processor writes
 * one per model: {@code ModelDef.rowReader()}). A failure names the model and the field, as
 * {@code ModelDef.load} does for the same row.
 *
 * @param <M> the record type
 */
@FunctionalInterface
public interface RowReader<M> {

  /** The record whose field {@code i} is {@code row}'s position {@code i}. */
  M read(Columns row);
}
