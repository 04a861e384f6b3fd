package io.toasty.schema;

import io.toasty.error.InvalidModelException;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.CreationOrder;
import io.toasty.schema.db.TableForeignKey;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A database's schema in three layers: the app layer (models), the db layer (tables) and the
 * mapping between them. Immutable; one per {@code Db}. Build it with {@link #of(Collection)}.
 */
public final class Schema {
  private final Map<String, ModelSchema> models;
  private final Map<String, TableSchema> tables;
  private final Map<String, ModelMapping> mappings;

  Schema(List<ModelSchema> models, List<TableSchema> tables, List<ModelMapping> mappings) {
    this.models = index(models, ModelSchema::name);
    this.tables = index(tables, TableSchema::name);
    this.mappings = index(mappings, ModelMapping::model);
  }

  /**
   * The schema of these models: one table per model, one column per field.
   *
   * @throws InvalidModelException naming the model and field, when two models share a name or a
   *     table, or a model's fields share a column
   */
  public static Schema of(Collection<ModelSchema> models) {
    return SchemaBuilder.build(models);
  }

  /** Every model, in registration order. */
  public Collection<ModelSchema> models() {
    return models.values();
  }

  /** Every table, in registration order. */
  public Collection<TableSchema> tables() {
    return tables.values();
  }

  /** The model called {@code name}. */
  public ModelSchema model(String name) {
    ModelSchema m = models.get(name);
    if (m == null) {
      throw new InvalidModelException(name, null, "model is not registered with this Db");
    }
    return m;
  }

  /** Whether a model called {@code name} is registered. */
  public boolean hasModel(String name) {
    return models.containsKey(name);
  }

  /** The table called {@code name}. */
  public TableSchema table(String name) {
    TableSchema t = tables.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no table " + name + " in this schema");
    }
    return t;
  }

  /** How the model called {@code model} is stored. */
  public ModelMapping mapping(String model) {
    ModelMapping m = mappings.get(model);
    if (m == null) {
      throw new InvalidModelException(model, null, "model is not registered with this Db");
    }
    return m;
  }

  /**
   * The order to create the tables in, referred-to tables first, and the foreign keys that close
   * a cycle and are added after every table exists ({@link CreationOrder}).
   */
  public CreationOrder creationOrder() {
    List<CreationOrder.Reference> references = new ArrayList<>();
    for (TableSchema t : tables.values()) {
      for (TableForeignKey fk : t.foreignKeys()) {
        references.add(new CreationOrder.Reference(t.name(), fk.name(), fk.referencedTable()));
      }
    }
    return CreationOrder.of(List.copyOf(tables.keySet()), references);
  }

  /** The table that stores the model called {@code model}. */
  public TableSchema tableOf(String model) {
    return table(mapping(model).table());
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    Map<String, T> out = new LinkedHashMap<>();
    for (T item : items) {
      out.put(key.apply(item), item);
    }
    return Collections.unmodifiableMap(out);
  }
}
