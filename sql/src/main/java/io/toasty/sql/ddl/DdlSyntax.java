package io.toasty.sql.ddl;

import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqliteDialect;
import java.util.Objects;

/**
 * What differs between the SQL dialects' DDL beyond what {@link SqlDialect} says for statements
 * too (column types, quoting, identity, index placement, foreign key style): one row per dialect.
 *
 * @param alter            how a column's definition changes
 * @param dropIndexOnTable whether DROP INDEX names the table (and so CREATE INDEX is an
 *                         {@code ALTER TABLE .. ADD INDEX} beside it)
 * @param trueLiteral      the literal of true in a DEFAULT
 * @param falseLiteral     the literal of false in a DEFAULT
 * @param backslashEscapes whether a backslash escapes in string literals (doubled when so)
 * @param partialIndexes   whether an index may hold only the rows a WHERE clause admits
 */
public record DdlSyntax(AlterStyle alter, boolean dropIndexOnTable, String trueLiteral,
    String falseLiteral, boolean backslashEscapes, boolean partialIndexes) {
  public static final DdlSyntax POSTGRESQL =
      new DdlSyntax(AlterStyle.ALTER_ACTIONS, false, "TRUE", "FALSE", false, true);
  public static final DdlSyntax MYSQL = new DdlSyntax(AlterStyle.MODIFY, true, "TRUE", "FALSE",
      true);
  public static final DdlSyntax H2 = new DdlSyntax(AlterStyle.REDEFINE, false, "TRUE", "FALSE",
      false);
  public static final DdlSyntax SQLITE = new DdlSyntax(AlterStyle.REBUILD, false, "1", "0",
      false, true);

  public DdlSyntax {
    Objects.requireNonNull(alter, "alter");
  }

  /** A dialect without partial indexes. */
  public DdlSyntax(AlterStyle alter, boolean dropIndexOnTable, String trueLiteral,
      String falseLiteral, boolean backslashEscapes) {
    this(alter, dropIndexOnTable, trueLiteral, falseLiteral, backslashEscapes, false);
  }

  /**
   * The row of {@code dialect}'s family (MySQL and MariaDB share one); for another dialect,
   * standard SQL's column changes and its boolean literals.
   */
  public static DdlSyntax of(SqlDialect dialect) {
    Objects.requireNonNull(dialect, "dialect");
    if (dialect instanceof PostgresDialect) {
      return POSTGRESQL;
    } else if (dialect instanceof MySqlDialect) {
      return MYSQL;
    } else if (dialect instanceof H2Dialect) {
      return H2;
    } else if (dialect instanceof SqliteDialect) {
      return SQLITE;
    }
    return new DdlSyntax(AlterStyle.ALTER_ACTIONS, false, dialect.booleanLiteral(true),
        dialect.booleanLiteral(false), false);
  }
}
