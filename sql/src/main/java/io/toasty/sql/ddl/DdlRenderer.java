package io.toasty.sql.ddl;

import io.toasty.sql.ddl.DdlStatement.ChangeFunction;
import io.toasty.sql.ddl.DdlStatement.ChangeTrigger;
import io.toasty.sql.ddl.DdlStatement.ChangeTriggerDrop;
import io.toasty.sql.ddl.DdlStatement.ColumnAddition;
import io.toasty.sql.ddl.DdlStatement.ColumnChange;
import io.toasty.sql.ddl.DdlStatement.ColumnDrop;
import io.toasty.sql.ddl.DdlStatement.ColumnRename;
import io.toasty.sql.ddl.DdlStatement.ForeignKeyAddition;
import io.toasty.sql.ddl.DdlStatement.ForeignKeyDrop;
import io.toasty.sql.ddl.DdlStatement.IndexCreation;
import io.toasty.sql.ddl.DdlStatement.IndexDrop;
import io.toasty.sql.ddl.DdlStatement.LiveColumnAddition;
import io.toasty.sql.ddl.DdlStatement.Pragma;
import io.toasty.sql.ddl.DdlStatement.RangeCheckAddition;
import io.toasty.sql.ddl.DdlStatement.RowCopy;
import io.toasty.sql.ddl.DdlStatement.TableCreation;
import io.toasty.sql.ddl.DdlStatement.TableDrop;
import io.toasty.sql.ddl.DdlStatement.TableRename;
import io.toasty.sql.ddl.DdlStatement.TransactionBoundary;
import io.toasty.sql.ddl.DdlStatement.UniqueAddition;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqlDialect.IndexPlacement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes {@link DdlStatement}s in one dialect, each as one SQL statement: the one place where
 * schema push and migrations turn DDL into text, so that a migration creates what push creates.
 * Tables and indexes are here, column definitions in {@code ColumnDdl}, constraints in
 * {@code ConstraintDdl}. Every name is checked against the dialect's identifier limit.
 */
public final class DdlRenderer {
  private final SqlDialect dialect;
  private final DdlSyntax syntax;
  private final DdlText text;
  private final ColumnDdl columns;
  private final ConstraintDdl constraints;

  /** The renderer of {@code dialect}, with its family's {@link DdlSyntax}. */
  public DdlRenderer(SqlDialect dialect) {
    this(dialect, DdlSyntax.of(dialect));
  }

  /** The renderer of {@code dialect} with {@code syntax}. */
  public DdlRenderer(SqlDialect dialect, DdlSyntax syntax) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.syntax = Objects.requireNonNull(syntax, "syntax");
    this.text = new DdlText(dialect);
    this.columns = new ColumnDdl(dialect, syntax, text);
    this.constraints = new ConstraintDdl(dialect, text, columns);
  }

  /** The dialect this renderer writes. */
  public SqlDialect dialect() {
    return dialect;
  }

  /** The DDL choices of the dialect's family. */
  public DdlSyntax syntax() {
    return syntax;
  }

  /** Each statement's SQL, in order. */
  public List<String> render(List<? extends DdlStatement> statements) {
    List<String> out = new ArrayList<>(statements.size());
    statements.forEach(s -> out.add(render(s)));
    return out;
  }

  /** The SQL of one statement. */
  public String render(DdlStatement statement) {
    Objects.requireNonNull(statement, "statement");
    if (statement instanceof TableCreation c) {
      return createTable(c);
    } else if (statement instanceof TableDrop d) {
      return d.ifExists() ? "DROP TABLE IF EXISTS " + text.q(d.table())
          + (dialect.dropTableCascade() ? " CASCADE" : "") : "DROP TABLE " + text.q(d.table());
    } else if (statement instanceof TableRename r) {
      return "ALTER TABLE " + text.q(r.from()) + " RENAME TO " + text.q(r.to());
    } else if (statement instanceof RowCopy c) {
      return copyRows(c);
    } else if (statement instanceof ColumnAddition a) {
      return alter(a.table()) + "ADD COLUMN " + columns.definition(a.table(), a.column());
    } else if (statement instanceof ColumnDrop d) {
      return alter(d.table()) + "DROP COLUMN " + text.q(d.column());
    } else if (statement instanceof ColumnRename r) {
      return alter(r.table()) + "RENAME COLUMN " + text.q(r.from()) + " TO " + text.q(r.to());
    } else if (statement instanceof ColumnChange c) {
      return changeColumn(c);
    } else if (statement instanceof IndexCreation c) {
      return createIndex(c);
    } else if (statement instanceof LiveColumnAddition a) {
      return alter(a.table()) + "ADD COLUMN IF NOT EXISTS " + a.live().generatedColumn(text::q,
          syntax);
    } else if (statement instanceof IndexDrop d) {
      return dropIndex(d);
    } else if (statement instanceof ForeignKeyAddition a) {
      return constraints.addForeignKey(a.table(), a.foreignKey(), a.ifNotExists(),
          modified(a.table(), a.retyped()));
    } else if (statement instanceof ForeignKeyDrop d) {
      return constraints.dropForeignKey(d.table(), d.name(), d.ifExists());
    } else if (statement instanceof UniqueAddition u) {
      return alter(u.table()) + "ADD CONSTRAINT IF NOT EXISTS " + text.q(u.name()) + " UNIQUE "
          + text.columns(u.columns());
    } else if (statement instanceof RangeCheckAddition r) {
      return constraints.addRangeCheck(r.table(), r.column());
    } else if (statement instanceof ChangeFunction f) {
      return ChangeTriggerDdl.shared(dialect, f.part());
    } else if (statement instanceof ChangeTrigger t) {
      return ChangeTriggerDdl.trigger(dialect, text.q(t.table()), t.keyColumns());
    } else if (statement instanceof ChangeTriggerDrop d) {
      return ChangeTriggerDdl.dropTrigger(dialect, text.q(d.table()));
    } else if (statement instanceof Pragma p) {
      return "PRAGMA " + p.text();
    } else if (statement instanceof TransactionBoundary t) {
      return t.begin() ? "BEGIN" : "COMMIT";
    }
    throw new IllegalArgumentException("no SQL for " + statement);
  }

  // ---- tables --------------------------------------------------------------------------------

  /**
   * CREATE TABLE with its columns, its primary key (named {@code <table>_pkey} where that fits),
   * its indexes where the dialect places them in CREATE TABLE, and the foreign keys given.
   */
  private String createTable(TableCreation c) {
    DdlTable table = c.table();
    StringBuilder sql = new StringBuilder(c.ifNotExists() ? "CREATE TABLE IF NOT EXISTS "
        : "CREATE TABLE ").append(text.q(c.name())).append(" (");
    boolean keyInColumn = false;
    for (int i = 0; i < table.columns().size(); i++) {
      DdlColumn column = table.columns().get(i);
      sql.append(i > 0 ? ", " : "").append(columns.definition(table.name(), column));
      keyInColumn |= columns.keyInColumn(column);
    }
    table.indexes().stream().filter(syntax::liveColumn).findFirst().ifPresent(ix ->
        sql.append(", ").append(Objects.requireNonNull(ix.live(), "liveColumn: a live index")
            .generatedColumn(text::q, syntax)));
    if (!table.primaryKey().isEmpty() && !keyInColumn) {
      sql.append(", ").append(constraints.primaryKey(table));
    }
    if (dialect.indexPlacement() == IndexPlacement.IN_CREATE_TABLE) {
      for (DdlIndex index : table.indexes()) {
        sql.append(index.unique() ? ", UNIQUE KEY " : ", KEY ").append(text.q(index.name()))
            .append(' ').append(columnsOf(index));
      }
    }
    for (DdlForeignKey fk : c.foreignKeys()) {
      sql.append(", ").append(constraints.foreignKey(fk));
    }
    return sql.append(')').append(dialect.tableOptions()).toString();
  }

  private String copyRows(RowCopy c) {
    StringBuilder names = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (DdlColumn column : c.table().columns()) {
      String sep = names.length() == 0 ? "" : ", ";
      String name = text.q(column.name());
      names.append(sep).append(name);
      values.append(sep).append(column.name().equals(c.cast())
          ? "CAST(" + name + " AS " + columns.type(column) + ")" : name);
    }
    return "INSERT INTO " + text.q(c.to()) + " (" + names + ") SELECT " + values + " FROM "
        + text.q(c.from());
  }

  // ---- columns -------------------------------------------------------------------------------

  private String changeColumn(ColumnChange c) {
    DdlColumn from = c.from();
    DdlColumn to = c.to();
    String column = text.q(to.name());
    // MODIFY and REDEFINE restate the whole definition; an explicit NULL, or H2 keeps a NOT NULL.
    String nullable = to.nullable() ? " NULL" : "";
    return switch (syntax.alter()) {
      case MODIFY -> alter(c.table()) + "MODIFY COLUMN " + columns.definition(c.table(), to)
          + nullable;
      case REDEFINE -> alter(c.table()) + "ALTER COLUMN " + column + " "
          + columns.definition(c.table(), to).substring(column.length() + 1) + nullable;
      case ALTER_ACTIONS -> {
        List<String> actions = new ArrayList<>();
        if (!from.type().equals(to.type())) {
          String type = columns.type(to);
          actions.add("ALTER COLUMN " + column + " TYPE " + type + " USING CAST(" + column
              + " AS " + type + ")");
        }
        if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
          actions.add("ALTER COLUMN " + column + (to.defaultValue() == null ? " DROP DEFAULT"
              : " SET DEFAULT " + columns.literal(to.defaultValue())));
        }
        if (from.nullable() != to.nullable()) {
          actions.add("ALTER COLUMN " + column + (to.nullable() ? " DROP NOT NULL"
              : " SET NOT NULL"));
        }
        yield alter(c.table()) + String.join(", ", actions);
      }
      case REBUILD -> throw new IllegalArgumentException(
          "a column of " + dialect.backend() + " changes with its table's rebuild");
    };
  }

  // ---- indexes -------------------------------------------------------------------------------

  private String createIndex(IndexCreation c) {
    DdlIndex index = c.index();
    if (c.ifNotExists()) {
      return (index.unique() ? "CREATE UNIQUE INDEX IF NOT EXISTS " : "CREATE INDEX IF NOT EXISTS ")
          + text.q(index.name()) + " ON " + text.q(c.table()) + " "
          + columnsOf(index) + where(index);
    }
    if (c.retyped().isEmpty() && !syntax.dropIndexOnTable()) {
      return (index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + text.q(index.name())
          + " ON " + text.q(c.table()) + " " + columnsOf(index) + where(index);
    }
    List<String> actions = modified(c.table(), c.retyped());
    actions.add("ADD " + (index.unique() ? "UNIQUE INDEX " : "INDEX ") + text.q(index.name())
        + " " + columnsOf(index));
    return alter(c.table()) + String.join(", ", actions);
  }

  /** {@code (a, b)}: the index's columns, then the generated column of live rows if it has it. */
  private String columnsOf(DdlIndex index) {
    if (!syntax.liveColumn(index)) {
      return text.columns(index.columns());
    }
    List<String> names = new ArrayList<>(index.columns());
    names.add(LiveRows.COLUMN);
    return text.columns(names);
  }

  /** The WHERE of a partial index (the live rows of a soft-deleted table), or nothing. */
  private String where(DdlIndex index) {
    return index.live() == null || !syntax.partialIndexes() ? ""
        : " WHERE " + index.live().predicate(text::q, syntax);
  }

  private String dropIndex(IndexDrop d) {
    if (d.retyped().isEmpty() && !syntax.dropIndexOnTable()) {
      return "DROP INDEX " + text.q(d.index());
    }
    List<String> actions = new ArrayList<>();
    actions.add("DROP INDEX " + text.q(d.index()));
    actions.addAll(modified(d.table(), d.retyped()));
    return alter(d.table()) + String.join(", ", actions);
  }

  // ---- pieces --------------------------------------------------------------------------------

  /** {@code MODIFY COLUMN <definition>} of each column whose type changes with a key. */
  private List<String> modified(String table, List<DdlColumn> retyped) {
    List<String> out = new ArrayList<>();
    retyped.forEach(c -> out.add("MODIFY COLUMN " + columns.definition(table, c)));
    return out;
  }

  private String alter(String table) {
    return "ALTER TABLE " + text.q(table) + " ";
  }
}
