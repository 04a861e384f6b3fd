package io.toasty.sql.dialect;

import io.toasty.driver.Capability;
import io.toasty.value.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything that differs between SQL backends, in one place: bind markers, identifier quoting,
 * DDL type names, identity columns, how statements return rows, LIMIT/OFFSET syntax, NULL-safe
 * equality, pattern matching, how values are bound, and how errors are told apart.
 *
 * <p>Syntax choices are enums, so that the renderer decides each one in a single switch beside the
 * node it renders; the renderer asks the dialect, never the backend's name. A new backend is one
 * more permitted class plus a case in {@link #forUrl(String)}.
 */
public sealed interface SqlDialect permits H2Dialect, PostgresDialect, MySqlDialect, SqliteDialect {

  /** What the backend can do; the driver reports it as its {@code Capability}. */
  Capability capability();

  /** The backend's short name, for messages. */
  default String backend() {
    return capability().backend();
  }

  /**
   * The dialect to use once a connection tells which server answers (MySQL or MariaDB behind an
   * {@code r2dbc:mysql:} URL); this dialect by default. Its capability must not promise more than
   * this one's, which the planner was given before any connection existed.
   */
  default SqlDialect forServer(String version) {
    return this;
  }

  // ---- text ----------------------------------------------------------------------------------

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

  /** How UPDATE returns the changed rows. */
  MutationReturning mutationReturning();

  /** How DELETE returns the deleted rows; as UPDATE unless the backend differs. */
  default MutationReturning deleteReturning() {
    return mutationReturning();
  }

  /** How INSERT returns generated keys or whole rows. */
  InsertReturning insertReturning();

  /**
   * Whether a multi-row {@code INSERT ... VALUES ... RETURNING} returns its rows in the order of
   * its VALUES rows, so that a returned row can be paired with the row that was sent. Neither
   * PostgreSQL's nor MariaDB's manual promises it, but both return them so, and the engine
   * already relies on it there: a created record's place among the results, and a nested
   * create's foreign keys, are taken by position. False where the order is documented as
   * arbitrary (SQLite) and where keys come back through {@code returnGeneratedValues}.
   */
  default boolean insertReturnsRowsInOrder() {
    return false;
  }

  /**
   * Whether a non-null value bound into a column of {@code type} ({@code keyed}: in the primary
   * key or an index) is stored exactly as bound, so that an insert need not return it: it takes
   * the value it sent. Only where {@link #insertReturnsRowsInOrder()}; false for types the
   * database may round, pad, truncate or normalize (times, decimals, floats, JSON documents,
   * bounded strings).
   */
  default boolean storesAsBound(Type type, boolean keyed) {
    return false;
  }

  /** How a query locks its rows. */
  RowLockSyntax rowLockSyntax();

  /** How an upsert (an insert with a conflict clause) is written. */
  default UpsertSyntax upsertSyntax() {
    return UpsertSyntax.ON_CONFLICT;
  }

  /** How a row of an insert that sets no column at all (identity only) is written. */
  default DefaultRow defaultRow() {
    return DefaultRow.DEFAULT_KEYWORD;
  }

  /** How LIMIT and OFFSET are written. */
  LimitSyntax limitSyntax();

  /**
   * Where the database puts NULL in an order: every backend's results put it first ascending
   * and last descending (below every value), written out where the database's own default
   * differs.
   */
  default NullOrder nullOrder() {
    return NullOrder.LOWEST;
  }

  /** How a column is tested against a list of bound values (an IN list, a window of keys). */
  default InListBinding inListBinding() {
    return InListBinding.MARKERS;
  }

  /** The most elements an array marker may hold; a longer list has a marker per value. */
  default int maxArrayLength() {
    return Integer.MAX_VALUE;
  }

  /** Whether {@code (a, b) op (?, ?)} and {@code (a, b) IN ((?, ?), ...)} are accepted. */
  boolean rowValueComparison();

  /**
   * Whether row-value {@code =}, {@code <>} and {@code IN} follow SQL's three-valued logic when
   * a component is NULL ({@code ('b', NULL) = ('a', 5)} is FALSE, since {@code 'b' <> 'a'}).
   * Where not, the renderer spells them field by field.
   */
  default boolean rowValuesKeepNullLogic() {
    return true;
  }

  /** How "equal, or both NULL" is written. */
  NullSafeEquality nullSafeEquality();

  /** How {@code startsWith}/{@code endsWith}/{@code contains}/{@code like} are written. */
  PatternSyntax patternSyntax();

  /** How the quotient of two integers is written (it truncates toward zero everywhere). */
  default IntegerDivision integerDivision() {
    return IntegerDivision.SLASH;
  }

  /**
   * Whether integer arithmetic that leaves the 64-bit range fails in the database (SQLSTATE 22003
   * or the like). Where it does not (SQLite turns the result into a REAL and goes on), the
   * renderer checks each integer sum, difference, product and quotient itself, so that an
   * overflow is the same typed error on every backend and an update writes nothing.
   */
  default boolean integerOverflowFails() {
    return true;
  }

  /**
   * Where the database's own division or remainder by zero is NULL (SQLite, MariaDB): an
   * expression of the divisor {@code {0}} that fails with a message containing
   * {@code division by zero}, which the renderer puts where a non-NULL value is divided by a zero
   * divisor, so that this is {@code DivisionByZeroException} on every backend as it is on
   * PostgreSQL and H2 (SQLSTATE 22012). It must depend on the divisor, or the database may
   * evaluate it once, as a constant, before the first row. {@code null} (the default): the
   * database fails by itself.
   */
  default @Nullable String divisionByZeroFailure() {
    return null;
  }

  /** How a remainder is written. */
  default Modulo modulo() {
    return Modulo.PERCENT;
  }

  /**
   * The type name in {@code CAST(x AS name)} that makes an aggregate's result {@code type} (I64,
   * F64, DECIMAL), or null to leave the database's own result type.
   */
  default @Nullable String castType(Type type) {
    return columnType(type, false);
  }

  /**
   * How {@code MIN} and {@code MAX} of a value of {@code type} are written: natively, unless the
   * database has no such aggregate for the type (PostgreSQL: none for booleans and UUIDs).
   */
  default MinMax minMax(@Nullable Type type) {
    return MinMax.NATIVE;
  }

  /** The function that counts a text's characters (not its bytes). */
  default String charLengthFunction() {
    return "LENGTH";
  }

  /**
   * The database's current time as a value of {@code type} ({@code Expr.Now}): at microseconds
   * (or what the server keeps below that), in UTC for the types without an offset, stored as a
   * bound value of the type would be.
   */
  default String currentTime(Type type) {
    if (type == Type.Scalar.LOCAL_DATE_TIME) {
      return "CAST(CURRENT_TIMESTAMP(6) AT TIME ZONE 'UTC' AS TIMESTAMP(6))";
    }
    if (type == Type.Scalar.LOCAL_DATE) {
      return "CAST(CURRENT_TIMESTAMP(6) AT TIME ZONE 'UTC' AS DATE)";
    }
    return "CURRENT_TIMESTAMP(6)";
  }

  // ---- DDL -----------------------------------------------------------------------------------

  /**
   * The column type for DDL; {@code keyed} when the column is part of the primary key or of an
   * index (where some backends need a bounded length).
   *
   * @throws IllegalArgumentException for types that have no column (records, lists, models)
   */
  String columnType(Type type, boolean keyed);

  /**
   * Whether the column {@link #columnType} declares for the integer {@code type} holds values
   * beyond the type's range (PostgreSQL's SMALLINT for a byte; SQLite's 64-bit INTEGER for every
   * integer). Schema push then guards it with a range CHECK, so an update's arithmetic cannot
   * store what the field cannot read.
   */
  default boolean widerThanType(Type type) {
    return false;
  }

  /** How an identity (database-generated) column is declared. */
  IdentityStyle identityStyle();

  /** Whether {@code DROP TABLE IF EXISTS t CASCADE} is accepted. */
  boolean dropTableCascade();

  /** Where indexes are created. */
  IndexPlacement indexPlacement();

  /**
   * How a foreign key is declared that cannot be declared with its table, because it closes a
   * cycle of tables referring to each other: added, idempotently where the backend allows it,
   * once every table exists (see {@code SchemaDdl}).
   */
  ForeignKeyStyle foreignKeyStyle();

  /**
   * Whether a foreign key can refer only to a primary key or UNIQUE constraint, not to a unique
   * index (H2): a unique index referred to is then made a constraint too, under its own name.
   */
  default boolean foreignKeysNeedConstraint() {
    return false;
  }

  /**
   * The referential action of {@code ON DELETE} that refuses to delete a row still referred to:
   * {@code RESTRICT}, or SQLite's {@code NO ACTION}, which (unlike its RESTRICT) a transaction
   * may defer ({@code PRAGMA defer_foreign_keys}), as emptying or dropping all tables at once
   * needs.
   */
  default String restrictAction() {
    return "RESTRICT";
  }

  /**
   * Whether DDL runs inside a transaction (PostgreSQL, SQLite): a schema push or reset is then one
   * transaction, all or nothing, with one commit instead of one per statement.
   */
  default boolean transactionalDdl() {
    return false;
  }

  /**
   * Whether a read whose subscriber cancels is read to its end, its rows dropped, rather than
   * cancelled in the R2DBC driver. True over the PostgreSQL and MySQL wire protocols: the server
   * sends every row of a result whatever the client does (the driver reads and discards them on
   * a cancel too), and both drivers, cancelled mid-result or while sending the statement, can
   * drop Netty buffers unreleased (r2dbc-postgresql's encoded array parameters, r2dbc-mysql's
   * row and column-definition messages: leaks seen under random cancellation). False where a
   * cancel stops the work for real (H2, SQLite).
   */
  default boolean drainsCancelledReads() {
    return false;
  }

  /**
   * Whether a row reader asks the driver for a column's own Java class (once a row showed it)
   * instead of {@code Object}: true where that is cheaper and a column's class cannot change
   * from row to row (H2, whose codec walk checks every codec's SQL type for {@code Object}).
   * False elsewhere: not measured to help, and SQLite's cells can change class within a column.
   */
  default boolean readsColumnsByType() {
    return false;
  }

  /** Text appended after a CREATE TABLE's closing parenthesis (charset, collation), or "". */
  default String tableOptions() {
    return "";
  }

  /** The longest table, column or index name the backend accepts, in {@link #identifierLength}. */
  default int maxIdentifierLength() {
    return capability().maxIdentifierLength();
  }

  /** The length of {@code name} as the backend counts it against its limit (characters). */
  default int identifierLength(String name) {
    return name.codePointCount(0, name.length());
  }

  // ---- values --------------------------------------------------------------------------------

  /** How {@code Value.Bytes} is bound. */
  BinaryBinding binaryBinding();

  /** How UUIDs are stored and bound. */
  UuidStorage uuidStorage();

  /** How instants, offset and local date-times are bound. */
  DateTimeBinding dateTimeBinding();

  /**
   * Whether {@code List} and {@code Set} fields are native arrays (PostgreSQL); else they are, as
   * maps are everywhere, JSON documents in a {@link #jsonStorage()} column.
   */
  default boolean collectionArrays() {
    return false;
  }

  /** The column type of a collection field. */
  default String collectionColumnType(Type.CollectionOf type) {
    return collectionArrays() && type.shape() != Type.CollectionOf.Shape.MAP
        ? columnType(type.item(), false) + "[]" : jsonStorage().columnType();
  }

  /** How {@code @Json} documents are stored, bound and read inside (H2: text, no paths). */
  default JsonStorage jsonStorage() {
    return JsonStorage.TEXT;
  }

  /** How exact decimals are bound. */
  default DecimalBinding decimalBinding() {
    return DecimalBinding.BIG_DECIMAL;
  }

  /** The finest fraction of a second stored; finer parts are truncated before binding. */
  ChronoUnit timePrecision();

  /** Which of NaN and the infinities the backend stores; the others are refused before binding. */
  NonFiniteFloats nonFiniteFloats();

  /** The Java type a {@code byte} is bound as (PostgreSQL has no one-byte integer). */
  default SmallIntegerBinding byteBinding() {
    return SmallIntegerBinding.AS_IS;
  }

  /** The Java type a {@code float} is bound as (MySQL compares FLOAT columns as doubles). */
  default FloatBinding floatBinding() {
    return FloatBinding.FLOAT;
  }

  // ---- errors --------------------------------------------------------------------------------

  /** What kind of failure an error with this SQLSTATE, vendor code and message is. */
  ErrorKind classify(@Nullable String sqlState, @Nullable Object errorCode, String message);

  /** How the backend's constraint-violation messages name what was violated. */
  ConstraintNaming constraintNaming();

  /**
   * The statements that make the server stop any later statement of the session that runs
   * longer than {@code limit} ({@code null}: no limit), or none where the dialect has no such
   * setting (the driver then calls the R2DBC connection's {@code setStatementTimeout}).
   */
  default List<String> statementTimeoutSql(@Nullable Duration limit) {
    return List.of();
  }

  /**
   * Whether an error of {@code sqlState}, raised while a statement timeout was set, is that
   * timeout ending a wait the server's statement timeout does not watch (H2's lock waits, ended
   * by the {@code LOCK_TIMEOUT} the timeout sets too).
   */
  default boolean endsTimedWait(String sqlState) {
    return false;
  }

  /**
   * The statements that begin a transaction with these options, sent as SQL; empty to use the
   * R2DBC driver's {@code beginTransaction}. A dialect sends its own where the driver may skip the
   * BEGIN because of a stale idea that a transaction is open (r2dbc-mysql decides from the status
   * flags of the last server packet it read).
   *
   * @param isolation the SQL name of the isolation level ({@code READ COMMITTED}), or null
   */
  default List<String> beginStatements(@Nullable String isolation, boolean readOnly) {
    return List.of();
  }

  /**
   * The dialect for an R2DBC URL: {@code r2dbc:h2:}, {@code r2dbc:postgresql:} (or
   * {@code r2dbc:postgres:}), {@code r2dbc:mysql:}, {@code r2dbc:mariadb:}, {@code r2dbc:sqlite:};
   * with {@code r2dbc:pool:} in front as well.
   */
  static Optional<SqlDialect> forUrl(String url) {
    if (url == null) {
      return Optional.empty();
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("r2dbc:pool:")) {
      lower = "r2dbc:" + lower.substring("r2dbc:pool:".length());
    }
    if (lower.startsWith("r2dbc:h2:")) {
      return Optional.of(H2Dialect.INSTANCE);
    }
    if (lower.startsWith("r2dbc:postgresql:") || lower.startsWith("r2dbc:postgres:")) {
      return Optional.of(PostgresDialect.INSTANCE);
    }
    if (lower.startsWith("r2dbc:mysql:")) {
      return Optional.of(MySqlDialect.MYSQL);
    }
    if (lower.startsWith("r2dbc:mariadb:")) {
      return Optional.of(MySqlDialect.MARIADB);
    }
    if (lower.startsWith("r2dbc:sqlite:")) {
      return Optional.of(SqliteDialect.INSTANCE);
    }
    return Optional.empty();
  }

  /** The UTF-8 length of a name, for backends that limit bytes (PostgreSQL). */
  static int utf8Length(String name) {
    return name.getBytes(StandardCharsets.UTF_8).length;
  }

  /** How UPDATE and DELETE return rows. */
  enum MutationReturning {
    /** {@code UPDATE ... RETURNING cols} (PostgreSQL, SQLite; MariaDB for DELETE). */
    RETURNING_CLAUSE,
    /** {@code SELECT cols FROM FINAL TABLE (UPDATE ...)} and {@code OLD TABLE (DELETE ...)} (H2). */
    DATA_CHANGE_DELTA_TABLE,
    /** Not at all: the planner re-reads (MySQL; MariaDB for UPDATE). */
    NONE
  }

  /** How INSERT returns generated keys or rows. */
  enum InsertReturning {
    /**
     * R2DBC {@code Statement.returnGeneratedValues(columns)} (H2; MySQL, where it yields
     * {@code LAST_INSERT_ID()}, so only single-row inserts may return keys).
     */
    GENERATED_VALUES,
    /** {@code INSERT ... RETURNING cols} (PostgreSQL, MariaDB 10.5+, SQLite 3.35+). */
    RETURNING_CLAUSE
  }

  /** How a locking read is written; {@code SKIP LOCKED} and {@code NOWAIT} follow the clause. */
  enum RowLockSyntax {
    /** {@code FOR UPDATE} and {@code FOR SHARE} (PostgreSQL). */
    FOR_UPDATE_FOR_SHARE,
    /** {@code FOR UPDATE} and {@code LOCK IN SHARE MODE} (MariaDB; MySQL 8 also). */
    LOCK_IN_SHARE_MODE,
    /** {@code FOR UPDATE} only (H2; the planner refuses shared locks by Capability). */
    FOR_UPDATE_ONLY,
    /**
     * Nothing (SQLite): a read-write transaction holds the database's write lock from BEGIN to
     * its end, so no other transaction can change, lock or hold locked the rows it reads; a lock
     * is already held, never waited for inside the transaction, and never skipped.
     */
    SERIALIZED_TRANSACTIONS
  }

  /** How an upsert is written. */
  enum UpsertSyntax {
    /** {@code INSERT ... ON CONFLICT (target) DO UPDATE SET c = EXCLUDED.c} (PostgreSQL, SQLite). */
    ON_CONFLICT,
    /**
     * {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)} (MariaDB, MySQL): the server
     * arbitrates on whichever unique key the row collides with, not only the named target.
     */
    ON_DUPLICATE_KEY,
    /**
     * {@code MERGE INTO t USING (VALUES ...) ON target WHEN MATCHED ... WHEN NOT MATCHED ...},
     * read through {@code FINAL TABLE} (H2). Two concurrent merges of a new key may both take
     * the insert path; the loser fails with a unique violation and the driver runs it again.
     */
    MERGE
  }

  /** How a row that sets no column is written. */
  enum DefaultRow {
    /** {@code VALUES (DEFAULT)}. */
    DEFAULT_KEYWORD,
    /** {@code VALUES (NULL)}: the only column is an integer primary key, which NULL assigns. */
    NULL_ASSIGNS_IDENTITY
  }

  /** How a row limit and offset are written. */
  enum LimitSyntax {
    /** {@code LIMIT n OFFSET m}. */
    LIMIT_OFFSET,
    /** {@code OFFSET m ROWS FETCH NEXT n ROWS ONLY} (SQL:2008). */
    OFFSET_FETCH
  }

  /** How a column is tested against a list of bound values. */
  enum InListBinding {
    /** One marker per value, {@code a IN ($1, $2, $3)}: one statement text per list length. */
    MARKERS,
    /**
     * One array marker, {@code a = ANY($1)}, where the column is an integer, a string or a native
     * UUID (PostgreSQL): one statement text, parsed and planned once, for every list length, and
     * no bound on the length from the protocol's limit on markers.
     */
    ANY_ARRAY,
    /**
     * A top-level condition of a query, where the column is an integer, a string or a native UUID,
     * as a join on one array marker: {@code FROM UNNEST(?) AS k(v) JOIN t ON t.a = k.v} (H2, which
     * tests every row against every marker of an IN list: a window of 500 keys over 20,000 rows
     * reads its 5,000 rows in 3.3 ms this way, 7.8 ms with markers). The array holds each value
     * once, and no NULL. Elsewhere, markers.
     */
    UNNEST_JOIN
  }

  /** Where NULL sorts by the database's default, and so whether an order says it. */
  enum NullOrder {
    /** Below every value, first ascending and last descending (H2, MySQL, MariaDB, SQLite). */
    LOWEST,
    /**
     * Above every value (PostgreSQL): a term that may be NULL is written {@code ASC NULLS FIRST}
     * or {@code DESC NULLS LAST}; a required column's is left as it is, so that an index on it
     * still delivers the order.
     */
    HIGHEST
  }

  /** How "a equals b, or both are NULL" is written. */
  enum NullSafeEquality {
    /** {@code a IS NOT DISTINCT FROM b} (SQL:1999; PostgreSQL, H2). */
    IS_NOT_DISTINCT_FROM,
    /** {@code a <=> b} (MySQL, MariaDB). */
    SPACESHIP,
    /** {@code a IS b} (SQLite). */
    IS
  }

  /** How the quotient of two integers is written. */
  enum IntegerDivision {
    /** {@code a / b} truncates for integers (PostgreSQL, H2, SQLite). */
    SLASH,
    /** {@code a DIV b}: {@code /} would give a decimal (MySQL, MariaDB). */
    DIV_KEYWORD
  }

  /** How a remainder is written. */
  enum Modulo {
    /** {@code a % b}. */
    PERCENT,
    /** {@code MOD(a, b)}. */
    MOD_FUNCTION
  }

  /** How pattern predicates (startsWith, endsWith, contains, like) are written. */
  enum PatternSyntax {
    /**
     * {@code a LIKE ? ESCAPE '\'}, and {@code a ILIKE ? ESCAPE '\'} ignoring case (PostgreSQL,
     * H2; LIKE is case-sensitive there).
     */
    LIKE_OR_ILIKE,
    /**
     * {@code a LIKE ?} (backslash is the default escape, and a literal {@code '\'} would depend on
     * NO_BACKSLASH_ESCAPES), case-sensitive under the binary collation the DDL declares;
     * {@code LOWER(a) LIKE LOWER(?)} ignoring case (MySQL, MariaDB).
     */
    LIKE_OR_LOWER_LIKE,
    /**
     * {@code a GLOB ?}: SQLite's LIKE ignores ASCII case, GLOB does not, so the bound pattern is
     * written in GLOB's syntax; ignoring case, {@code a LIKE ? ESCAPE '\'} (ASCII letters only).
     */
    GLOB_OR_LIKE
  }

  /** How an identity column is declared. */
  enum IdentityStyle {
    /** {@code BIGINT GENERATED BY DEFAULT AS IDENTITY} (SQL:2003; H2, PostgreSQL). */
    GENERATED_BY_DEFAULT,
    /** {@code BIGINT AUTO_INCREMENT} (MySQL, MariaDB). */
    AUTO_INCREMENT,
    /**
     * {@code INTEGER PRIMARY KEY AUTOINCREMENT} in the column (SQLite): only a single-column
     * primary key can be an identity, and AUTOINCREMENT keeps deleted keys from being reused.
     */
    INTEGER_PRIMARY_KEY_AUTOINCREMENT
  }

  /** Where indexes are created. */
  enum IndexPlacement {
    /** {@code CREATE [UNIQUE] INDEX IF NOT EXISTS} after the tables. */
    SEPARATE_IF_NOT_EXISTS,
    /**
     * {@code [UNIQUE] KEY name (cols)} inside CREATE TABLE (MySQL has no CREATE INDEX IF NOT
     * EXISTS; the CREATE TABLE IF NOT EXISTS covers them).
     */
    IN_CREATE_TABLE
  }

  /** How a foreign key closing a cycle of tables is declared (see {@link #foreignKeyStyle()}). */
  enum ForeignKeyStyle {
    /**
     * {@code DO $$ BEGIN ALTER TABLE .. ADD CONSTRAINT ..; EXCEPTION WHEN duplicate_object THEN
     * NULL; END $$} (PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS).
     */
    ALTER_IN_DO_BLOCK,
    /** {@code ALTER TABLE .. ADD CONSTRAINT IF NOT EXISTS c FOREIGN KEY ..} (H2). */
    ALTER_CONSTRAINT_IF_NOT_EXISTS,
    /**
     * {@code ALTER TABLE .. ADD CONSTRAINT c FOREIGN KEY IF NOT EXISTS ..} (MariaDB), dropped
     * before its tables with {@code ALTER TABLE IF EXISTS .. DROP FOREIGN KEY IF EXISTS}.
     */
    ALTER_FOREIGN_KEY_IF_NOT_EXISTS,
    /**
     * {@code ALTER TABLE .. ADD CONSTRAINT ..} (MySQL, which has no guard for it: a second push
     * of a schema whose tables refer to each other in a cycle fails on the existing constraint).
     */
    ALTER,
    /**
     * In CREATE TABLE, like every foreign key (SQLite: a table may refer to one created later,
     * and no constraint can be added to a table that exists).
     */
    IN_CREATE_TABLE
  }

  /** The Java type that binary values are bound as. */
  enum BinaryBinding {
    BYTE_ARRAY,
    BYTE_BUFFER
  }

  /** How UUIDs are stored and bound. */
  enum UuidStorage {
    /** A UUID column, bound as {@code UUID}. */
    NATIVE,
    /** A UUID column the driver cannot bind: bound as its 36-character text (MariaDB). */
    NATIVE_BOUND_AS_TEXT,
    /** {@code BINARY(16)}/{@code BLOB}, bound as 16 big-endian bytes (MySQL, SQLite). */
    BYTES
  }

  /** Which non-finite floating-point values a backend stores. */
  enum NonFiniteFloats {
    /** NaN and both infinities (H2, PostgreSQL). */
    ALL,
    /** The infinities; NaN would become NULL (SQLite). */
    INFINITIES_ONLY,
    /** None (MySQL, MariaDB). */
    NONE
  }

  /** How date-times are bound. */
  enum DateTimeBinding {
    /** Instants and offset date-times as {@code OffsetDateTime} (TIMESTAMP WITH TIME ZONE). */
    OFFSET_DATE_TIME,
    /**
     * Instants and offset date-times as the {@code OffsetDateTime} of their instant at UTC, for a
     * backend that stores the text (SQLite through the bridge: fixed-width ISO-8601 with
     * {@code Z}, so that text order is time order and equal instants are equal text).
     */
    OFFSET_DATE_TIME_AT_UTC,
    /**
     * Instants and offset date-times as the {@code LocalDateTime} of their instant in UTC, in a
     * column without zone (MySQL's TIMESTAMP ends in 2038; DATETIME holds 1000-9999).
     */
    LOCAL_DATE_TIME_UTC
  }

  /** How {@code MIN} and {@code MAX} of a type are written. */
  enum MinMax {
    /** {@code MIN(x)}, {@code MAX(x)}. */
    NATIVE,
    /** {@code BOOL_AND(x)}, {@code BOOL_OR(x)}: the least and greatest of booleans. */
    BOOL_AND_OR,
    /**
     * {@code CAST(MIN(CAST(x AS TEXT)) AS type)}: for a type whose text sorts as its values do
     * (a UUID's canonical lower-case text sorts as its bytes).
     */
    BY_TEXT
  }

  /** How exact decimals are bound. */
  enum DecimalBinding {
    BIG_DECIMAL,
    /**
     * As their plain text, normalized (no trailing zeros), for a backend without an exact decimal
     * type: equal values are equal text; order and arithmetic are the text's, not the number's.
     */
    TEXT
  }

  /** How a Java {@code byte} is bound. */
  enum SmallIntegerBinding {
    AS_IS,
    /** As a {@code Short}, into SMALLINT. */
    AS_SHORT
  }

  /** How a Java {@code float} is bound. */
  enum FloatBinding {
    FLOAT,
    /** As the {@code Double} of the same value, into a DOUBLE column that holds every float. */
    AS_DOUBLE
  }

  /** What kind of failure an error is. */
  enum ErrorKind {
    UNIQUE_VIOLATION,
    FOREIGN_KEY_VIOLATION,
    NOT_NULL_VIOLATION,
    /** A serialization failure or deadlock: the transaction may be retried. */
    SERIALIZATION_FAILURE,
    /**
     * A wait for a lock another transaction holds that gave up (a lock timeout, {@code NOWAIT}):
     * the transaction may be retried.
     */
    LOCK_TIMEOUT,
    CONNECTION_LOST,
    /** The server stopped the statement at its timeout. */
    QUERY_TIMEOUT,
    /** A numeric value out of its type's range (SQLSTATE 22003 on every backend that has it). */
    NUMERIC_OVERFLOW,
    /** A division or remainder by zero (SQLSTATE 22012, or the renderer's own failure). */
    DIVISION_BY_ZERO,
    OTHER
  }

  /** How violation messages name the constraint. */
  enum ConstraintNaming {
    /** Scan the message for a known index or key name (H2: {@code "PUBLIC.USERS_EMAIL_KEY ..."}). */
    SCAN,
    /** {@code ... constraint "users_email_key"} (PostgreSQL). */
    QUOTED_CONSTRAINT,
    /** {@code ... for key 'users_email_key'} / {@code FOREIGN KEY (`col`)} (MySQL, MariaDB). */
    MYSQL_KEY,
    /** {@code UNIQUE constraint failed: users.email, ...} (SQLite). */
    TABLE_DOT_COLUMNS
  }
}
