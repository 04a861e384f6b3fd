package io.toasty.schema.app;

import io.toasty.InvalidStatementException;
import java.util.List;
import java.util.Objects;

/**
 * A model, as the processor read it from an {@code @Model} record.
 *
 * @param name       the model's name (the record's simple name), unique within a schema
 * @param javaClass  the record's canonical name, for messages
 * @param tableName  the table it is stored in
 * @param fields     its fields, in record component order
 * @param primaryKey indexes of the {@code @Key} fields, in key order
 * @param indexes    secondary indexes, unique or not
 */
public record ModelSchema(String name, String javaClass, String tableName,
    List<FieldSchema> fields, List<Integer> primaryKey, List<IndexSchema> indexes) {
  public ModelSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaClass, "javaClass");
    Objects.requireNonNull(tableName, "tableName");
    fields = List.copyOf(fields);
    primaryKey = List.copyOf(primaryKey);
    indexes = List.copyOf(indexes);
  }

  /** The field at {@code index}. */
  public FieldSchema field(int index) {
    return fields.get(index);
  }

  /** The field called {@code name}; an error names the model and the missing field. */
  public FieldSchema field(String name) {
    for (FieldSchema f : fields) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new InvalidStatementException(this.name, name, "model has no such field");
  }

  /** Whether the fields at {@code fieldIndexes}, in any order, are the primary key. */
  public boolean isPrimaryKey(List<Integer> fieldIndexes) {
    return fieldIndexes.size() == primaryKey.size() && fieldIndexes.containsAll(primaryKey);
  }
}
