package io.toasty.schema.app;

import io.toasty.error.InvalidStatementException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A model, as the processor read it from an {@code @Model} record.
 *
 * <p>Data fields and relation fields are numbered apart: {@code fields} holds the data fields
 * (each stored in a column), numbered from 0 in record component order; {@code relations} holds
 * the relation fields ({@code HasMany}, {@code BelongsTo}, {@code HasOne}), which are no
 * columns. An {@code Expr.Field} names a relation by {@code fields().size() + relation.index()}.
 *
 * @param name       the model's name (the record's simple name), unique within a schema
 * @param javaClass  the record's canonical name, for messages
 * @param tableName  the table it is stored in
 * @param fields     its data fields, in record component order
 * @param primaryKey indexes of the {@code @Key} fields, in key order
 * @param indexes    secondary indexes, unique or not; on a tenant-scoped model each unique
 *                   one leads with the tenant, and an index on the tenant is
 *                   added where none leads with it ({@link TenantIndexes})
 * @param relations  its relation fields, in record component order
 * @param changes    whether its committed changes can be followed as a stream
 *                   ({@code @Model(changes = true)}): where the backend has change streams,
 *                   schema push adds what reports them (PostgreSQL: a trigger)
 * @param declared   which of its storage names {@code @Table} and {@code @Column} declared (a
 *                   {@link io.toasty.schema.naming.NamingStrategy} keeps those as they are)
 */
public record ModelSchema(String name, String javaClass, String tableName,
    List<FieldSchema> fields, List<Integer> primaryKey, List<IndexSchema> indexes,
    List<RelationSchema> relations, boolean changes, DeclaredNames declared) {
  public ModelSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaClass, "javaClass");
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(declared, "declared");
    fields = List.copyOf(fields);
    primaryKey = List.copyOf(primaryKey);
    // a tenant-scoped model's values are unique per tenant (TenantIndexes)
    indexes = List.copyOf(TenantIndexes.lead(tableName, fields, primaryKey, indexes));
    relations = List.copyOf(relations);
  }

  /** A model whose names were all derived. */
  public ModelSchema(String name, String javaClass, String tableName, List<FieldSchema> fields,
      List<Integer> primaryKey, List<IndexSchema> indexes, List<RelationSchema> relations,
      boolean changes) {
    this(name, javaClass, tableName, fields, primaryKey, indexes, relations, changes,
        DeclaredNames.NONE);
  }

  /** A model whose changes are not followed as a stream. */
  public ModelSchema(String name, String javaClass, String tableName, List<FieldSchema> fields,
      List<Integer> primaryKey, List<IndexSchema> indexes, List<RelationSchema> relations) {
    this(name, javaClass, tableName, fields, primaryKey, indexes, relations, false);
  }

  /** This model with its committed changes followed as a stream ({@link #changes()}). */
  public ModelSchema withChanges() {
    return new ModelSchema(name, javaClass, tableName, fields, primaryKey, indexes, relations,
        true, declared);
  }

  /** This model with {@code names} declared by its source ({@link #declared()}). */
  public ModelSchema withDeclared(DeclaredNames names) {
    return new ModelSchema(name, javaClass, tableName, fields, primaryKey, indexes, relations,
        changes, names);
  }

  /**
   * This model stored in {@code table}, with {@code fields} and {@code indexes} (the same, in
   * order, each perhaps with another column or name): what a
   * {@link io.toasty.schema.naming.NamingStrategy} makes.
   */
  public ModelSchema withNames(String table, List<FieldSchema> fields,
      List<IndexSchema> indexes) {
    return new ModelSchema(name, javaClass, table, fields, primaryKey, indexes, relations,
        changes, declared);
  }

  /** A model without relation fields. */
  public ModelSchema(String name, String javaClass, String tableName, List<FieldSchema> fields,
      List<Integer> primaryKey, List<IndexSchema> indexes) {
    this(name, javaClass, tableName, fields, primaryKey, indexes, List.of());
  }

  /** The data field at {@code index}. */
  public FieldSchema field(int index) {
    return fields.get(index);
  }

  /** The data field called {@code name}; an error names the model and the missing field. */
  public FieldSchema field(String name) {
    for (FieldSchema f : fields) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new InvalidStatementException(this.name, name, "model has no such field");
  }

  /** Whether {@code fieldIndex} (an {@code Expr.Field} index) names a relation field. */
  public boolean isRelation(int fieldIndex) {
    return fieldIndex >= fields.size() && fieldIndex < fields.size() + relations.size();
  }

  /** The relation that {@code fieldIndex} (an {@code Expr.Field} index) names. */
  public RelationSchema relationAt(int fieldIndex) {
    if (!isRelation(fieldIndex)) {
      throw new InvalidStatementException(name, "#" + fieldIndex, "model has no such relation");
    }
    return relations.get(fieldIndex - fields.size());
  }

  /** The relation called {@code name}; an error names the model and the missing relation. */
  public RelationSchema relation(String name) {
    for (RelationSchema r : relations) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    throw new InvalidStatementException(this.name, name, "model has no such relation");
  }

  /** The {@code Expr.Field} index of {@code relation}. */
  public int fieldIndexOf(RelationSchema relation) {
    return fields.size() + relation.index();
  }

  /** The name of the data or relation field at {@code fieldIndex}, or {@code #i}. */
  public String fieldName(int fieldIndex) {
    if (fieldIndex >= 0 && fieldIndex < fields.size()) {
      return fields.get(fieldIndex).name();
    }
    return isRelation(fieldIndex) ? relationAt(fieldIndex).name() : "#" + fieldIndex;
  }

  /**
   * The {@code @TenantId} field ({@link AutoStrategy#TENANT}), or {@code null} when the model is
   * not tenant-scoped.
   */
  public @Nullable FieldSchema tenantField() {
    return TenantIndexes.tenantOf(fields);
  }

  /**
   * The {@code @SoftDelete} marker ({@link AutoStrategy#SOFT_DELETE}), or {@code null} when the
   * model's deletes remove its records.
   */
  public @Nullable FieldSchema softDeleteField() {
    for (FieldSchema f : fields) {
      if (f.auto() == AutoStrategy.SOFT_DELETE) {
        return f;
      }
    }
    return null;
  }

  /** Whether the fields at {@code fieldIndexes}, in any order, are the primary key. */
  public boolean isPrimaryKey(List<Integer> fieldIndexes) {
    return fieldIndexes.size() == primaryKey.size() && fieldIndexes.containsAll(primaryKey);
  }
}
