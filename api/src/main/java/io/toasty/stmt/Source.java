package io.toasty.stmt;

import java.util.Objects;

/** What a statement reads or writes: a model before lowering, a table after. */
public sealed interface Source permits Source.Model, Source.Table {

  /** A model, by its name in the schema. */
  record Model(String model) implements Source {
    public Model {
      Objects.requireNonNull(model, "model");
    }
  }

  /** A table, by its name in the db schema. */
  record Table(String table) implements Source {
    public Table {
      Objects.requireNonNull(table, "table");
    }
  }
}
