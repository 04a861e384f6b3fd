package io.toasty.schema.app;

import java.util.List;
import java.util.Objects;

/**
 * An index over model fields ({@code @Index} or {@code @Unique}).
 *
 * @param name   the index's name, unique within the schema
 * @param fields field indexes, in key order
 * @param unique whether the fields' values identify at most one record
 */
public record IndexSchema(String name, List<Integer> fields, boolean unique) {
  public IndexSchema {
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
  }
}
