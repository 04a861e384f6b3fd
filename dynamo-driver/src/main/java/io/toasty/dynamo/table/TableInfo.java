package io.toasty.dynamo.table;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.KeyValueLayout;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.ColumnSchema;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * How one schema table is stored in DynamoDB: its physical table name (prefix + name), one
 * attribute per column (named as the column), the partition key (first key column) and optional
 * sort key (second), a global secondary index per schema index, and, when the table has unique
 * indexes, the companion table {@code <name>.unique} that holds one uniqueness item per unique
 * value.
 */
public final class TableInfo {
  /** The backend's name in messages. */
  public static final String BACKEND = "dynamodb";
  /** The key attribute of a uniqueness item: {@code "<index>#<encoded value>"}. */
  public static final String UNIQUE_KEY = "u";
  /** The attribute of a uniqueness item that holds the owning item's primary key (a map). */
  public static final String UNIQUE_OWNER = "owner";

  private final TableSchema schema;
  private final String physicalName;
  private final @Nullable String uniqueTableName;
  private final @Nullable String model;
  private final List<String> fieldNames;
  /** Per model field, the column that stores it; empty without a model. */
  private final List<Integer> fieldColumns;
  private final Set<Integer> sensitiveColumns;
  private final int versionColumn;
  private final List<Index> indexes;
  private final List<Index> uniqueIndexes;
  private final Set<Integer> uniqueColumns;
  private final boolean changes;
  /** The {@code @SoftDelete} marker's column, or -1 (see {@link #liveOnly}). */
  private final int markerColumn;
  private final boolean markerFlag;

  /** A secondary index: a GSI whose partition key is the first column and sort key the second. */
  public record Index(String name, List<Integer> columns, boolean unique) {
    public Index {
      Objects.requireNonNull(name, "name");
      columns = List.copyOf(columns);
    }

    /** The GSI's partition key column. */
    public int partition() {
      return KeyValueLayout.key(columns).get(0);
    }

    /** The GSI's sort key column, or -1. */
    public int sort() {
      List<Integer> key = KeyValueLayout.key(columns);
      return key.size() > 1 ? key.get(1) : -1;
    }
  }

  /** Per column, {@code table.attribute}. */
  private final String[] qualified;

  TableInfo(TableSchema schema, String prefix, @Nullable ModelSchema model,
      @Nullable ModelMapping mapping) {
    this.schema = schema;
    this.physicalName = prefix + schema.name();
    this.model = model == null ? null : model.name();
    this.changes = model != null && model.changes();
    List<String> fields = new ArrayList<>();
    for (int c = 0; c < schema.columns().size(); c++) {
      fields.add(fieldName(model, mapping, c, schema.column(c).name()));
    }
    this.fieldNames = List.copyOf(fields);
    List<Integer> columns = new ArrayList<>();
    for (int f = 0; model != null && mapping != null && f < model.fields().size(); f++) {
      columns.add(mapping.columnOf(f));
    }
    this.fieldColumns = List.copyOf(columns);
    this.qualified = new String[schema.columns().size()];
    for (int c = 0; c < qualified.length; c++) {
      qualified[c] = physicalName + "." + schema.column(c).name();
    }
    this.sensitiveColumns = sensitiveColumns(model, mapping);
    this.versionColumn = versionColumn(model, mapping);
    // a model comes with its mapping (Tables)
    FieldSchema marker = model == null || mapping == null ? null : model.softDeleteField();
    this.markerColumn = marker == null || model == null || mapping == null ? -1
        : mapping.columnOf(model.fields().indexOf(marker));
    this.markerFlag = marker != null && marker.type() == Type.Scalar.BOOL;
    checkKey();
    List<Index> all = new ArrayList<>();
    List<Index> unique = new ArrayList<>();
    Set<Integer> uniqueCols = new TreeSet<>();
    for (TableIndex ix : schema.indexes()) {
      Index index = new Index(ix.name(), ix.columns(), ix.unique());
      checkIndex(index);
      all.add(index);
      if (KeyValueLayout.keepsUniquenessItems(ix.unique(), ix.columns(), schema.primaryKey())) {
        unique.add(index);
        uniqueCols.addAll(ix.columns());
      }
    }
    this.indexes = List.copyOf(all);
    this.uniqueIndexes = List.copyOf(unique);
    this.uniqueColumns = Collections.unmodifiableSet(uniqueCols);
    this.uniqueTableName = unique.isEmpty() ? null : physicalName + ".unique";
  }

  private static Set<Integer> sensitiveColumns(@Nullable ModelSchema model,
      @Nullable ModelMapping mapping) {
    Set<Integer> out = new TreeSet<>();
    if (model != null && mapping != null) {
      for (int f = 0; f < model.fields().size(); f++) {
        if (model.field(f).sensitive()) {
          out.add(mapping.columnOf(f));
        }
      }
    }
    return Collections.unmodifiableSet(out);
  }

  private static int versionColumn(@Nullable ModelSchema model,
      @Nullable ModelMapping mapping) {
    if (model != null && mapping != null) {
      for (int f = 0; f < model.fields().size(); f++) {
        if (model.field(f).auto() == AutoStrategy.VERSION) {
          return mapping.columnOf(f);
        }
      }
    }
    return -1;
  }

  /**
   * The column of the model's {@code @Version} field, which every update increments, or -1:
   * a transaction asserts an item it read unchanged by this column alone where there is one.
   */
  public int versionColumn() {
    return versionColumn;
  }

  /** Whether column {@code c} stores a {@code @Sensitive} field, whose values no message shows. */
  public boolean sensitive(int c) {
    return sensitiveColumns.contains(c);
  }

  private static String fieldName(@Nullable ModelSchema model, @Nullable ModelMapping mapping,
      int column, String fallback) {
    if (model == null || mapping == null) {
      return fallback;
    }
    for (int f = 0; f < model.fields().size(); f++) {
      if (mapping.columnOf(f) == column) {
        return model.field(f).name();
      }
    }
    return fallback;
  }

  private void checkKey() {
    List<Integer> pk = schema.primaryKey();
    if (pk.isEmpty()) {
      throw unsupported("a table without a primary key", "table " + schema.name()
          + " has none; DynamoDB items are addressed by their key");
    }
    if (pk.size() > 2) {
      throw unsupported("a primary key of more than two fields", describe() + " has key fields "
          + names(pk) + "; a DynamoDB key is a partition key and an optional sort key");
    }
    for (int c : pk) {
      if (keyType(c) == null) {
        throw unsupported("a key field of type " + column(c).type(), describe() + "."
            + fieldNames.get(c) + " is a key field; DynamoDB keys are strings, numbers or bytes");
      }
    }
  }

  private void checkIndex(Index index) {
    if (index.columns().size() > 2) {
      throw unsupported("an index of more than two fields", describe() + " index "
          + index.name() + " has fields " + names(index.columns())
          + "; a DynamoDB global secondary index has a partition key and an optional sort key");
    }
    for (int c : index.columns()) {
      if (keyType(c) == null) {
        throw unsupported("an index on a field of type " + column(c).type(), describe() + "."
            + fieldNames.get(c) + " is indexed (" + index.name()
            + "); DynamoDB index keys are strings, numbers or bytes");
      }
    }
  }

  private String describe() {
    return model != null ? "model " + model : "table " + schema.name();
  }

  private static UnsupportedFeatureException unsupported(String what, String detail) {
    return new UnsupportedFeatureException(Feature.KEY_SHAPE, BACKEND, what + ": " + detail);
  }

  /**
   * The key attribute type of column {@code c}, or null when it cannot be a key
   * ({@link KeyValueLayout#keyAttributeType}, as migrations declare it).
   */
  public @Nullable ScalarAttributeType keyType(int c) {
    String type = KeyValueLayout.keyAttributeType(column(c).type());
    return type == null ? null : ScalarAttributeType.fromValue(type);
  }

  /** The schema table. */
  public TableSchema schema() {
    return schema;
  }

  /** The schema table's name, as operations name it. */
  public String name() {
    return schema.name();
  }

  /** The DynamoDB table's name: the prefix and the schema table's name. */
  public String physicalName() {
    return physicalName;
  }

  /** The companion table of uniqueness items, or null when the table has no unique index. */
  public @Nullable String uniqueTableName() {
    return uniqueTableName;
  }

  /**
   * Whether the model stored here has its changes followed ({@code @Model(changes = true)}):
   * the table then has a stream of new and old images ({@code ddl.ChangeStreamSpec}).
   */
  public boolean changes() {
    return changes;
  }

  /** The model stored here, for messages; null when no model maps to the table. */
  public @Nullable String model() {
    return model;
  }

  /** The column at {@code c}. */
  public ColumnSchema column(int c) {
    return schema.column(c);
  }

  /**
   * {@code table.attribute} of column {@code c}, for messages: made once, not per value read
   * (a 100-row read decodes hundreds of values).
   */
  public String qualified(int c) {
    return qualified[c];
  }

  /** The attribute that stores column {@code c}. */
  public String attribute(int c) {
    return schema.column(c).name();
  }

  /**
   * Per field of the model, in field order, the column that stores it (every field is stored
   * in one column: {@code ModelMapping}); empty for a table of no model.
   */
  public List<Integer> fieldColumns() {
    return fieldColumns;
  }

  /** The model field stored in column {@code c} (the column's name when there is no model). */
  public String fieldName(int c) {
    return fieldNames.get(c);
  }

  /** The fields stored in {@code columns}, joined with ", ". */
  public String fieldNames(List<Integer> columns) {
    return names(columns);
  }

  private String names(List<Integer> columns) {
    List<String> out = new ArrayList<>(columns.size());
    columns.forEach(c -> out.add(fieldNames.get(c)));
    return String.join(", ", out);
  }

  /** The number of columns. */
  public int columnCount() {
    return schema.columns().size();
  }

  /** Every column index, in table order. */
  public List<Integer> allColumns() {
    List<Integer> out = new ArrayList<>(columnCount());
    for (int c = 0; c < columnCount(); c++) {
      out.add(c);
    }
    return out;
  }

  /** The primary key columns, in key order. */
  public List<Integer> primaryKey() {
    return schema.primaryKey();
  }

  /** The partition key column. */
  public int partitionKey() {
    return schema.primaryKey().get(0);
  }

  /** The sort key column, or -1. */
  public int sortKey() {
    return schema.primaryKey().size() > 1 ? schema.primaryKey().get(1) : -1;
  }

  /** Whether column {@code c} is part of the primary key. */
  public boolean isKey(int c) {
    return schema.primaryKey().contains(c);
  }

  /** Every secondary index. */
  public List<Index> indexes() {
    return indexes;
  }

  /** The secondary index called {@code name}. */
  public Index index(String name) {
    for (Index ix : indexes) {
      if (ix.name().equals(name)) {
        return ix;
      }
    }
    throw new IllegalArgumentException("table " + schema.name() + " has no index " + name);
  }

  /** The unique indexes whose values a uniqueness item guards (not the primary key). */
  public List<Index> uniqueIndexes() {
    return uniqueIndexes;
  }

  /**
   * Whether {@code index} holds the live items only: a unique index of a soft-deleted model
   * ({@code @SoftDelete}) that does not contain the marker, so that a deleted item claims no
   * value and a restore claims it again (as the partial unique indexes of PostgreSQL and SQLite,
   * {@code SoftDeleteScenarios.restoreOfATakenUniqueValueFails}).
   */
  public boolean liveOnly(Index index) {
    return markerColumn >= 0 && !index.columns().contains(markerColumn);
  }

  /** The {@code @SoftDelete} marker's column, or -1 when deletes remove items. */
  public int markerColumn() {
    return markerColumn;
  }

  /** Whether {@code item}'s {@code @SoftDelete} marker says it is deleted (absent: live). */
  public boolean deleted(Map<String, AttributeValue> item) {
    AttributeValue a = markerColumn < 0 ? null : item.get(attribute(markerColumn));
    if (a == null || Boolean.TRUE.equals(a.nul())) {
      return false;
    }
    return !markerFlag || Boolean.TRUE.equals(a.bool());
  }

  /** The columns that appear in a guarded unique index. */
  public Set<Integer> uniqueColumns() {
    return uniqueColumns;
  }

  /** The column whose attribute is {@code attribute}, or -1. */
  public int columnOf(String attribute) {
    for (int c = 0; c < columnCount(); c++) {
      if (attribute(c).equals(attribute)) {
        return c;
      }
    }
    return -1;
  }
}
