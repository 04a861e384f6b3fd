package io.toasty.sql.dialect;

import io.toasty.driver.Capability;
import io.toasty.value.Type;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * H2 2.x through r2dbc-h2.
 *
 * <p>Decimals are stored as {@code DECFLOAT}: exact for any value H2 can hold (up to 100,000
 * digits), where {@code DECIMAL} without a precision rounds to scale 0 and {@code DECIMAL(p, s)}
 * rounds beyond its scale. Times keep nanoseconds ({@code TIMESTAMP(9)}, {@code TIME(9)}).
 */
public final class H2Dialect implements SqlDialect {

  /** The one instance; the dialect holds no state. */
  public static final H2Dialect INSTANCE = new H2Dialect();

  /** H2's lock timeout of a new session. */
  private static final long DEFAULT_LOCK_TIMEOUT_MS = 2000;

  private H2Dialect() {}

  /** r2dbc-h2 finds a column's codec for {@code Object} by asking every codec of its list. */
  @Override
  public boolean readsColumnsByType() {
    return true;
  }

  @Override
  public Capability capability() {
    return Capability.H2;
  }

  @Override
  public void bindMarker(StringBuilder out, int position) {
    out.append('?');
  }

  @Override
  public String columnType(Type type, boolean keyed) {
    if (type instanceof Type.CollectionOf c) {
      return collectionColumnType(c);
    }
    if (type instanceof Type.Enum) {
      return "CHARACTER VARYING";
    }
    if (!(type instanceof Type.Scalar scalar)) {
      throw new IllegalArgumentException("no column type for " + type);
    }
    return switch (scalar) {
      case BOOL -> "BOOLEAN";
      case I8 -> "TINYINT";
      case I16 -> "SMALLINT";
      case I32 -> "INTEGER";
      case I64 -> "BIGINT";
      case F32 -> "REAL";
      case F64 -> "DOUBLE PRECISION";
      case STRING -> "CHARACTER VARYING";
      case BYTES -> "BINARY VARYING";
      case UUID -> "UUID";
      case DECIMAL -> "DECFLOAT";
      case INSTANT, OFFSET_DATE_TIME -> "TIMESTAMP(9) WITH TIME ZONE";
      case LOCAL_DATE -> "DATE";
      case LOCAL_TIME -> "TIME(9)";
      case LOCAL_DATE_TIME -> "TIMESTAMP(9)";
      case JSON -> jsonStorage().columnType();
      case NULL -> throw new IllegalArgumentException("no column type for " + type);
    };
  }

  @Override
  public IdentityStyle identityStyle() {
    return IdentityStyle.GENERATED_BY_DEFAULT;
  }

  @Override
  public MutationReturning mutationReturning() {
    return MutationReturning.DATA_CHANGE_DELTA_TABLE;
  }

  @Override
  public UpsertSyntax upsertSyntax() {
    return UpsertSyntax.MERGE;
  }

  @Override
  public RowLockSyntax rowLockSyntax() {
    return RowLockSyntax.FOR_UPDATE_ONLY;
  }

  @Override
  public InsertReturning insertReturning() {
    return InsertReturning.GENERATED_VALUES;
  }

  @Override
  public LimitSyntax limitSyntax() {
    return LimitSyntax.OFFSET_FETCH;
  }

  @Override
  public InListBinding inListBinding() {
    return InListBinding.UNNEST_JOIN;
  }

  // H2's MAX_ARRAY_CARDINALITY ("Value too long for column ARRAY" beyond it).
  @Override
  public int maxArrayLength() {
    return 65_536;
  }

  @Override
  public boolean rowValueComparison() {
    return true;
  }

  /** H2 makes a row with a NULL component UNKNOWN against any other row, even a different one. */
  @Override
  public boolean rowValuesKeepNullLogic() {
    return false;
  }

  @Override
  public NullSafeEquality nullSafeEquality() {
    return NullSafeEquality.IS_NOT_DISTINCT_FROM;
  }

  @Override
  public Modulo modulo() {
    return Modulo.MOD_FUNCTION;
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
  public boolean foreignKeysNeedConstraint() {
    return true;
  }

  @Override
  public ForeignKeyStyle foreignKeyStyle() {
    return ForeignKeyStyle.ALTER_CONSTRAINT_IF_NOT_EXISTS;
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
    return ChronoUnit.NANOS;
  }

  @Override
  public NonFiniteFloats nonFiniteFloats() {
    return NonFiniteFloats.ALL;
  }

  /**
   * H2 reports SQLSTATEs as its vendor codes: 23505 duplicate key, 23503/23506 referential
   * integrity (child exists / parent missing), 23502 NULL not allowed, 40001 deadlock, 90131
   * concurrent update (a row changed since a repeatable-read or serializable transaction's
   * snapshot), HYT00 lock timeout (50200, also {@code NOWAIT}), 08xxx and 90067 (connection
   * broken), 90121 (database closed).
   */
  @Override
  public ErrorKind classify(@Nullable String sqlState, @Nullable Object errorCode,
      String message) {
    String state = sqlState == null ? "" : sqlState;
    int code = errorCode instanceof Number n ? n.intValue() : 0;
    if (state.equals("23505") || code == 23505) {
      return ErrorKind.UNIQUE_VIOLATION;
    }
    if (state.equals("23503") || state.equals("23506") || code == 23503 || code == 23506) {
      return ErrorKind.FOREIGN_KEY_VIOLATION;
    }
    if (state.equals("23502") || code == 23502) {
      return ErrorKind.NOT_NULL_VIOLATION;
    }
    if (state.equals("40001") || state.equals("90131") || code == 40001 || code == 90131) {
      return ErrorKind.SERIALIZATION_FAILURE;
    }
    if (state.equals("HYT00") || code == 50200) {
      return ErrorKind.LOCK_TIMEOUT;
    }
    if (state.equals("57014") || code == 57014) {
      return ErrorKind.QUERY_TIMEOUT;
    }
    if (state.startsWith("08") || code == 90067 || code == 90121) {
      return ErrorKind.CONNECTION_LOST;
    }
    return ErrorKind.OTHER;
  }

  /**
   * H2 checks the session's query timeout while a statement works and cancels it (57014), but
   * not while it waits for a row lock: that wait ends at the session's {@code LOCK_TIMEOUT},
   * which is set to the same limit (and back to H2's default of 2000 ms without one); see
   * {@link #endsTimedWait}.
   */
  @Override
  public List<String> statementTimeoutSql(@Nullable Duration limit) {
    long ms = StatementLimits.millis(limit);
    return List.of("SET QUERY_TIMEOUT " + ms,
        "SET LOCK_TIMEOUT " + (limit == null ? DEFAULT_LOCK_TIMEOUT_MS : ms));
  }

  /** H2's lock timeout (HYT00) under a statement timeout is that timeout. */
  @Override
  public boolean endsTimedWait(String sqlState) {
    return "HYT00".equals(sqlState);
  }

  @Override
  public ConstraintNaming constraintNaming() {
    return ConstraintNaming.SCAN;
  }

  @Override
  public String toString() {
    return "H2Dialect";
  }
}
