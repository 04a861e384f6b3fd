package io.toasty.dynamo.table;

import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@link TableInfo} of every table of a schema, checked once when the driver opens: a key of
 * more than two fields, or a key or index on a type DynamoDB cannot key on, fails here with an
 * {@code UnsupportedFeatureException} naming the model. Also the counters of relations
 * ({@link CountedRelation}), by the table whose records they count and by the table whose deletes they
 * guard.
 */
public final class Tables {
  private final Map<String, TableInfo> tables = new LinkedHashMap<>();
  private final Map<String, TableInfo> byPhysicalName = new HashMap<>();
  private final Map<String, List<CountedRelation>> limits = new LinkedHashMap<>();
  private final Map<String, List<CountedRelation>> guards = new LinkedHashMap<>();
  private final String prefix;

  /** The tables of {@code schema}, stored under {@code prefix + name}. */
  public Tables(Schema schema, String prefix) {
    Objects.requireNonNull(schema, "schema");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    for (TableSchema t : schema.tables()) {
      ModelSchema model = null;
      ModelMapping mapping = null;
      for (ModelSchema m : schema.models()) {
        if (schema.mapping(m.name()).table().equals(t.name())) {
          model = m;
          mapping = schema.mapping(m.name());
        }
      }
      TableInfo info = new TableInfo(t, prefix, model, mapping);
      tables.put(t.name(), info);
      byPhysicalName.put(info.physicalName(), info);
    }
    for (CountedRelation l : CountedRelation.of(schema, tables)) {
      limits.computeIfAbsent(l.counted().name(), k -> new ArrayList<>()).add(l);
      if (l.onOwnerDelete() != null) {
        guards.computeIfAbsent(l.owner().name(), k -> new ArrayList<>()).add(l);
      }
    }
  }

  /**
   * The counters of checked keys that point at records of table {@code name}: a delete of one
   * of its records is conditioned on each; empty for most tables.
   */
  public List<CountedRelation> guardsOf(String name) {
    return guards.getOrDefault(name, List.of());
  }

  /** The limits that count records of table {@code name}; empty for most tables. */
  public List<CountedRelation> limitsOf(String name) {
    return limits.getOrDefault(name, List.of());
  }

  /** The table called {@code name} in the schema. */
  public TableInfo get(String name) {
    TableInfo t = tables.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no table " + name + " in this driver's schema");
    }
    return t;
  }

  /** The table that stores model {@code model}. */
  public TableInfo ofModel(String model) {
    for (TableInfo t : tables.values()) {
      if (model.equals(t.model())) {
        return t;
      }
    }
    throw new IllegalArgumentException("no model " + model + " in this driver's schema");
  }

  /** The table stored as {@code physicalName} (prefix and all), or null for none of these. */
  public @Nullable TableInfo byPhysicalName(String physicalName) {
    return byPhysicalName.get(physicalName);
  }

  /** Every table, in schema order. */
  public Collection<TableInfo> all() {
    return tables.values();
  }

  /** The prefix of every physical table name. */
  public String prefix() {
    return prefix;
  }
}
