package io.toasty.sql.dialect;

import io.toasty.driver.Capability;
import io.toasty.value.Type;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * SQLite (3.35+) through the sqlite-bridge ({@code r2dbc:sqlite:}): {@code ?} markers, RETURNING
 * on every mutation, {@code IS} for NULL-safe equality, GLOB for case-sensitive patterns.
 *
 * <p>SQLite has no UUID, decimal or date-time types; the bridge stores what it is bound: UUIDs
 * as 16-byte BLOBs, decimals as TEXT ({@code toPlainString()}, exact), booleans as INTEGER 0/1,
 * date-times as ISO-8601 TEXT with nanoseconds. Instants and offset date-times are bound at UTC,
 * so the text has a fixed width and a {@code Z}: text order is time order. An identity is the
 * table's {@code INTEGER PRIMARY KEY AUTOINCREMENT} (AUTOINCREMENT: a deleted key is never
 * handed out again). NaN is refused (SQLite would store NULL); infinities are stored. LIKE ignores
 * ASCII case in SQLite, so case-sensitive patterns are written with GLOB.
 */
public final class SqliteDialect implements SqlDialect {

  /** The one instance; the dialect holds no state. */
  public static final SqliteDialect INSTANCE = new SqliteDialect();

  private SqliteDialect() {}

  @Override
  public Capability capability() {
    return Capability.SQLITE;
  }

  @Override
  public void bindMarker(StringBuilder out, int position) {
    out.append('?');
  }

  /**
   * Text as the bridge stores bound times: instants with nine fraction digits and {@code Z}
   * (so stored times still sort as text); SQLite's clock keeps milliseconds.
   */
  @Override
  public String currentTime(Type type) {
    if (type == Type.Scalar.LOCAL_DATE) {
      return "date('now')";
    }
    String millis = "strftime('%Y-%m-%dT%H:%M:%f', 'now')";
    return type == Type.Scalar.LOCAL_DATE_TIME ? millis : "(" + millis + " || '000000Z')";
  }

  /**
   * Every integer is a 64-bit INTEGER; a sum beyond 64 bits turns into a REAL, which the CHECK
   * also refuses.
   */
  @Override
  public boolean widerThanType(Type type) {
    return type == Type.Scalar.I8 || type == Type.Scalar.I16 || type == Type.Scalar.I32
        || type == Type.Scalar.I64;
  }

  @Override
  public String columnType(Type type, boolean keyed) {
    if (type instanceof Type.CollectionOf c) {
      return collectionColumnType(c);
    }
    if (type instanceof Type.Enum) {
      return "TEXT";
    }
    if (!(type instanceof Type.Scalar scalar)) {
      throw new IllegalArgumentException("no column type for " + type);
    }
    return switch (scalar) {
      case BOOL -> "BOOLEAN";
      case I8, I16, I32, I64 -> "INTEGER";
      case F32, F64 -> "REAL";
      case STRING -> "TEXT";
      case BYTES, UUID -> "BLOB";
      case DECIMAL -> "TEXT";
      case INSTANT, OFFSET_DATE_TIME, LOCAL_DATE, LOCAL_TIME, LOCAL_DATE_TIME -> "TEXT";
      case JSON -> jsonStorage().columnType();
      case NULL -> throw new IllegalArgumentException("no column type for " + type);
    };
  }

  /** Decimals are text here: their sums stay SQLite's own numbers. */
  @Override
  public @Nullable String castType(Type type) {
    return type == Type.Scalar.DECIMAL ? null : columnType(type, false);
  }

  @Override
  public JsonStorage jsonStorage() {
    return JsonStorage.TEXT_JSON_EXTRACT;
  }

  @Override
  public IdentityStyle identityStyle() {
    return IdentityStyle.INTEGER_PRIMARY_KEY_AUTOINCREMENT;
  }

  @Override
  public MutationReturning mutationReturning() {
    return MutationReturning.RETURNING_CLAUSE;
  }

  @Override
  public RowLockSyntax rowLockSyntax() {
    return RowLockSyntax.SERIALIZED_TRANSACTIONS;
  }

  @Override
  public InsertReturning insertReturning() {
    return InsertReturning.RETURNING_CLAUSE;
  }

  @Override
  public DefaultRow defaultRow() {
    return DefaultRow.NULL_ASSIGNS_IDENTITY;
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
    return NullSafeEquality.IS;
  }

  @Override
  public PatternSyntax patternSyntax() {
    return PatternSyntax.GLOB_OR_LIKE;
  }

  @Override
  public boolean dropTableCascade() {
    return false;
  }

  @Override
  public IndexPlacement indexPlacement() {
    return IndexPlacement.SEPARATE_IF_NOT_EXISTS;
  }

  @Override
  public ForeignKeyStyle foreignKeyStyle() {
    return ForeignKeyStyle.IN_CREATE_TABLE;
  }

  /** SQLite's RESTRICT acts at once and cannot be deferred; NO ACTION checks at the end. */
  @Override
  public String restrictAction() {
    return "NO ACTION";
  }

  @Override
  public boolean transactionalDdl() {
    return true;
  }

  @Override
  public BinaryBinding binaryBinding() {
    return BinaryBinding.BYTE_ARRAY;
  }

  @Override
  public UuidStorage uuidStorage() {
    return UuidStorage.BYTES;
  }

  @Override
  public DateTimeBinding dateTimeBinding() {
    return DateTimeBinding.OFFSET_DATE_TIME_AT_UTC;
  }

  @Override
  public DecimalBinding decimalBinding() {
    return DecimalBinding.TEXT;
  }

  @Override
  public ChronoUnit timePrecision() {
    return ChronoUnit.NANOS;
  }

  @Override
  public NonFiniteFloats nonFiniteFloats() {
    return NonFiniteFloats.INFINITIES_ONLY;
  }

  /**
   * SQLite's extended result codes, as sqlite-jdbc reports them (the bridge keeps the vendor
   * code): 2067 UNIQUE and 1555 PRIMARYKEY, 787 FOREIGNKEY, 1299 NOTNULL, 5/6 and their extended
   * codes BUSY/LOCKED; else the message ({@code UNIQUE constraint failed: ...}).
   */
  /** SQLite's integer arithmetic overflows into a REAL without an error. */
  @Override
  public boolean integerOverflowFails() {
    return false;
  }

  /**
   * SQLite's division by zero is NULL, and it has no RAISE outside triggers: a JSON path that
   * is not one fails with a message that quotes it ("JSON path error near 'division by zero'").
   * The empty {@code substr} makes it depend on the row.
   */
  @Override
  public String divisionByZeroFailure() {
    return "json_extract('{}', 'division by zero' || substr({0}, 1, 0))";
  }

  @Override
  public ErrorKind classify(@Nullable String sqlState, @Nullable Object errorCode,
      String message) {
    int code = errorCode instanceof Number n ? n.intValue() : 0;
    String m = message == null ? "" : message;
    if (m.contains("'division by zero")) { // the renderer's failure: see divisionByZeroFailure
      return ErrorKind.DIVISION_BY_ZERO;
    }
    if (m.contains("integer overflow")) { // abs() of the least integer: see integerOverflowFails
      return ErrorKind.NUMERIC_OVERFLOW;
    }
    if (code == 2067 || code == 1555 || m.contains("UNIQUE constraint failed")) {
      return ErrorKind.UNIQUE_VIOLATION;
    }
    if (code == 787 || m.contains("FOREIGN KEY constraint failed")) {
      return ErrorKind.FOREIGN_KEY_VIOLATION;
    }
    if (code == 1299 || m.contains("NOT NULL constraint failed")) {
      return ErrorKind.NOT_NULL_VIOLATION;
    }
    if (code == 517) { // SQLITE_BUSY_SNAPSHOT: a reader's snapshot went stale before it wrote
      return ErrorKind.SERIALIZATION_FAILURE;
    }
    if ((code & 0xff) == 5 || (code & 0xff) == 6 || "HYT00".equals(sqlState)) {
      return ErrorKind.LOCK_TIMEOUT; // SQLITE_BUSY, SQLITE_LOCKED: the busy timeout gave up
    }
    if (sqlState != null && sqlState.startsWith("08")) {
      return ErrorKind.CONNECTION_LOST;
    }
    if ("57014".equals(sqlState)) { // the bridge's statement timeout: it interrupted SQLite
      return ErrorKind.QUERY_TIMEOUT;
    }
    return ErrorKind.OTHER;
  }

  @Override
  public ConstraintNaming constraintNaming() {
    return ConstraintNaming.TABLE_DOT_COLUMNS;
  }

  @Override
  public String toString() {
    return "SqliteDialect";
  }
}
