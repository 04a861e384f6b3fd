package io.toasty.sql.dialect;

import io.toasty.driver.Capability;
import io.toasty.value.Type;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL (12+) through r2dbc-postgresql: {@code $1} markers, RETURNING on every mutation,
 * native UUID, NUMERIC without a precision (exact for any value), microsecond times.
 *
 * <p>Times are truncated to microseconds before binding: the server rounds
 * ({@code .1234567} would become {@code .123457}, and {@code 23:59:59.9999999} would become
 * {@code 24:00:00}), where every other backend truncates. Identifiers are limited to 63 bytes of
 * UTF-8; a longer name would be cut silently, so schema push refuses it.
 */
public final class PostgresDialect implements SqlDialect {

  /** The one instance; the dialect holds no state. */
  public static final PostgresDialect INSTANCE = new PostgresDialect();

  private PostgresDialect() {}

  @Override
  public Capability capability() {
    return Capability.POSTGRESQL;
  }

  @Override
  public void bindMarker(StringBuilder out, int position) {
    out.append('$').append(position);
  }

  /** A byte is SMALLINT, the narrowest integer PostgreSQL has. */
  @Override
  public boolean widerThanType(Type type) {
    return type == Type.Scalar.I8;
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
      case I8, I16 -> "SMALLINT";
      case I32 -> "INTEGER";
      case I64 -> "BIGINT";
      case F32 -> "REAL";
      case F64 -> "DOUBLE PRECISION";
      case STRING -> "TEXT";
      case BYTES -> "BYTEA";
      case UUID -> "UUID";
      case DECIMAL -> "NUMERIC";
      case INSTANT, OFFSET_DATE_TIME -> "TIMESTAMP(6) WITH TIME ZONE";
      case LOCAL_DATE -> "DATE";
      case LOCAL_TIME -> "TIME(6)";
      case LOCAL_DATE_TIME -> "TIMESTAMP(6)";
      case JSON -> jsonStorage().columnType();
      case NULL -> throw new IllegalArgumentException("no column type for " + type);
    };
  }

  /** PostgreSQL has no {@code MIN}/{@code MAX} of booleans or UUIDs. */
  @Override
  public MinMax minMax(@Nullable Type type) {
    return type == Type.Scalar.BOOL ? MinMax.BOOL_AND_OR
        : type == Type.Scalar.UUID ? MinMax.BY_TEXT : MinMax.NATIVE;
  }

  @Override
  public boolean collectionArrays() {
    return true;
  }

  @Override
  public JsonStorage jsonStorage() {
    return JsonStorage.JSONB;
  }

  @Override
  public IdentityStyle identityStyle() {
    return IdentityStyle.GENERATED_BY_DEFAULT;
  }

  @Override
  public MutationReturning mutationReturning() {
    return MutationReturning.RETURNING_CLAUSE;
  }

  @Override
  public RowLockSyntax rowLockSyntax() {
    return RowLockSyntax.FOR_UPDATE_FOR_SHARE;
  }

  @Override
  public InsertReturning insertReturning() {
    return InsertReturning.RETURNING_CLAUSE;
  }

  @Override
  public boolean insertReturnsRowsInOrder() {
    return true;
  }

  /** Booleans, integers, {@code TEXT} and {@code uuid} hold what was bound, bit for bit. */
  @Override
  public boolean storesAsBound(Type type, boolean keyed) {
    return type instanceof Type.Scalar s && (s == Type.Scalar.BOOL || s.isInteger()
        || s == Type.Scalar.STRING || s == Type.Scalar.UUID);
  }

  @Override
  public LimitSyntax limitSyntax() {
    return LimitSyntax.LIMIT_OFFSET;
  }

  // One statement text for every length of list (parsed and planned once, where markers give a
  // text per length), and no limit on a list's length from the protocol's 65,535 markers.
  @Override
  public InListBinding inListBinding() {
    return InListBinding.ANY_ARRAY;
  }

  @Override
  public boolean rowValueComparison() {
    return true;
  }

  @Override
  public NullSafeEquality nullSafeEquality() {
    return NullSafeEquality.IS_NOT_DISTINCT_FROM;
  }

  @Override
  public NullOrder nullOrder() {
    return NullOrder.HIGHEST;
  }

  @Override
  public PatternSyntax patternSyntax() {
    return PatternSyntax.LIKE_OR_ILIKE;
  }

  @Override
  public boolean dropTableCascade() {
    return true;
  }

  @Override
  public IndexPlacement indexPlacement() {
    return IndexPlacement.SEPARATE_IF_NOT_EXISTS;
  }

  @Override
  public ForeignKeyStyle foreignKeyStyle() {
    return ForeignKeyStyle.ALTER_IN_DO_BLOCK;
  }

  @Override
  public boolean transactionalDdl() {
    return true;
  }

  @Override
  public int identifierLength(String name) {
    return SqlDialect.utf8Length(name);
  }

  @Override
  public BinaryBinding binaryBinding() {
    return BinaryBinding.BYTE_ARRAY;
  }

  @Override
  public UuidStorage uuidStorage() {
    return UuidStorage.NATIVE;
  }

  @Override
  public DateTimeBinding dateTimeBinding() {
    return DateTimeBinding.OFFSET_DATE_TIME;
  }

  @Override
  public ChronoUnit timePrecision() {
    return ChronoUnit.MICROS;
  }

  @Override
  public NonFiniteFloats nonFiniteFloats() {
    return NonFiniteFloats.ALL;
  }

  @Override
  public SmallIntegerBinding byteBinding() {
    return SmallIntegerBinding.AS_SHORT;
  }

  /**
   * SQLSTATEs: 23505 unique, 23503 foreign key, 23502 not null, 40001 serialization failure,
   * 40P01 deadlock, 55P03 lock not available ({@code lock_timeout}, {@code NOWAIT}), 57014
   * statement timeout, class 08 and 57P01-57P03 (the server shut the session down): connection
   * lost.
   */
  @Override
  public ErrorKind classify(@Nullable String sqlState, @Nullable Object errorCode,
      String message) {
    if (sqlState == null) {
      return ErrorKind.OTHER;
    }
    return switch (sqlState) {
      case "23505" -> ErrorKind.UNIQUE_VIOLATION;
      case "23503" -> ErrorKind.FOREIGN_KEY_VIOLATION;
      case "23502" -> ErrorKind.NOT_NULL_VIOLATION;
      case "40001", "40P01" -> ErrorKind.SERIALIZATION_FAILURE;
      case "55P03" -> ErrorKind.LOCK_TIMEOUT;
      case "57P01", "57P02", "57P03" -> ErrorKind.CONNECTION_LOST;
      case "57014" -> ErrorKind.QUERY_TIMEOUT;
      default -> sqlState.startsWith("08") ? ErrorKind.CONNECTION_LOST : ErrorKind.OTHER;
    };
  }

  @Override
  public ConstraintNaming constraintNaming() {
    return ConstraintNaming.QUOTED_CONSTRAINT;
  }

  /** The server cancels the statement itself (57014) and the session goes on. */
  @Override
  public List<String> statementTimeoutSql(@Nullable Duration limit) {
    return List.of("SET statement_timeout = " + StatementLimits.millis(limit));
  }

  @Override
  public String toString() {
    return "PostgresDialect";
  }

  @Override
  public boolean drainsCancelledReads() {
    return true;
  }
}
