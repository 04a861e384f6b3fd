package io.toasty.migrate.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column as a snapshot records it.
 *
 * @param name         the column's name
 * @param field        the model field stored in it, for messages
 * @param type         the column's value type as {@link ColumnTypes} writes it ({@code I64},
 *                     {@code STRING}, {@code ENUM}, ...)
 * @param nullable     whether it may hold NULL
 * @param identity     whether the database assigns its value
 * @param defaultValue the database default as {@link DefaultLiteral} writes it, or {@code null}
 * @param renamedFrom  the column's previous name declared on the field, or {@code null}; a
 *                     declaration for the next diff, not part of the column's state
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnSnapshot(String name, @Nullable String field, String type, boolean nullable,
    boolean identity, @Nullable String defaultValue, @Nullable String renamedFrom) {
  public ColumnSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** Whether this column holds the same definition as {@code other} (name, rename aside). */
  public boolean sameDefinition(ColumnSnapshot other) {
    return type.equals(other.type) && nullable == other.nullable && identity == other.identity
        && Objects.equals(defaultValue, other.defaultValue);
  }

  /** This column under another name, its rename declaration spent. */
  public ColumnSnapshot named(String newName) {
    return new ColumnSnapshot(newName, field, type, nullable, identity, defaultValue, null);
  }
}
