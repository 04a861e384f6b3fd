package io.toasty.schema.db;

import io.toasty.value.Type;
import java.util.Objects;

/**
 * A table column. The driver chooses the database type from {@code type}.
 *
 * @param identity whether the database assigns its value (identity / auto-increment)
 */
public record ColumnSchema(String name, Type type, boolean nullable, boolean identity) {
  public ColumnSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
