package io.toasty.sql.ddl;

import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqliteDialect;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
 * @param generatedStorage without partial indexes, where a generated column tells the live rows
 *                         of a unique index ({@link LiveRows#generatedColumn}): what follows the
 *                         column's expression ({@code " STORED"} on MariaDB and MySQL, nothing
 *                         on H2); null where there is no such column
 */
public record DdlSyntax(AlterStyle alter, boolean dropIndexOnTable, String trueLiteral,
    String falseLiteral, boolean backslashEscapes, boolean partialIndexes,
    @Nullable String generatedStorage) {
  public static final DdlSyntax POSTGRESQL =
      new DdlSyntax(AlterStyle.ALTER_ACTIONS, false, "TRUE", "FALSE", false, true, null);
  public static final DdlSyntax MYSQL = new DdlSyntax(AlterStyle.MODIFY, true, "TRUE", "FALSE",
      true, false, " STORED");
  public static final DdlSyntax H2 = new DdlSyntax(AlterStyle.REDEFINE, false, "TRUE", "FALSE",
      false, false, "");
  public static final DdlSyntax SQLITE = new DdlSyntax(AlterStyle.REBUILD, false, "1", "0",
      false, true, null);

  public DdlSyntax {
    Objects.requireNonNull(alter, "alter");
  }

  /** A dialect with neither partial indexes nor generated columns. */
  public DdlSyntax(AlterStyle alter, boolean dropIndexOnTable, String trueLiteral,
      String falseLiteral, boolean backslashEscapes) {
    this(alter, dropIndexOnTable, trueLiteral, falseLiteral, backslashEscapes, false, null);
  }

  /**
   * Whether {@code index} holds its columns and the generated column of live rows
   * ({@link LiveRows#COLUMN}): a unique index of live rows on a dialect without partial
   * indexes.
   */
  public boolean liveColumn(DdlIndex index) {
    return index.live() != null && !partialIndexes && generatedStorage != null;
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
