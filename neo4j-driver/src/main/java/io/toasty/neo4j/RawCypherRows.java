package io.toasty.neo4j;

import io.toasty.driver.Operation;
import io.toasty.neo4j.codec.CypherValues;
import io.toasty.schema.db.TableSchema;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.summary.SummaryCounters;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.TypeSystem;

/**
 * The application's own Cypher ({@link Operation.RawCypher}) on Neo4j: its parameters as the
 * driver takes them, its records as the engine reads them, its write count from the summary.
 */
final class RawCypherRows {
  private static final Type.CollectionOf PROPERTIES = new Type.CollectionOf(
      Type.CollectionOf.Shape.MAP, Type.Scalar.NULL);

  private RawCypherRows() {}

  /** The statement's parameters, each encoded as a property of its type is stored. */
  static Map<String, Object> params(Operation.RawCypher statement) {
    Map<String, Object> out = new HashMap<>(statement.params().size() * 2);
    statement.params().forEach((name, value) -> out.put(name, CypherValues.encode(value)));
    return out;
  }

  /**
   * What one record becomes: {@code (labels, values)} when the statement names no table, else
   * the table's columns read by property name (see {@link Operation.RawCypher}).
   */
  static Function<Record, Value.Record> reader(@Nullable TableSchema table,
      List<Integer> columns) {
    return table == null ? RawCypherRows::labelled : r -> columns(r, table, columns);
  }

  private static Value.Record labelled(Record r) {
    List<Value> labels = new ArrayList<>(r.size());
    List<Value> values = new ArrayList<>(r.size());
    for (int i = 0; i < r.size(); i++) {
      labels.add(new Value.Str(r.keys().get(i)));
      values.add(generic(r.get(i)));
    }
    return Value.Record.of(Value.Record.adopt(labels.toArray(Value[]::new)),
        Value.Record.adopt(values.toArray(Value[]::new)));
  }

  /** A node, relationship or map as its properties; anything else as the codec reads it. */
  private static Value generic(org.neo4j.driver.Value raw) {
    if (!isEntity(raw)) {
      return CypherValues.decode(raw, Type.Scalar.NULL);
    }
    Map<String, Value> entries = new LinkedHashMap<>();
    for (String key : raw.keys()) {
      entries.put(key, generic(raw.get(key)));
    }
    return new Value.Entries(PROPERTIES, entries);
  }

  /**
   * The columns of {@code table}: each from the record's column of its property name, else from
   * the properties of the record's first column when that is a node or a map ({@code RETURN u},
   * or {@code RETURN u, a.id AS author} for a key kept as a relationship).
   */
  private static Value.Record columns(Record r, TableSchema table, List<Integer> columns) {
    MapAccessor node = r.size() > 0 && isEntity(r.get(0)) ? r.get(0) : null;
    Value[] values = new Value[columns.size()];
    for (int i = 0; i < values.length; i++) {
      var column = table.column(columns.get(i));
      org.neo4j.driver.Value raw = r.containsKey(column.name()) ? r.get(column.name())
          : node != null ? node.get(column.name()) : null;
      values[i] = CypherValues.decode(raw, column.type());
    }
    return Value.Record.adopt(values);
  }

  private static boolean isEntity(org.neo4j.driver.Value raw) {
    TypeSystem types = TypeSystem.getDefault();
    return raw.hasType(types.NODE()) || raw.hasType(types.RELATIONSHIP())
        || raw.hasType(types.MAP());
  }

  /**
   * What a write changed: nodes and relationships created and deleted, and properties set, as
   * Neo4j counts them.
   */
  static long count(ResultSummary summary) {
    SummaryCounters c = summary.counters();
    return (long) c.nodesCreated() + c.nodesDeleted() + c.relationshipsCreated()
        + c.relationshipsDeleted() + c.propertiesSet();
  }
}
