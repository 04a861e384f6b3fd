package io.toasty.sql.ddl;

import io.toasty.value.Type;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column as DDL declares it.
 *
 * @param name         the column's name
 * @param type         its value type; the dialect picks the database type
 * @param keyed        whether it is in the primary key, an index or a foreign key (some dialects
 *                     declare a bounded type there: MySQL's {@code VARCHAR(255)})
 * @param nullable     whether it may hold NULL (a key or identity column never does)
 * @param identity     whether the database assigns its value
 * @param defaultValue the database default, or {@code null}
 */
public record DdlColumn(String name, Type type, boolean keyed, boolean nullable, boolean identity,
    @Nullable ColumnDefault defaultValue) {
  public DdlColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
