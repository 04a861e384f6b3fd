package io.toasty.sql.push;

import io.toasty.driver.SchemaUpgrade;
import io.toasty.driver.SchemaUpgrade.Kind;
import io.toasty.schema.Schema;
import io.toasty.schema.db.ColumnSchema;
import io.toasty.schema.db.TableForeignKey;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqlDialect.ForeignKeyStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the schema's existing tables lack of what the models declare, found by name in the
 * catalog ({@link ExistingSchema}): indexes and unique indexes first, then range CHECKs, then
 * foreign keys (a foreign key may refer to a unique index added before it). A table that does not
 * exist lacks nothing here: push creates it whole. Where the dialect adds a CHECK or a foreign key
 * only with its table (SQLite), the upgrade is not in place and its statements rebuild the table
 * ({@link SchemaDdl#rebuild}).
 */
public final class SchemaUpgrades {
  private final SqlDialect dialect;
  private final Schema schema;
  private final SchemaDdl ddl;

  public SchemaUpgrades(SqlDialect dialect, Schema schema) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.ddl = new SchemaDdl(dialect, schema);
  }

  /** The upgrades {@code existing} needs, in the order to apply them. */
  public List<SchemaUpgrade> of(ExistingSchema existing) {
    List<SchemaUpgrade> indexes = new ArrayList<>();
    List<SchemaUpgrade> checks = new ArrayList<>();
    List<SchemaUpgrade> keys = new ArrayList<>();
    for (TableSchema table : schema.tables()) {
      if (!existing.hasTable(table.name())) {
        continue;
      }
      for (TableIndex index : table.indexes()) {
        if (!has(existing, table, index.name())) {
          indexes.add(new SchemaUpgrade(table.name(), index.name(),
              index.unique() ? Kind.UNIQUE : Kind.INDEX,
              ddl.createIndex(table, index), true));
        }
      }
      for (ColumnSchema column : table.columns()) {
        ddl.rangeCheckOf(table, column).filter(name -> !has(existing, table, name))
            .ifPresent(name -> checks.add(alter(table, name, Kind.RANGE_CHECK,
                List.of(ddl.addRangeCheck(table, column)))));
      }
      for (TableForeignKey fk : table.foreignKeys()) {
        if (!has(existing, table, fk.name())) {
          List<String> statements = new ArrayList<>();
          ddl.uniqueConstraint(fk).ifPresent(statements::add);
          statements.add(ddl.addForeignKey(table, fk));
          keys.add(alter(table, fk.name(), Kind.FOREIGN_KEY, statements));
        }
      }
    }
    List<SchemaUpgrade> out = new ArrayList<>(indexes);
    out.addAll(checks);
    out.addAll(keys);
    return out;
  }

  /** An ALTER TABLE upgrade, or where constraints come only with the table, its rebuild. */
  private SchemaUpgrade alter(TableSchema table, String name, Kind kind,
      List<String> statements) {
    return inPlace() ? new SchemaUpgrade(table.name(), name, kind, statements, true)
        : new SchemaUpgrade(table.name(), name, kind, ddl.rebuild(table), false);
  }

  /** Whether ALTER TABLE adds constraints: everywhere but where they come with the table. */
  private boolean inPlace() {
    return dialect.foreignKeyStyle() != ForeignKeyStyle.IN_CREATE_TABLE;
  }

  private boolean has(ExistingSchema existing, TableSchema table, String name) {
    StringBuilder quoted = new StringBuilder();
    dialect.quoteIdentifier(quoted, name);
    return existing.has(table.name(), name, quoted.toString());
  }
}
