package io.toasty.migrate.render;

import io.toasty.r2dbc.dialect.H2Dialect;
import io.toasty.r2dbc.dialect.MySqlDialect;
import io.toasty.r2dbc.dialect.PostgresDialect;
import io.toasty.r2dbc.dialect.SqlDialect;
import io.toasty.r2dbc.dialect.SqliteDialect;
import java.util.List;

/**
 * What differs between the SQL dialects' migration DDL, one row per dialect; everything else
 * ({@link SqlRenderer}) is written once. Column types, quoting, identity columns and table options
 * come from the driver's {@link SqlDialect}, so that a migration creates what schema push does.
 *
 * @param folder           the dialect's folder of migration files, and the backend's name
 * @param dialect          the driver's dialect
 * @param alter            how a column's definition changes
 * @param dropIndexOnTable whether DROP INDEX names the table ({@code DROP INDEX i ON t})
 * @param transactionalDdl whether DDL runs inside a transaction (else each step commits)
 * @param trueLiteral      the literal of true
 * @param falseLiteral     the literal of false
 * @param backslashEscapes whether a backslash escapes in string literals (doubled when so)
 * @param lock             how two instances applying at once take turns
 */
public record SqlChoices(String folder, SqlDialect dialect, AlterStyle alter,
    boolean dropIndexOnTable, boolean transactionalDdl, String trueLiteral, String falseLiteral,
    boolean backslashEscapes, LockStyle lock) {

  public static final SqlChoices POSTGRESQL = new SqlChoices("postgresql",
      PostgresDialect.INSTANCE, AlterStyle.ALTER_ACTIONS, false, true, "TRUE", "FALSE", false,
      LockStyle.ADVISORY_LOCK);
  public static final SqlChoices MARIADB = new SqlChoices("mariadb", MySqlDialect.MARIADB,
      AlterStyle.MODIFY, true, false, "TRUE", "FALSE", true, LockStyle.GET_LOCK);
  public static final SqlChoices MYSQL = new SqlChoices("mysql", MySqlDialect.MYSQL,
      AlterStyle.MODIFY, true, false, "TRUE", "FALSE", true, LockStyle.GET_LOCK);
  public static final SqlChoices H2 = new SqlChoices("h2", H2Dialect.INSTANCE,
      AlterStyle.REDEFINE, false, false, "TRUE", "FALSE", false, LockStyle.LOCK_ROW);
  public static final SqlChoices SQLITE = new SqlChoices("sqlite", SqliteDialect.INSTANCE,
      AlterStyle.REBUILD, false, true, "1", "0", false, LockStyle.WRITE_TRANSACTION);

  /**
   * Whether a migration runs with foreign key enforcement off and checks every foreign key
   * before it commits: where tables are rebuilt to change them (SQLite), whose DROP TABLE would
   * otherwise delete the rows that refer to the rebuilt table.
   */
  public boolean checksForeignKeysAtCommit() {
    return alter == AlterStyle.REBUILD;
  }

  /** The row of the backend called {@code backend} ({@code Capability.backend()}), if any. */
  public static java.util.Optional<SqlChoices> of(String backend) {
    return ALL.stream().filter(c -> c.folder().equals(backend)).findFirst();
  }

  /** Every SQL dialect migrations are written for. */
  public static final List<SqlChoices> ALL = List.of(POSTGRESQL, MARIADB, MYSQL, H2, SQLITE);
}
