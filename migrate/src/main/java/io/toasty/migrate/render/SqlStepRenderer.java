package io.toasty.migrate.render;

import io.toasty.migrate.diff.SchemaChange;
import io.toasty.migrate.files.ScriptFormat;
import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.ForeignKeySnapshot;
import io.toasty.migrate.snapshot.TableSnapshot;
import io.toasty.sql.ddl.AlterStyle;
import io.toasty.sql.ddl.ChangeTriggerDdl;
import io.toasty.sql.ddl.DdlColumn;
import io.toasty.sql.ddl.DdlIndex;
import io.toasty.sql.ddl.DdlRenderer;
import io.toasty.sql.ddl.DdlStatement;
import io.toasty.sql.ddl.DdlStatement.ColumnAddition;
import io.toasty.sql.ddl.DdlStatement.ColumnChange;
import io.toasty.sql.ddl.DdlStatement.ColumnDrop;
import io.toasty.sql.ddl.DdlStatement.ColumnRename;
import io.toasty.sql.ddl.DdlStatement.ForeignKeyAddition;
import io.toasty.sql.ddl.DdlStatement.ForeignKeyDrop;
import io.toasty.sql.ddl.DdlStatement.IndexCreation;
import io.toasty.sql.ddl.DdlStatement.IndexDrop;
import io.toasty.sql.ddl.DdlStatement.TableCreation;
import io.toasty.sql.ddl.DdlStatement.TableDrop;
import io.toasty.sql.ddl.DdlStatement.UniqueAddition;
import io.toasty.sql.ddl.DdlTable;
import io.toasty.sql.ddl.TableRebuild;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqlDialect.ForeignKeyStyle;
import io.toasty.sql.dialect.SqlDialect.IndexPlacement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The SQL statements of one {@link SchemaChange} in one dialect ({@link SqlChoices}): the change as
 * {@link DdlStatement}s, written by the {@link DdlRenderer} schema push uses. Each change becomes
 * one statement wherever the dialect allows, so that a dialect without transactional DDL records
 * its progress change by change; SQLite's table rebuild is several statements inside the
 * migration's transaction. A table's changes followed ({@link SchemaChange.FollowChanges}) are
 * PostgreSQL's change trigger, as push writes it ({@link ChangeTriggerDdl}); no statement on the
 * other dialects, whose change streams refuse at run time.
 */
public final class SqlStepRenderer implements StepRenderer {
  private final SqlChoices choices;
  private final SqlDialect dialect;
  private final DdlRenderer renderer;

  public SqlStepRenderer(SqlChoices choices) {
    this.choices = Objects.requireNonNull(choices, "choices");
    this.dialect = choices.dialect();
    this.renderer = new DdlRenderer(dialect, choices.ddl());
  }

  @Override
  public String folder() {
    return choices.folder();
  }

  @Override
  public ScriptFormat format() {
    return ScriptFormat.SQL;
  }

  @Override
  public List<String> render(SchemaChange change) {
    return renderer.render(statements(change));
  }

  /** The DDL of {@code change}, before it is written. */
  public List<DdlStatement> statements(SchemaChange change) {
    if (change instanceof SchemaChange.CreateTable c) {
      return createTable(c.definition());
    } else if (change instanceof SchemaChange.DropTable d) {
      return List.of(new TableDrop(d.definition().name(), false));
    } else if (change instanceof SchemaChange.AddColumn a) {
      return List.of(new ColumnAddition(a.table(), SnapshotTables.column(a.after(), a.column())));
    } else if (change instanceof SchemaChange.DropColumn d) {
      return List.of(new ColumnDrop(d.table(), d.column().name()));
    } else if (change instanceof SchemaChange.RenameColumn r) {
      return List.of(new ColumnRename(r.table(), r.from(), r.to()));
    } else if (change instanceof SchemaChange.AlterColumn a) {
      return choices.ddl().alter() == AlterStyle.REBUILD ? rebuild(a.after(), a.to().name())
          : List.of(new ColumnChange(a.table(), SnapshotTables.column(a.before(), a.from()),
              SnapshotTables.column(a.after(), a.to())));
    } else if (change instanceof SchemaChange.CreateIndex c) {
      return new IndexCreation(c.table(), SnapshotTables.index(c.index()), false,
          retyped(c.before(), c.after(), c.index().columns())).withLiveColumn(choices.ddl());
    } else if (change instanceof SchemaChange.DropIndex d) {
      return List.of(new IndexDrop(d.table(), d.index().name(),
          retyped(d.before(), d.after(), d.index().columns())));
    } else if (change instanceof SchemaChange.AddForeignKey a) {
      return inCreateTableOnly() ? rebuild(a.after(), null)
          : addForeignKey(a.table(), a.foreignKey(),
              retyped(a.before(), a.after(), a.foreignKey().columns()));
    } else if (change instanceof SchemaChange.DropForeignKey d) {
      return inCreateTableOnly() ? rebuild(d.after(), null)
          : List.of(new ForeignKeyDrop(d.table(), d.foreignKey().name(), false));
    } else if (change instanceof SchemaChange.FollowChanges f) {
      return ChangeTriggerDdl.follow(dialect, f.table(), f.definition().primaryKey(), true);
    } else if (change instanceof SchemaChange.UnfollowChanges u) {
      return ChangeTriggerDdl.unfollow(dialect, u.table());
    }
    throw new IllegalArgumentException("no SQL for " + change);
  }

  /**
   * CREATE TABLE with its indexes and foreign keys: those to a primary key in CREATE TABLE,
   * those to a unique index after the indexes (where the dialect makes them in CREATE TABLE, all
   * of them there).
   */
  private List<DdlStatement> createTable(TableSnapshot table) {
    List<ForeignKeySnapshot> inline = new ArrayList<>();
    List<ForeignKeySnapshot> after = new ArrayList<>();
    for (ForeignKeySnapshot fk : table.foreignKeys()) {
      (fk.referencedIndex() == null || allInCreateTable() ? inline : after).add(fk);
    }
    DdlTable ddl = SnapshotTables.table(table);
    List<DdlStatement> out = new ArrayList<>();
    out.add(new TableCreation(table.name(), ddl, SnapshotTables.foreignKeys(inline), false));
    if (dialect.indexPlacement() != IndexPlacement.IN_CREATE_TABLE) {
      for (DdlIndex index : ddl.indexes()) {
        out.addAll(new IndexCreation(table.name(), index, false, List.of())
            .withLiveColumn(choices.ddl()));
      }
    }
    for (ForeignKeySnapshot fk : after) {
      out.addAll(addForeignKey(table.name(), fk, List.of()));
    }
    return out;
  }

  /**
   * Whether every foreign key goes in CREATE TABLE: SQLite (no constraint can be added later, and
   * a key may name an index made after), MySQL and MariaDB (whose indexes are in CREATE TABLE).
   */
  private boolean allInCreateTable() {
    return inCreateTableOnly() || dialect.indexPlacement() == IndexPlacement.IN_CREATE_TABLE;
  }

  /** Whether a foreign key comes only with its table (SQLite): a change of one rebuilds it. */
  private boolean inCreateTableOnly() {
    return dialect.foreignKeyStyle() == ForeignKeyStyle.IN_CREATE_TABLE;
  }

  /**
   * {@code ALTER TABLE t [MODIFY COLUMN ..,] ADD CONSTRAINT ..}; on H2, which refers only to
   * constraints, a UNIQUE constraint over the unique index referred to first (named as the index,
   * whose index H2 takes for it), as schema push does. Rows referring to nothing fail it, and
   * nothing is added.
   */
  private List<DdlStatement> addForeignKey(String table, ForeignKeySnapshot fk,
      List<DdlColumn> retyped) {
    List<DdlStatement> out = new ArrayList<>();
    if (fk.referencedIndex() != null && dialect.foreignKeysNeedConstraint()) {
      out.add(new UniqueAddition(fk.referencedTable(), fk.referencedIndex(),
          fk.referencedColumns()));
    }
    out.add(new ForeignKeyAddition(table, SnapshotTables.foreignKey(fk), false, retyped));
    return out;
  }

  /**
   * SQLite cannot change a column or a table's foreign keys: the table rebuilt as {@code after}
   * ({@link TableRebuild}, the changed column cast). The migrator runs it with foreign key
   * enforcement off and checks every foreign key before it commits.
   */
  private List<DdlStatement> rebuild(TableSnapshot after, @Nullable String changed) {
    return TableRebuild.of(SnapshotTables.table(after),
        SnapshotTables.foreignKeys(after.foreignKeys()), after.name() + "__toasty_new", changed,
        false);
  }

  /**
   * The columns among {@code columns} whose type differs before and after (a keyed column's type
   * differs on MariaDB: VARCHAR instead of TEXT), where a column changes so in place
   * ({@code MODIFY COLUMN}).
   */
  private List<DdlColumn> retyped(TableSnapshot before, TableSnapshot after,
      List<String> columns) {
    List<DdlColumn> out = new ArrayList<>();
    if (choices.ddl().alter() != AlterStyle.MODIFY) {
      return out;
    }
    for (String name : columns) {
      ColumnSnapshot column = after.column(name).orElseThrow();
      DdlColumn was = SnapshotTables.column(before, column);
      DdlColumn is = SnapshotTables.column(after, column);
      if (!dialect.columnType(was.type(), was.keyed())
          .equals(dialect.columnType(is.type(), is.keyed()))) {
        out.add(is);
      }
    }
    return out;
  }
}
