package io.toasty.r2dbc.dialect;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.toasty.driver.Capability;
import io.toasty.value.Type;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything that differs between SQL backends, in one place: bind markers, identifier quoting,
 * DDL type names, identity columns, how mutations return rows, LIMIT/OFFSET syntax, row-value
 * comparison, binary binding and the unique-violation error codes.
 *
 * <p>Syntax choices are enums, so that the renderer decides each one in a single switch beside the
 * node it renders. A new backend ({@code PostgresDialect}, {@code MySqlDialect},
 * {@code SqliteDialect}) is one more permitted class plus a case in {@link #forUrl(String)}.
 */
public sealed interface SqlDialect permits H2Dialect {

  /** What the backend can do; the driver reports it as its {@code Capability}. */
  Capability capability();

  /** The backend's short name, for messages. */
  default String backend() {
    return capability().backend();
  }

  /** Appends the bind marker of the {@code position}th marker (1-based) in statement order. */
  void bindMarker(StringBuilder out, int position);

  /** Appends {@code name} as a quoted, case-sensitive identifier (ANSI double quotes). */
  default void quoteIdentifier(StringBuilder out, String name) {
    out.append('"');
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  /** The literal for a boolean constant in a condition. */
  default String booleanLiteral(boolean value) {
    return value ? "TRUE" : "FALSE";
  }

  /**
   * The column type for DDL.
   *
   * @throws IllegalArgumentException for types that have no column (records, lists, models)
   */
  String columnType(Type type);

  /** The column definition (without NOT NULL) of an identity column of {@code columnType}. */
  String identityColumn(String columnType);

  /** How UPDATE and DELETE return the affected rows. */
  MutationReturning mutationReturning();

  /** How INSERT returns generated keys or whole rows. */
  InsertReturning insertReturning();

  /** How LIMIT and OFFSET are written. */
  LimitSyntax limitSyntax();

  /** Whether {@code (a, b) op (?, ?)} and {@code (a, b) IN ((?, ?), ...)} are accepted. */
  boolean rowValueComparison();

  /** Whether {@code DROP TABLE IF EXISTS t CASCADE} is accepted. */
  boolean dropTableCascade();

  /** How {@code Value.Bytes} is bound. */
  BinaryBinding binaryBinding();

  /** Whether an error with this SQLSTATE and vendor code is a unique or primary key violation. */
  boolean isUniqueViolation(String sqlState, Object errorCode);

  /** The longest table, column or index name the backend accepts. */
  default int maxIdentifierLength() {
    return capability().maxIdentifierLength();
  }

  /**
   * Whether the driver must hold a connection open for its whole life so that the database
   * outlives idle pooled connections (an in-memory database that closes with its last session).
   */
  default boolean needsKeepAlive(ConnectionFactoryOptions options) {
    return false;
  }

  /** The dialect for an R2DBC URL ({@code r2dbc:h2:...}), if one is implemented. */
  static Optional<SqlDialect> forUrl(String url) {
    if (url == null) {
      return Optional.empty();
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("r2dbc:h2:")) {
      return Optional.of(H2Dialect.INSTANCE);
    }
    return Optional.empty();
  }

  /** How UPDATE and DELETE return rows. */
  enum MutationReturning {
    /** {@code UPDATE ... RETURNING cols} (PostgreSQL, SQLite, MariaDB for DELETE). */
    RETURNING_CLAUSE,
    /** {@code SELECT cols FROM FINAL TABLE (UPDATE ...)} and {@code OLD TABLE (DELETE ...)} (H2). */
    DATA_CHANGE_DELTA_TABLE,
    /** Not at all: the planner re-reads (MySQL). */
    NONE
  }

  /** How INSERT returns generated keys or rows. */
  enum InsertReturning {
    /** R2DBC {@code Statement.returnGeneratedValues(columns)} (H2, MySQL). */
    GENERATED_VALUES,
    /** {@code INSERT ... RETURNING cols} (PostgreSQL, SQLite). */
    RETURNING_CLAUSE
  }

  /** How a row limit and offset are written. */
  enum LimitSyntax {
    /** {@code LIMIT n OFFSET m}. */
    LIMIT_OFFSET,
    /** {@code OFFSET m ROWS FETCH NEXT n ROWS ONLY} (SQL:2008). */
    OFFSET_FETCH
  }

  /** The Java type that binary values are bound as. */
  enum BinaryBinding {
    BYTE_ARRAY,
    BYTE_BUFFER
  }
}
