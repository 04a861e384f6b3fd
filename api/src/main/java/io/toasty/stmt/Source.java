package io.toasty.stmt;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a statement reads or writes: a model before lowering, a table after. */
public sealed interface Source permits Source.Model, Source.Table {

  /** A model, by its name in the schema. */
  record Model(String model) implements Source {
    public Model {
      Objects.requireNonNull(model, "model");
    }
  }

  /**
   * A table, by its name in the db schema; for a query on a SQL backend, optionally joined to a
   * second table ({@link Join}: the many-to-many include reads its targets with their join rows).
   *
   * @param table the table
   * @param join  the joined table, or {@code null}
   */
  record Table(String table, @Nullable Join join) implements Source {
    public Table {
      Objects.requireNonNull(table, "table");
    }

    /** The table alone. */
    public Table(String table) {
      this(table, null);
    }
  }

  /**
   * An inner join of a query's table to {@code table} on {@code table.columns[i] =
   * on[i]} (columns of the query's own table). Expressions name the joined table's columns as
   * {@code ExprNode.Column(table, index)}; a joined query's columns are always table-qualified.
   *
   * @param table   the joined table
   * @param columns its columns compared
   * @param on      the query's table's columns they equal, in the same order
   */
  record Join(String table, List<Integer> columns, List<Integer> on) {
    public Join {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      on = List.copyOf(on);
      if (columns.isEmpty() || columns.size() != on.size()) {
        throw new IllegalArgumentException("a join compares as many columns on each side, and "
            + "at least one: " + columns + " = " + on);
      }
    }
  }
}
