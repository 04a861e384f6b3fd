package io.toasty.migrate.render;

import io.toasty.migrate.diff.SchemaChange;
import io.toasty.migrate.files.CypherScript;
import io.toasty.migrate.files.ScriptFormat;
import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.DefaultLiteral;
import io.toasty.migrate.snapshot.ForeignKeySnapshot;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.TableSnapshot;
import io.toasty.sql.ddl.LiveRows;
import io.toasty.schema.GraphIndexes;
import io.toasty.schema.GraphIndexes.GraphEntry;
import io.toasty.schema.GraphIndexes.GraphTable;
import io.toasty.schema.naming.NamingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Neo4j's steps of a change, in Cypher, named as the Neo4j driver's schema push names them: a
 * table is a node label, its key a uniqueness constraint {@code <table>_pkey}, a unique index a
 * uniqueness constraint (one of a soft-deleted model's live records over {@code toasty_live}
 * too, after giving that property to the live nodes stored so far), another index a range index
 * (waited for until it is online), all created {@code IF NOT EXISTS} and dropped
 * {@code IF EXISTS}. Every name starts with {@link CypherScript#LABEL_PREFIX}. A join model
 * stored as a relationship has its constraints on the relationship type (its table's name, or
 * the type its {@code @Relationship} declares), as push makes them. Nodes are schemaless: a
 * rename moves the property on every node, a new property with a default is written into the
 * nodes that lack it, a dropped one is removed, a type change converts the stored values where
 * Cypher has the function (integer widths share one type and need nothing); nullability and
 * other type changes have no step.
 */
public final class Neo4jRenderer implements StepRenderer {
  private static final String P = CypherScript.LABEL_PREFIX;
  private static final Set<String> INTEGERS = Set.of("I8", "I16", "I32", "I64");
  private static final Set<String> FLOATS = Set.of("F32", "F64");

  @Override
  public String folder() {
    return "neo4j";
  }

  @Override
  public ScriptFormat format() {
    return CypherScript.FORMAT;
  }

  /** Labels and properties as the Neo4j driver's {@code Db} names them by default. */
  @Override
  public NamingStrategy naming() {
    return NamingStrategy.graph();
  }

  @Override
  public List<String> render(SchemaChange change) {
    if (change instanceof SchemaChange.CreateTable c) {
      List<String> out = new ArrayList<>();
      for (GraphEntry entry : GraphIndexes.of(graphTable(c.definition()))) {
        out.addAll(create(c.definition(), entry));
      }
      return out;
    } else if (change instanceof SchemaChange.DropTable d) {
      List<String> out = new ArrayList<>();
      out.add(match(d.definition()) + (d.definition().relationship() ? " DELETE n"
          : " DETACH DELETE n"));
      d.definition().indexes().stream().filter(ix -> onProperties(d.definition(), ix))
          .forEach(ix -> out.add(dropIndex(ix)));
      out.add("DROP CONSTRAINT " + name(GraphIndexes.primaryKeyName(d.table())) + " IF EXISTS");
      return out;
    } else if (change instanceof SchemaChange.CreateIndex c) {
      return createIndex(c.before(), c.index());
    } else if (change instanceof SchemaChange.DropIndex d) {
      return onProperties(d.before(), d.index()) ? List.of(dropIndex(d.index())) : List.of();
    } else if (change instanceof SchemaChange.RenameColumn r) {
      return List.of(match(r.before()) + " WHERE n." + quote(r.from()) + " IS NOT NULL SET n."
          + quote(r.to()) + " = n." + quote(r.from()) + " REMOVE n." + quote(r.from()));
    } else if (change instanceof SchemaChange.AddColumn a && a.column().defaultValue() != null) {
      return List.of(match(a.before()) + " WHERE n." + quote(a.column().name())
          + " IS NULL SET n." + quote(a.column().name()) + " = "
          + literal(a.column().defaultValue()));
    } else if (change instanceof SchemaChange.DropColumn d) {
      return List.of(match(d.before()) + " WHERE n." + quote(d.column().name())
          + " IS NOT NULL REMOVE n." + quote(d.column().name()));
    } else if (change instanceof SchemaChange.AlterColumn a) {
      return convert(a.before(), a.from(), a.to());
    }
    return List.of();
  }

  /**
   * The index's constraint or range index; before a constraint of live records only, the
   * statement that gives {@code toasty_live} to the live records stored so far.
   */
  private static List<String> createIndex(TableSnapshot table, IndexSnapshot ix) {
    // a relationship's foreign key is an end of it, no property to index
    if (!onProperties(table, ix)) {
      return List.of();
    }
    GraphEntry entry = GraphIndexes.entry(ix.toGraph());
    LiveRows live = ix.live();
    if (!entry.live() || live == null) {
      return create(table, entry);
    }
    List<String> out = new ArrayList<>();
    out.add(GraphIndexes.liveRepair(match(table), live.column(), live.flag()));
    out.addAll(create(table, entry));
    return out;
  }

  /** A uniqueness constraint, or a range index and the wait until it is online. */
  private static List<String> create(TableSnapshot table, GraphEntry entry) {
    if (entry.unique()) {
      return List.of(constraint(table, entry.name(), entry.properties()));
    }
    // A range index fills in the background: the step ends when it is online, as in SQL.
    return List.of("CREATE INDEX " + name(entry.name()) + " IF NOT EXISTS FOR " + on(table)
        + " ON " + properties(entry.properties()),
        "CALL db.awaitIndex('" + P + entry.name().replace("'", "\\'") + "', 300)");
  }

  private static String dropIndex(IndexSnapshot ix) {
    return (ix.unique() ? "DROP CONSTRAINT " : "DROP INDEX ") + name(ix.name()) + " IF EXISTS";
  }

  private static String constraint(TableSnapshot table, String name, List<String> columns) {
    return "CREATE CONSTRAINT " + name(name) + " IF NOT EXISTS FOR " + on(table) + " REQUIRE "
        + properties(columns) + " IS UNIQUE";
  }

  /**
   * {@code (n:Label)}, or {@code ()-[n:Type]-()} for a join model stored as a relationship, as
   * the Neo4j driver's schema push writes it.
   */
  private static String on(TableSnapshot table) {
    return table.relationship() ? "()-[n:" + label(table.graphName()) + "]-()"
        : "(n:" + label(table.graphName()) + ")";
  }

  /** Whether an index is on properties, as push decides ({@link GraphIndexes#onProperties}). */
  private static boolean onProperties(TableSnapshot table, IndexSnapshot ix) {
    return GraphIndexes.onProperties(graphTable(table), ix.toGraph());
  }

  /** {@code table} as {@link GraphIndexes} describes it. */
  private static GraphTable graphTable(TableSnapshot table) {
    return new GraphTable(table.name(), table.relationship(), table.primaryKey(),
        table.indexes().stream().map(IndexSnapshot::toGraph).toList(),
        table.foreignKeys().stream().map(ForeignKeySnapshot::columns).toList());
  }


  /** The stored values converted to the new type, where Cypher has the function. */
  private static List<String> convert(TableSnapshot table, ColumnSnapshot from,
      ColumnSnapshot to) {
    String function = conversion(from.type(), to.type());
    if (function == null) {
      return List.of();
    }
    String p = "n." + quote(to.name());
    return List.of(match(table) + " WHERE " + p + " IS NOT NULL SET " + p + " = " + function + "("
        + p + ")");
  }

  private static @Nullable String conversion(String from, String to) {
    if (from.equals(to) || INTEGERS.contains(from) && INTEGERS.contains(to)
        || FLOATS.contains(from) && FLOATS.contains(to)) {
      return null;
    }
    boolean plain = INTEGERS.contains(from) || FLOATS.contains(from) || from.equals("STRING")
        || from.equals("BOOL");
    if (!plain) {
      return null;
    }
    if (INTEGERS.contains(to)) {
      return "toInteger";
    }
    if (FLOATS.contains(to)) {
      return "toFloat";
    }
    return switch (to) {
      case "STRING" -> "toString";
      case "BOOL" -> "toBoolean";
      default -> null;
    };
  }

  private static String literal(String neutral) {
    String text = DefaultLiteral.text(neutral);
    return switch (DefaultLiteral.kind(neutral)) {
      case "bool", "num" -> text;
      default -> "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    };
  }

  private static String match(TableSnapshot table) {
    return "MATCH " + on(table).replace("]-()", "]->()");
  }

  private static String properties(List<String> columns) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < columns.size(); i++) {
      out.append(i > 0 ? ", " : "").append("n.").append(quote(columns.get(i)));
    }
    return out.append(')').toString();
  }

  private static String label(String table) {
    return name(table);
  }

  /** A label or schema object's name: the prefix placeholder, then the name, quoted. */
  private static String name(String name) {
    return quote(P + name);
  }

  private static String quote(String name) {
    return '`' + name.replace("`", "``") + '`';
  }
}
