package io.toasty.migrate.render;

import io.toasty.migrate.diff.Change;
import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.ColumnTypes;
import io.toasty.migrate.snapshot.DefaultLiteral;
import io.toasty.migrate.snapshot.ForeignKeySnapshot;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.TableSnapshot;
import io.toasty.r2dbc.ddl.SchemaDdl;
import io.toasty.r2dbc.dialect.SqlDialect;
import io.toasty.r2dbc.dialect.SqlDialect.IdentityStyle;
import io.toasty.r2dbc.dialect.SqlDialect.IndexPlacement;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SQL statements of one {@link Change} in one dialect ({@link SqlChoices}). Each change
 * becomes one statement wherever the dialect allows, so that a dialect without transactional DDL
 * records its progress change by change; SQLite's table rebuild is several statements inside the
 * migration's transaction.
 */
public final class SqlRenderer implements StepRenderer {
  private final SqlChoices choices;
  private final SqlDialect dialect;

  public SqlRenderer(SqlChoices choices) {
    this.choices = Objects.requireNonNull(choices, "choices");
    this.dialect = choices.dialect();
  }

  @Override
  public String folder() {
    return choices.folder();
  }

  @Override
  public io.toasty.migrate.files.ScriptFormat format() {
    return io.toasty.migrate.files.ScriptFormat.SQL;
  }

  @Override
  public List<String> render(Change change) {
    if (change instanceof Change.CreateTable c) {
      return createTable(c.definition(), c.definition().name());
    } else if (change instanceof Change.DropTable d) {
      return List.of("DROP TABLE " + q(d.definition().name()));
    } else if (change instanceof Change.AddColumn a) {
      return List.of("ALTER TABLE " + q(a.table()) + " ADD COLUMN "
          + columnDefinition(a.after(), a.column()));
    } else if (change instanceof Change.DropColumn d) {
      return List.of("ALTER TABLE " + q(d.table()) + " DROP COLUMN " + q(d.column().name()));
    } else if (change instanceof Change.RenameColumn r) {
      return List.of("ALTER TABLE " + q(r.table()) + " RENAME COLUMN " + q(r.from()) + " TO "
          + q(r.to()));
    } else if (change instanceof Change.AlterColumn a) {
      return alterColumn(a);
    } else if (change instanceof Change.CreateIndex c) {
      return List.of(createIndex(c.after(), c.index(), c.before()));
    } else if (change instanceof Change.DropIndex d) {
      return List.of(dropIndex(d));
    } else if (change instanceof Change.AddForeignKey a) {
      return addForeignKey(a);
    } else if (change instanceof Change.DropForeignKey d) {
      return dropForeignKey(d);
    }
    throw new IllegalArgumentException("no SQL for " + change);
  }

  // ---- tables --------------------------------------------------------------------------------

  /**
   * CREATE TABLE {@code name} as {@code table}, with its indexes and foreign keys: those to a
   * primary key in CREATE TABLE, those to a unique index after the indexes (where the dialect
   * makes them in CREATE TABLE, all of them there).
   */
  private List<String> createTable(TableSnapshot table, String name) {
    List<String> out = new ArrayList<>();
    List<ForeignKeySnapshot> after = new ArrayList<>();
    StringBuilder sql = new StringBuilder("CREATE TABLE ").append(q(name)).append(" (");
    boolean keyInColumn = false;
    for (int i = 0; i < table.columns().size(); i++) {
      ColumnSnapshot column = table.columns().get(i);
      sql.append(i > 0 ? ", " : "");
      if (column.identity()
          && dialect.identityStyle() == IdentityStyle.INTEGER_PRIMARY_KEY_AUTOINCREMENT) {
        sql.append(q(column.name())).append(" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL");
        keyInColumn = true;
      } else {
        sql.append(columnDefinition(table, column));
      }
    }
    if (!keyInColumn && !table.primaryKey().isEmpty()) {
      String pk = SchemaDdl.primaryKeyName(dialect, table.name());
      sql.append(", ").append(pk == null ? "" : "CONSTRAINT " + q(pk) + " ")
          .append("PRIMARY KEY ").append(columns(table.primaryKey()));
    }
    if (dialect.indexPlacement() == IndexPlacement.IN_CREATE_TABLE) {
      for (IndexSnapshot index : table.indexes()) {
        sql.append(index.unique() ? ", UNIQUE KEY " : ", KEY ").append(q(index.name()))
            .append(' ').append(columns(index.columns()));
      }
    }
    for (ForeignKeySnapshot fk : table.foreignKeys()) {
      if (fk.referencedIndex() == null || allInCreateTable()) {
        sql.append(", ").append(foreignKey(fk));
      } else {
        after.add(fk);
      }
    }
    out.add(sql.append(')').append(dialect.tableOptions()).toString());
    if (dialect.indexPlacement() != IndexPlacement.IN_CREATE_TABLE) {
      for (IndexSnapshot index : table.indexes()) {
        out.add(createIndex(table, index, null));
      }
    }
    for (ForeignKeySnapshot fk : after) {
      out.addAll(alterAddForeignKey(name, fk, List.of()));
    }
    return out;
  }

  /**
   * Whether every foreign key goes in CREATE TABLE: SQLite (no constraint can be added later, and
   * a key may name an index made after), MySQL and MariaDB (whose indexes are in CREATE TABLE).
   */
  private boolean allInCreateTable() {
    return dialect.foreignKeyStyle() == SqlDialect.ForeignKeyStyle.IN_CREATE_TABLE
        || dialect.indexPlacement() == IndexPlacement.IN_CREATE_TABLE;
  }

  // ---- foreign keys --------------------------------------------------------------------------

  /** {@code CONSTRAINT name FOREIGN KEY (..) REFERENCES t (..) ON DELETE ..}, as push writes it. */
  private String foreignKey(ForeignKeySnapshot fk) {
    return "CONSTRAINT " + q(fk.name()) + " FOREIGN KEY " + columns(fk.columns()) + " REFERENCES "
        + q(fk.referencedTable()) + " " + columns(fk.referencedColumns()) + " ON DELETE "
        + switch (fk.onDelete()) {
          case "CASCADE" -> "CASCADE";
          case "SET_NULL" -> "SET NULL";
          case "RESTRICT" -> dialect.restrictAction();
          default -> throw new IllegalArgumentException("no ON DELETE for " + fk.onDelete());
        };
  }

  /**
   * A foreign key added to a table that exists: ALTER TABLE .. ADD CONSTRAINT (rows referring to
   * nothing fail it, and nothing is added); on SQLite, which cannot add one, the table rebuilt.
   */
  private List<String> addForeignKey(Change.AddForeignKey a) {
    if (dialect.foreignKeyStyle() == SqlDialect.ForeignKeyStyle.IN_CREATE_TABLE) {
      return rebuild(a.after(), null);
    }
    return alterAddForeignKey(a.table(), a.foreignKey(), retyped(a.before(), a.after(),
        a.foreignKey().columns()));
  }

  /**
   * {@code ALTER TABLE t [MODIFY COLUMN ..,] ADD CONSTRAINT ..}; on H2, which refers only to
   * constraints, a UNIQUE constraint over the unique index referred to first (named as the index,
   * whose index H2 takes for it), as schema push does.
   */
  private List<String> alterAddForeignKey(String table, ForeignKeySnapshot fk,
      List<String> retyped) {
    List<String> out = new ArrayList<>();
    if (fk.referencedIndex() != null && dialect.foreignKeysNeedConstraint()) {
      out.add("ALTER TABLE " + q(fk.referencedTable()) + " ADD CONSTRAINT IF NOT EXISTS "
          + q(fk.referencedIndex()) + " UNIQUE " + columns(fk.referencedColumns()));
    }
    List<String> actions = new ArrayList<>(retyped);
    actions.add("ADD " + foreignKey(fk));
    out.add("ALTER TABLE " + q(table) + " " + String.join(", ", actions));
    return out;
  }

  private List<String> dropForeignKey(Change.DropForeignKey d) {
    if (dialect.foreignKeyStyle() == SqlDialect.ForeignKeyStyle.IN_CREATE_TABLE) {
      return rebuild(d.after(), null);
    }
    boolean mysql = dialect.foreignKeyStyle() == SqlDialect.ForeignKeyStyle.ALTER
        || dialect.foreignKeyStyle() == SqlDialect.ForeignKeyStyle.ALTER_FOREIGN_KEY_IF_NOT_EXISTS;
    return List.of("ALTER TABLE " + q(d.table()) + (mysql ? " DROP FOREIGN KEY "
        : " DROP CONSTRAINT ") + q(d.foreignKey().name()));
  }

  /** {@code "name" TYPE [identity] [DEFAULT x] [NOT NULL]} as schema push declares it. */
  private String columnDefinition(TableSnapshot table, ColumnSnapshot column) {
    StringBuilder sql = new StringBuilder(q(column.name())).append(' ')
        .append(columnType(table, column));
    if (column.identity()) {
      sql.append(switch (dialect.identityStyle()) {
        case GENERATED_BY_DEFAULT -> " GENERATED BY DEFAULT AS IDENTITY";
        case AUTO_INCREMENT -> " AUTO_INCREMENT";
        case INTEGER_PRIMARY_KEY_AUTOINCREMENT -> "";
      });
    }
    if (column.defaultValue() != null) {
      sql.append(" DEFAULT ").append(literal(column.defaultValue()));
    }
    if (!column.nullable()) {
      sql.append(" NOT NULL");
    }
    Type type = ColumnTypes.type(column.type());
    if (!column.identity() && dialect.widerThanType(type)) {
      long[] range = range(type);
      String check = SchemaDdl.rangeCheckName(table.name(), column.name());
      if (dialect.identifierLength(check) <= dialect.maxIdentifierLength()) {
        sql.append(" CONSTRAINT ").append(q(check));
      }
      sql.append(" CHECK (").append(q(column.name())).append(" BETWEEN ").append(range[0])
          .append(" AND ").append(range[1]).append(')');
    }
    return sql.toString();
  }

  /** The column's database type; on some dialects a keyed (indexed) column's type differs. */
  private String columnType(TableSnapshot table, ColumnSnapshot column) {
    return dialect.columnType(ColumnTypes.type(column.type()), keyed(table, column.name()));
  }

  private static boolean keyed(TableSnapshot table, String column) {
    return table.primaryKey().contains(column)
        || table.indexes().stream().anyMatch(ix -> ix.columns().contains(column))
        || table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(column));
  }

  // ---- columns -------------------------------------------------------------------------------

  private List<String> alterColumn(Change.AlterColumn a) {
    ColumnSnapshot from = a.from();
    ColumnSnapshot to = a.to();
    String table = q(a.table());
    String column = q(to.name());
    return switch (choices.alter()) {
      // Both restate the whole definition; an explicit NULL, or H2 keeps a NOT NULL.
      case MODIFY -> List.of("ALTER TABLE " + table + " MODIFY COLUMN "
          + columnDefinition(a.after(), to) + (to.nullable() ? " NULL" : ""));
      case REDEFINE -> List.of("ALTER TABLE " + table + " ALTER COLUMN " + column + " "
          + columnDefinition(a.after(), to).substring(column.length() + 1)
          + (to.nullable() ? " NULL" : ""));
      case ALTER_ACTIONS -> {
        List<String> actions = new ArrayList<>();
        if (!from.type().equals(to.type())) {
          String type = columnType(a.after(), to);
          actions.add("ALTER COLUMN " + column + " TYPE " + type + " USING CAST(" + column
              + " AS " + type + ")");
        }
        if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
          actions.add("ALTER COLUMN " + column + (to.defaultValue() == null ? " DROP DEFAULT"
              : " SET DEFAULT " + literal(to.defaultValue())));
        }
        if (from.nullable() != to.nullable()) {
          actions.add("ALTER COLUMN " + column + (to.nullable() ? " DROP NOT NULL"
              : " SET NOT NULL"));
        }
        yield List.of("ALTER TABLE " + table + " " + String.join(", ", actions));
      }
      case REBUILD -> rebuild(a.after(), to.name());
    };
  }

  /**
   * SQLite cannot change a column or a table's foreign keys: a new table as {@code after} (with
   * its foreign keys), the rows copied (the changed column, if any, cast to its new type), the
   * old table dropped, the new one renamed, its indexes made. The migrator runs it with foreign
   * key enforcement off (SQLite's own procedure: a DROP TABLE would otherwise delete the rows
   * referring to the old table) and checks every foreign key before it commits.
   */
  private List<String> rebuild(TableSnapshot after, String changed) {
    String temporary = after.name() + "__toasty_new";
    List<String> out = new ArrayList<>();
    TableSnapshot bare = after.withIndexes(List.of());
    out.addAll(createTable(bare, temporary));
    StringBuilder names = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (ColumnSnapshot c : after.columns()) {
      String sep = names.length() == 0 ? "" : ", ";
      names.append(sep).append(q(c.name()));
      values.append(sep).append(c.name().equals(changed)
          ? "CAST(" + q(c.name()) + " AS " + columnType(after, c) + ")" : q(c.name()));
    }
    out.add("INSERT INTO " + q(temporary) + " (" + names + ") SELECT " + values + " FROM "
        + q(after.name()));
    out.add("DROP TABLE " + q(after.name()));
    out.add("ALTER TABLE " + q(temporary) + " RENAME TO " + q(after.name()));
    for (IndexSnapshot index : after.indexes()) {
      out.add(createIndex(after, index, null));
    }
    return out;
  }

  // ---- indexes -------------------------------------------------------------------------------

  /**
   * CREATE INDEX; on a dialect whose keyed columns have another type (MariaDB: VARCHAR instead
   * of TEXT), one ALTER TABLE that changes those columns and adds the index.
   */
  private String createIndex(TableSnapshot after, IndexSnapshot index, TableSnapshot before) {
    List<String> retyped = before == null ? List.of() : retyped(before, after, index.columns());
    if (retyped.isEmpty() && !choices.dropIndexOnTable()) {
      return (index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + q(index.name())
          + " ON " + q(after.name()) + " " + columns(index.columns());
    }
    List<String> actions = new ArrayList<>(retyped);
    actions.add("ADD " + (index.unique() ? "UNIQUE INDEX " : "INDEX ") + q(index.name()) + " "
        + columns(index.columns()));
    return "ALTER TABLE " + q(after.name()) + " " + String.join(", ", actions);
  }

  private String dropIndex(Change.DropIndex d) {
    List<String> retyped = retyped(d.before(), d.after(), d.index().columns());
    if (retyped.isEmpty() && !choices.dropIndexOnTable()) {
      return "DROP INDEX " + q(d.index().name());
    }
    List<String> actions = new ArrayList<>();
    actions.add("DROP INDEX " + q(d.index().name()));
    actions.addAll(retyped);
    return "ALTER TABLE " + q(d.table()) + " " + String.join(", ", actions);
  }

  /** {@code MODIFY COLUMN ..} for {@code columns} whose type differs before and after. */
  private List<String> retyped(TableSnapshot before, TableSnapshot after, List<String> columns) {
    List<String> out = new ArrayList<>();
    if (choices.alter() != AlterStyle.MODIFY) {
      return out;
    }
    for (String name : columns) {
      ColumnSnapshot column = after.column(name).orElseThrow();
      if (!columnType(before, column).equals(columnType(after, column))) {
        out.add("MODIFY COLUMN " + columnDefinition(after, column));
      }
    }
    return out;
  }

  // ---- pieces --------------------------------------------------------------------------------

  private String columns(List<String> names) {
    StringBuilder sql = new StringBuilder("(");
    for (int i = 0; i < names.size(); i++) {
      sql.append(i > 0 ? ", " : "").append(q(names.get(i)));
    }
    return sql.append(')').toString();
  }

  private String literal(String neutral) {
    String text = DefaultLiteral.text(neutral);
    return switch (DefaultLiteral.kind(neutral)) {
      case "bool" -> Boolean.parseBoolean(text) ? choices.trueLiteral() : choices.falseLiteral();
      case "num" -> text;
      default -> {
        String escaped = text.replace("'", "''");
        yield "'" + (choices.backslashEscapes() ? escaped.replace("\\", "\\\\") : escaped) + "'";
      }
    };
  }

  private String q(String identifier) {
    StringBuilder sql = new StringBuilder();
    dialect.quoteIdentifier(sql, identifier);
    return sql.toString();
  }

  private static long[] range(Type type) {
    return switch ((Type.Scalar) type) {
      case I8 -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
      case I16 -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
      case I32 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      default -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    };
  }
}
