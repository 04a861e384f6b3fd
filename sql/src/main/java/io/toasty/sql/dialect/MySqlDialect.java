package io.toasty.sql.dialect;

import io.toasty.driver.Capability;
import io.toasty.value.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * MySQL (8.0+) and MariaDB (10.5+) through io.asyncer r2dbc-mysql: {@code ?} markers, backtick
 * quoting, {@code <=>} for NULL-safe equality, microsecond {@code DATETIME(6)}/{@code TIME(6)}.
 *
 * <p>The two servers differ where it matters here, so this dialect has two flavors:
 * <ul>
 *   <li><b>MariaDB</b> has a native {@code UUID} type (10.7+, bound as text: the driver has no
 *       UUID codec), and {@code INSERT ... RETURNING} and {@code DELETE ... RETURNING} (10.5+), so
 *       a multi-row insert returns its keys in order. UPDATE has no RETURNING: the planner
 *       re-reads.</li>
 *   <li><b>MySQL</b> has none of these: UUIDs are {@code BINARY(16)}; an insert returns its key
 *       through {@code LAST_INSERT_ID()} ({@code returnGeneratedValues}), which names one key per
 *       statement, so its capability inserts row by row.</li>
 * </ul>
 * {@code r2dbc:mariadb:} URLs are MariaDB (served by the mysql driver). Behind an
 * {@code r2dbc:mysql:} URL the first connection decides: a version string with "MariaDB" in it
 * ({@code 5.5.5-10.11.6-MariaDB}) selects the MariaDB flavor, keeping MySQL's capability, which the
 * planner was given before any connection existed.
 *
 * <p>Mapping notes: instants and offset date-times are stored as {@code DATETIME(6)} in UTC
 * (TIMESTAMP ends in 2038); floats as {@code DOUBLE}, which holds every float exactly and compares
 * with a bound float exactly (a {@code FLOAT} column does neither through the text protocol);
 * decimals as {@code DECIMAL(65, 30)}: exact up to 35 integer and 30 fractional digits; strings as
 * {@code LONGTEXT}, or {@code VARCHAR(255)} where a key or index needs a bounded length, with the
 * binary, no-pad collation so that comparisons are exact as on every other backend. NaN and
 * infinities cannot be stored and are refused before binding.
 */
public final class MySqlDialect implements SqlDialect {

  /** MySQL, or whichever server an {@code r2dbc:mysql:} URL reaches until it is known. */
  public static final MySqlDialect MYSQL = new MySqlDialect(Flavor.MYSQL, Capability.MYSQL);

  /** MariaDB, through an {@code r2dbc:mariadb:} URL. */
  public static final MySqlDialect MARIADB = new MySqlDialect(Flavor.MARIADB, Capability.MARIADB);

  /** MariaDB found behind an {@code r2dbc:mysql:} URL: MariaDB's syntax, MySQL's capability. */
  static final MySqlDialect MARIADB_AS_MYSQL = new MySqlDialect(Flavor.MARIADB, Capability.MYSQL);

  /** Which server's syntax and types. */
  public enum Flavor { MYSQL, MARIADB }

  private final Flavor flavor;
  private final Capability capability;

  private MySqlDialect(Flavor flavor, Capability capability) {
    this.flavor = flavor;
    this.capability = capability;
  }

  /** The server whose syntax and types this dialect writes. */
  public Flavor flavor() {
    return flavor;
  }

  /** Whether a server version string ({@code 5.5.5-10.11.6-MariaDB-0+deb12u1}) is MariaDB's. */
  public static boolean isMariaDb(String version) {
    return version != null && version.toLowerCase(Locale.ROOT).contains("mariadb");
  }

  /**
   * Sent as SQL: r2dbc-mysql skips {@code beginTransaction()} while the status flags of the last
   * packet it read say a transaction is open, which after a cancelled operation can be stale; a
   * skipped BEGIN makes the transaction's statements autocommit one by one (seen as partial
   * commits under random cancellation). {@code SET TRANSACTION} applies to the next transaction
   * only.
   */
  @Override
  public List<String> beginStatements(@Nullable String isolation, boolean readOnly) {
    String start = readOnly ? "START TRANSACTION READ ONLY" : "START TRANSACTION";
    return isolation == null ? List.of(start)
        : List.of("SET TRANSACTION ISOLATION LEVEL " + isolation, start);
  }

  @Override
  public Capability capability() {
    return capability;
  }

  @Override
  public SqlDialect forServer(String version) {
    if (flavor == Flavor.MYSQL && isMariaDb(version)) {
      return MARIADB_AS_MYSQL;
    }
    return this;
  }

  @Override
  public void bindMarker(StringBuilder out, int position) {
    out.append('?');
  }

  @Override
  public void quoteIdentifier(StringBuilder out, String name) {
    out.append('`');
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '`') {
        out.append('`');
      }
      out.append(c);
    }
    out.append('`');
  }

  @Override
  public String columnType(Type type, boolean keyed) {
    if (type instanceof Type.CollectionOf c) {
      return collectionColumnType(c);
    }
    if (type instanceof Type.Enum) {
      return "VARCHAR(255)";
    }
    if (!(type instanceof Type.Scalar scalar)) {
      throw new IllegalArgumentException("no column type for " + type);
    }
    return switch (scalar) {
      case BOOL -> "BOOLEAN";
      case I8 -> "TINYINT";
      case I16 -> "SMALLINT";
      case I32 -> "INT";
      case I64 -> "BIGINT";
      case F32, F64 -> "DOUBLE";
      case STRING -> keyed ? "VARCHAR(255)" : "LONGTEXT";
      case BYTES -> keyed ? "VARBINARY(255)" : "LONGBLOB";
      case UUID -> flavor == Flavor.MARIADB ? "UUID" : "BINARY(16)";
      case DECIMAL -> "DECIMAL(65, 30)";
      case INSTANT, OFFSET_DATE_TIME, LOCAL_DATE_TIME -> "DATETIME(6)";
      case LOCAL_DATE -> "DATE";
      case LOCAL_TIME -> "TIME(6)";
      case JSON -> jsonStorage().columnType();
      case NULL -> throw new IllegalArgumentException("no column type for " + type);
    };
  }

  @Override
  public JsonStorage jsonStorage() {
    return JsonStorage.JSON_VALUE;
  }

  @Override
  public IdentityStyle identityStyle() {
    return IdentityStyle.AUTO_INCREMENT;
  }

  @Override
  public String tableOptions() {
    return flavor == Flavor.MARIADB
        ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin"
        : " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin";
  }

  @Override
  public MutationReturning mutationReturning() {
    return MutationReturning.NONE;
  }

  @Override
  public MutationReturning deleteReturning() {
    return flavor == Flavor.MARIADB ? MutationReturning.RETURNING_CLAUSE : MutationReturning.NONE;
  }

  @Override
  public UpsertSyntax upsertSyntax() {
    return UpsertSyntax.ON_DUPLICATE_KEY;
  }

  @Override
  public RowLockSyntax rowLockSyntax() {
    return RowLockSyntax.LOCK_IN_SHARE_MODE;
  }

  @Override
  public InsertReturning insertReturning() {
    return flavor == Flavor.MARIADB ? InsertReturning.RETURNING_CLAUSE
        : InsertReturning.GENERATED_VALUES;
  }

  @Override
  public boolean insertReturnsRowsInOrder() {
    return flavor == Flavor.MARIADB;
  }

  /**
   * Booleans, integers and unkeyed strings ({@code LONGTEXT}); not a keyed string, whose
   * {@code VARCHAR(255)} drops trailing spaces beyond its length whatever the SQL mode.
   */
  @Override
  public boolean storesAsBound(Type type, boolean keyed) {
    return type instanceof Type.Scalar s && (s == Type.Scalar.BOOL || s.isInteger()
        || s == Type.Scalar.STRING && !keyed);
  }

  @Override
  public LimitSyntax limitSyntax() {
    return LimitSyntax.LIMIT_OFFSET;
  }

  @Override
  public boolean rowValueComparison() {
    return true;
  }

  @Override
  public NullSafeEquality nullSafeEquality() {
    return NullSafeEquality.SPACESHIP;
  }

  @Override
  public IntegerDivision integerDivision() {
    return IntegerDivision.DIV_KEYWORD;
  }

  @Override
  public String castType(Type type) {
    return type == Type.Scalar.I64 ? "SIGNED" : type == Type.Scalar.F64 ? "DOUBLE"
        : columnType(type, false);
  }

  /** {@code LENGTH} counts bytes here. */
  @Override
  public String charLengthFunction() {
    return "CHAR_LENGTH";
  }

  /** UTC, as instants are stored ({@code DATETIME(6)} in UTC). */
  @Override
  public String currentTime(Type type) {
    return type == Type.Scalar.LOCAL_DATE ? "UTC_DATE()" : "UTC_TIMESTAMP(6)";
  }

  @Override
  public PatternSyntax patternSyntax() {
    return PatternSyntax.LIKE_OR_LOWER_LIKE;
  }

  /** MySQL accepts CASCADE and ignores it. */
  @Override
  public boolean dropTableCascade() {
    return false;
  }

  @Override
  public IndexPlacement indexPlacement() {
    return IndexPlacement.IN_CREATE_TABLE;
  }

  @Override
  public ForeignKeyStyle foreignKeyStyle() {
    return flavor == Flavor.MARIADB ? ForeignKeyStyle.ALTER_FOREIGN_KEY_IF_NOT_EXISTS
        : ForeignKeyStyle.ALTER;
  }

  @Override
  public BinaryBinding binaryBinding() {
    return BinaryBinding.BYTE_ARRAY;
  }

  @Override
  public UuidStorage uuidStorage() {
    return flavor == Flavor.MARIADB ? UuidStorage.NATIVE_BOUND_AS_TEXT : UuidStorage.BYTES;
  }

  @Override
  public DateTimeBinding dateTimeBinding() {
    return DateTimeBinding.LOCAL_DATE_TIME_UTC;
  }

  @Override
  public ChronoUnit timePrecision() {
    return ChronoUnit.MICROS;
  }

  @Override
  public NonFiniteFloats nonFiniteFloats() {
    return NonFiniteFloats.NONE;
  }

  @Override
  public FloatBinding floatBinding() {
    return FloatBinding.AS_DOUBLE;
  }

  /**
   * MariaDB's {@code max_statement_time} (seconds, any statement; error 1969), MySQL's
   * {@code max_execution_time} (milliseconds, reads only; error 3024).
   */
  @Override
  public List<String> statementTimeoutSql(@Nullable Duration limit) {
    long ms = StatementLimits.millis(limit);
    return List.of(flavor == Flavor.MARIADB
        ? "SET SESSION max_statement_time = " + BigDecimal.valueOf(ms, 3).toPlainString()
        : "SET SESSION max_execution_time = " + ms);
  }

  /**
   * Vendor codes first (SQLSTATE 23000 covers unique, foreign key and not-null alike): 1062/1586
   * duplicate entry; 1451/1452/1216/1217 foreign key; 1048 column cannot be null, 1364 no default
   * value; 1213 deadlock, 1205 lock wait timeout; 1927 connection killed, 1053 server shutdown,
   * 2006/2013 server gone; 1969 (MariaDB) and 3024 (MySQL) statement
   * timeout; SQLSTATE class 08.
   */
  /**
   * MariaDB's division by zero is NULL in a query (an error only in a strict-mode write), and an
   * expression cannot SIGNAL: a BIGINT overflow fails, quoting the expression, which holds the
   * text {@code 'division by zero'} (error 1690, "BIGINT value is out of range in '..'").
   */
  @Override
  public String divisionByZeroFailure() {
    return "(-9223372036854775807 - octet_length(concat('division by zero', {0})))";
  }

  @Override
  public ErrorKind classify(@Nullable String sqlState, @Nullable Object errorCode,
      String message) {
    int code = errorCode instanceof Number n ? n.intValue() : 0;
    if (code == 1365 || code == 1690 && message != null
        && message.contains("'division by zero'")) { // see divisionByZeroFailure
      return ErrorKind.DIVISION_BY_ZERO;
    }
    switch (code) {
      case 1062, 1586:
        return ErrorKind.UNIQUE_VIOLATION;
      case 1451, 1452, 1216, 1217:
        return ErrorKind.FOREIGN_KEY_VIOLATION;
      case 1048, 1364:
        return ErrorKind.NOT_NULL_VIOLATION;
      case 1213, 1020: // deadlock; a row changed since the snapshot (innodb_snapshot_isolation)
        return ErrorKind.SERIALIZATION_FAILURE;
      case 1205, 3572: // innodb_lock_wait_timeout (and MariaDB's NOWAIT); MySQL's NOWAIT
        return ErrorKind.LOCK_TIMEOUT;
      case 1927, 1053, 2006, 2013:
        return ErrorKind.CONNECTION_LOST;
      case 1969, 3024:
        return ErrorKind.QUERY_TIMEOUT;
      case 1690:
        return ErrorKind.NUMERIC_OVERFLOW;
      default:
        break;
    }
    if (sqlState != null && (sqlState.startsWith("08") || sqlState.equals("40001"))) {
      return sqlState.startsWith("08") ? ErrorKind.CONNECTION_LOST
          : ErrorKind.SERIALIZATION_FAILURE;
    }
    return ErrorKind.OTHER;
  }

  @Override
  public ConstraintNaming constraintNaming() {
    return ConstraintNaming.MYSQL_KEY;
  }

  @Override
  public String toString() {
    return "MySqlDialect[" + flavor + ", " + capability.backend() + "]";
  }

  @Override
  public boolean drainsCancelledReads() {
    return true;
  }
}
