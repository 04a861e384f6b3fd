package io.toasty.migrate.render;

import io.toasty.sql.ddl.AlterStyle;
import io.toasty.sql.ddl.DdlRenderer;
import io.toasty.sql.ddl.DdlSyntax;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqliteDialect;
import java.util.List;
import java.util.Optional;

/**
 * What differs between the SQL dialects' migrations, one row per dialect: where their files are,
 * whether their DDL is transactional, how two instances take turns. The DDL itself is the
 * dialect's {@link DdlRenderer}, the one schema push uses, with the family's {@link DdlSyntax}.
 *
 * @param folder           the dialect's folder of migration files, and the backend's name
 * @param dialect          the driver's dialect
 * @param ddl              how the dialect's DDL changes columns, drops indexes and writes literals
 * @param transactionalDdl whether DDL runs inside a transaction (else each step commits)
 * @param lock             how two instances applying at once take turns
 */
public record SqlChoices(String folder, SqlDialect dialect, DdlSyntax ddl,
    boolean transactionalDdl, LockStyle lock) {

  public static final SqlChoices POSTGRESQL = new SqlChoices("postgresql",
      PostgresDialect.INSTANCE, DdlSyntax.POSTGRESQL, true, LockStyle.ADVISORY_LOCK);
  public static final SqlChoices MARIADB = new SqlChoices("mariadb", MySqlDialect.MARIADB,
      DdlSyntax.MYSQL, false, LockStyle.GET_LOCK);
  public static final SqlChoices MYSQL = new SqlChoices("mysql", MySqlDialect.MYSQL,
      DdlSyntax.MYSQL, false, LockStyle.GET_LOCK);
  public static final SqlChoices H2 = new SqlChoices("h2", H2Dialect.INSTANCE, DdlSyntax.H2,
      false, LockStyle.LOCK_ROW);
  public static final SqlChoices SQLITE = new SqlChoices("sqlite", SqliteDialect.INSTANCE,
      DdlSyntax.SQLITE, true, LockStyle.WRITE_TRANSACTION);

  /**
   * Whether a migration runs with foreign key enforcement off and checks every foreign key
   * before it commits: where tables are rebuilt to change them (SQLite), whose DROP TABLE would
   * otherwise delete the rows that refer to the rebuilt table.
   */
  public boolean checksForeignKeysAtCommit() {
    return ddl.alter() == AlterStyle.REBUILD;
  }

  /** The row of the backend called {@code backend} ({@code Capability.backend()}), if any. */
  public static Optional<SqlChoices> of(String backend) {
    return ALL.stream().filter(c -> c.folder().equals(backend)).findFirst();
  }

  /** Every SQL dialect migrations are written for. */
  public static final List<SqlChoices> ALL = List.of(POSTGRESQL, MARIADB, MYSQL, H2, SQLITE);
}
