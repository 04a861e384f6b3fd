package io.toasty.migrate.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toasty.migrate.diff.SchemaChange;
import io.toasty.migrate.files.DynamoScript;
import io.toasty.migrate.files.ScriptFormat;
import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.ColumnTypes;
import io.toasty.migrate.snapshot.DefaultLiteral;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.TableSnapshot;
import io.toasty.schema.KeyValueLayout;
import java.util.List;

/**
 * DynamoDB's steps of a change, each one JSON request by logical table name (the driver's table
 * prefix is added when applied): tables as the driver's schema push creates them (keyed by the
 * first key column, sorted by the second; a global secondary index per index, projecting every
 * attribute; a companion {@code <table>.unique} table while the table has unique indexes), GSIs
 * created and deleted through {@code UpdateTable}, a declared rename as a rewrite of every item,
 * a new attribute with a default written into every item that lacks it, a table's stream
 * enabled while its model's changes are followed (and disabled after). Items are schemaless:
 * other column changes have no step.
 */
public final class DynamoRenderer implements StepRenderer {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String folder() {
    return "dynamodb";
  }

  @Override
  public ScriptFormat format() {
    return DynamoScript.FORMAT;
  }

  @Override
  public List<String> render(SchemaChange change) {
    if (change instanceof SchemaChange.CreateTable c) {
      ObjectNode op = op("createTable", c.table());
      op.set("key", key(c.definition(), c.definition().primaryKey()));
      ArrayNode indexes = op.putArray("indexes");
      for (IndexSnapshot ix : c.definition().indexes()) {
        indexes.addObject().put("name", ix.name()).set("key", key(c.definition(), gsiKey(ix)));
      }
      op.put("uniqueTable", hasUnique(c.definition()));
      return List.of(op.toString());
    } else if (change instanceof SchemaChange.DropTable d) {
      return List.of(op("deleteTable", d.table()).put("uniqueTable", hasUnique(d.definition()))
          .toString());
    } else if (change instanceof SchemaChange.CreateIndex c) {
      ObjectNode op = op("createIndex", c.table()).put("index", c.index().name());
      op.set("key", key(c.after(), gsiKey(c.index())));
      op.put("uniqueTable", !hasUnique(c.before()) && hasUnique(c.after()));
      return List.of(op.toString());
    } else if (change instanceof SchemaChange.DropIndex d) {
      return List.of(op("deleteIndex", d.table()).put("index", d.index().name())
          .put("uniqueTable", hasUnique(d.before()) && !hasUnique(d.after())).toString());
    } else if (change instanceof SchemaChange.RenameColumn r) {
      return List.of(op("renameAttribute", r.table()).put("from", r.from()).put("to", r.to())
          .toString());
    } else if (change instanceof SchemaChange.AddColumn a && a.column().defaultValue() != null) {
      return List.of(fill(a.table(), a.column().name(), a.column().defaultValue()).toString());
    } else if (change instanceof SchemaChange.FollowChanges f) {
      return List.of(op("followChanges", f.table()).toString());
    } else if (change instanceof SchemaChange.UnfollowChanges u) {
      return List.of(op("unfollowChanges", u.table()).toString());
    }
    return List.of();
  }

  private static ObjectNode op(String kind, String table) {
    return JSON.createObjectNode().put("op", kind).put("table", table);
  }

  /** Writes the default into every item without the attribute (existing rows, as in SQL). */
  private static ObjectNode fill(String table, String attribute, String literal) {
    ObjectNode value = JSON.createObjectNode();
    switch (DefaultLiteral.kind(literal)) {
      case "bool" -> value.put("BOOL", Boolean.parseBoolean(DefaultLiteral.text(literal)));
      case "num" -> value.put("N", DefaultLiteral.text(literal));
      default -> value.put("S", DefaultLiteral.text(literal));
    }
    ObjectNode op = op("fillAttribute", table).put("attribute", attribute);
    op.set("value", value);
    return op;
  }

  /** A GSI's key: its first column, and its second as the sort key, as push declares it. */
  public static List<String> gsiKey(IndexSnapshot ix) {
    return KeyValueLayout.key(ix.columns());
  }

  private static ArrayNode key(TableSnapshot table, List<String> columns) {
    ArrayNode key = JSON.createArrayNode();
    for (String name : KeyValueLayout.key(columns)) {
      ColumnSnapshot c = table.column(name).orElseThrow();
      key.addObject().put("name", name).put("type", attributeType(c.type()));
    }
    return key;
  }

  /**
   * The key attribute type the driver declares for a column type
   * ({@link KeyValueLayout#keyAttributeType}); {@code S} for a type no key has.
   */
  public static String attributeType(String type) {
    String attribute = KeyValueLayout.keyAttributeType(ColumnTypes.type(type));
    return attribute == null ? "S" : attribute;
  }

  private static boolean hasUnique(TableSnapshot table) {
    return table.indexes().stream().anyMatch(ix -> KeyValueLayout.keepsUniquenessItems(
        ix.unique(), ix.columns(), table.primaryKey()));
  }
}
