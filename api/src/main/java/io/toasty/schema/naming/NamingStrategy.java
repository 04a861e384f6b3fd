package io.toasty.schema.naming;

import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;

/**
 * How a {@code Db} names the tables (node labels on a graph) and columns (properties) whose names
 * the models did not declare. The processor derives snake-case names ({@code BookmarkFolder} in
 * {@code bookmark_folders}, {@code clickCount} in {@code click_count}); a strategy may name them
 * otherwise, for example as a graph user expects ({@link #graph()}: label {@code BookmarkFolder},
 * property {@code clickCount}). A name given with {@code @Table} or {@code @Column} is kept as
 * written whatever the strategy.
 *
 * <p>The strategy decides what the database holds: a {@code Db} with another strategy reads and
 * writes other tables and columns. Choose one per database and keep it (docs/models.md, "Names
 * in the database").
 */
public interface NamingStrategy {
  /** The table (or label) of {@code model}, whose declared table name was derived. */
  String table(ModelSchema model);

  /** The column (or property) of {@code field}, whose column name was derived. */
  String column(ModelSchema model, FieldSchema field);

  /** The names as the models carry them: snake case where derived. The default. */
  static NamingStrategy declared() {
    return DeclaredNaming.INSTANCE;
  }

  /**
   * Names as graph databases write them: a label is the model's record name ({@code Person}), a
   * property the field's name in camel case ({@code clickCount}; an embedded record's field
   * {@code address.street} is {@code addressStreet}).
   */
  static NamingStrategy graph() {
    return GraphNaming.INSTANCE;
  }

  /**
   * {@code model} with this strategy's names for the table and columns it did not declare; the
   * model itself when no name changes.
   */
  default ModelSchema apply(ModelSchema model) {
    return Renaming.apply(this, model);
  }
}
