package io.toasty.sql.error;

import io.toasty.error.ConnectionLostException;
import io.toasty.error.DivisionByZeroException;
import io.toasty.error.DriverException;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.NotNullViolationException;
import io.toasty.error.NumericOverflowException;
import io.toasty.error.QueryTimeoutException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.ToastyException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.sql.ddl.DdlNames;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqlDialect.ErrorKind;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the database or the SQL transport (R2DBC, Vert.x) signalled into the library's typed exceptions, the
 * same on every backend: {@link UniqueViolationException}, {@link ForeignKeyViolationException}
 * and {@link NotNullViolationException} naming the model and field where the message allows,
 * {@link SerializationFailureException} (serialization failure, deadlock, or a lock wait that
 * gave up: {@link SerializationFailureException#isLockWaitTimeout()}),
 * {@link ConnectionLostException}, else {@link DriverException} with the SQLSTATE. The dialect
 * classifies the error; the original, with its SQLSTATE and message, is always the cause.
 *
 * <p>How each backend names what was violated (the dialect's {@code ConstraintNaming}):
 * PostgreSQL quotes the constraint ({@code constraint "users_email_key"}); MySQL and MariaDB name
 * the key at the end ({@code for key 'users_email_key'}) or the foreign key's columns; SQLite names
 * {@code table.column}; H2's message is scanned for a known index or key name.
 */
public final class ErrorTranslator {
  private static final Pattern PG_CONSTRAINT = Pattern.compile("constraint \"((?:[^\"]|\"\")+)\"");
  private static final Pattern PG_TABLE = Pattern.compile("(?:on table|of relation) \"((?:[^\"]|\"\")+)\"");
  private static final Pattern PG_COLUMN = Pattern.compile("in column \"((?:[^\"]|\"\")+)\"");
  private static final Pattern MYSQL_KEY = Pattern.compile("for key '(?:[^']*\\.)?([^'.]+)'\\s*$");
  private static final Pattern MYSQL_FK = Pattern.compile(
      "\\(`[^`]*`\\.`((?:[^`]|``)+)`, CONSTRAINT `(?:[^`]|``)+` FOREIGN KEY \\(([^)]*)\\)");
  private static final Pattern MYSQL_COLUMN = Pattern.compile("(?:Column|Field) '([^']+)'");
  private static final Pattern MYSQL_CONSTRAINT = Pattern.compile(
      "CONSTRAINT `((?:[^`]|``)+)` FOREIGN KEY");
  private static final Pattern SQLITE_COLUMNS = Pattern.compile("constraint failed: ([^)\\]]+)");
  private static final Pattern H2_FK = Pattern.compile("FOREIGN KEY\\s*\\(([^)]*)\\)");
  private static final String DISPOSED_QUEUE = "Request queue was disposed";
  private static final Pattern H2_COLUMN = Pattern.compile("for column \"((?:[^\"]|\"\")+)\"");

  private final SqlDialect dialect;
  private final Schema schema;
  /** What the transport's exceptions tell: SQLSTATE, vendor code, PostgreSQL's fields. */
  private final ServerErrors server;
  /** Unique indexes and primary keys by the name the database reports, longest name first. */
  private final List<Constraint> constraints = new ArrayList<>();
  private final ForeignKeyErrors foreignKeys;

  /**
   * A translator for {@code dialect}'s backend and {@code schema}'s models, reading SQLSTATEs from
   * the transport's exceptions through {@code server}.
   */
  public ErrorTranslator(SqlDialect dialect, Schema schema, ServerErrors server) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.server = Objects.requireNonNull(server, "server");
    this.foreignKeys = new ForeignKeyErrors(schema);
    for (TableSchema table : schema.tables()) {
      for (TableIndex index : table.indexes()) {
        if (index.unique()) {
          constraints.add(new Constraint(index.name(), table, index.columns()));
        }
      }
      String pk = DdlNames.primaryKeyName(dialect, table.name());
      if (pk != null && !table.primaryKey().isEmpty()) {
        constraints.add(new Constraint(pk, table, table.primaryKey()));
      }
    }
    constraints.sort((a, b) -> Integer.compare(b.name.length(), a.name.length()));
  }

  /**
   * The typed exception for {@code error}.
   *
   * @param table the table the failed statement wrote, or {@code null}; names the model when the
   *              message does not name the table
   */
  public Throwable translate(Throwable error, @Nullable String table) {
    return translate(error, table, false);
  }

  /**
   * The typed exception for {@code error} from a statement on {@code table}.
   *
   * @param delete whether the statement was a DELETE (a foreign key it violates is one that still
   *               refers to the deleted rows, which SQLite's message does not say)
   */
  public Throwable translate(Throwable error, @Nullable String table, boolean delete) {
    return translate(error, table, delete, List.of());
  }

  /**
   * The typed exception for {@code error} from a statement on {@code table} that computes the
   * columns {@code computed} from their own values (an update's arithmetic): a range refusal
   * becomes a {@link ValueOutOfRangeException} naming the field where it can be told.
   */
  public Throwable translate(Throwable error, @Nullable String table, boolean delete,
      List<Integer> computed) {
    return translate(error, table, delete, computed, null, List.of());
  }

  /**
   * The typed exception for {@code error} from {@code statement}, run with {@code args}: a
   * foreign key violation names the key the statement wrote ({@link ForeignKeyErrors}).
   */
  public Throwable translate(Throwable error, @Nullable String table, boolean delete,
      List<Integer> computed, @Nullable StatementNode statement,
      List<Value> args) {
    if (error instanceof ToastyException || error instanceof Error) {
      return error;
    }
    Throwable translated = translateText(error, table, delete, computed,
        new Written(statement, args));
    if (!Withheld.applies(schema, table)) {
      return translated;
    }
    Throwable coded = coded(error);
    return Withheld.of(translated, error, coded == null ? null : sqlStateOf(coded),
        messageOf(error));
  }

  private Throwable translateText(Throwable error, @Nullable String table, boolean delete,
      List<Integer> computed, Written statement) {
    Throwable coded = coded(error);
    String sqlState = coded == null ? null : sqlStateOf(coded);
    Object errorCode = coded == null ? null
        : coded instanceof SQLException sql ? Integer.valueOf(sql.getErrorCode())
        : server.errorCode(coded);
    String message = messageOf(error);
    ErrorKind kind = dialect.classify(sqlState, errorCode, message);
    if (kind == ErrorKind.OTHER && isConnectionLoss(error)) {
      kind = ErrorKind.CONNECTION_LOST;
    }
    if (kind == ErrorKind.OTHER && "22003".equals(sqlState)) {
      kind = ErrorKind.NUMERIC_OVERFLOW;
    }
    if (kind == ErrorKind.OTHER && "22012".equals(sqlState)) {
      kind = ErrorKind.DIVISION_BY_ZERO;
    }
    TableSchema written = hintedTable(table);
    if (written != null && (kind == ErrorKind.OTHER || kind == ErrorKind.NUMERIC_OVERFLOW)) {
      ValueOutOfRangeException range = RangeErrors.of(schema, written, message,
          kind == ErrorKind.NUMERIC_OVERFLOW, computed, error);
      if (range != null) {
        return range;
      }
    }
    return switch (kind) {
      case UNIQUE_VIOLATION -> unique(message, table, error);
      case FOREIGN_KEY_VIOLATION -> foreignKey(message, table, delete, statement, error);
      case NOT_NULL_VIOLATION -> notNull(message, table, error);
      case SERIALIZATION_FAILURE ->
          new SerializationFailureException(dialect.backend(), sqlState, message, error);
      case LOCK_TIMEOUT ->
          new SerializationFailureException(dialect.backend(), sqlState, message, error, true);
      case CONNECTION_LOST -> new ConnectionLostException(dialect.backend(), sqlState, message,
          error, refusedUnsent(error));
      case QUERY_TIMEOUT -> new QueryTimeoutException(dialect.backend(), sqlState, message, error);
      case NUMERIC_OVERFLOW -> new NumericOverflowException(dialect.backend(), message, error);
      case DIVISION_BY_ZERO -> new DivisionByZeroException(dialect.backend(),
          written == null ? null : modelName(written), message, error);
      case OTHER -> new DriverException(dialect.backend(), sqlState, message, error);
    };
  }

  /**
   * For a {@link ForeignKeyViolationException} of a write on a backend whose error names no key
   * (SQLite's "FOREIGN KEY constraint failed"), a count query per key the write set: the first
   * that counts 0 is the missing one ({@link #missingKey}). Empty otherwise.
   */
  public List<Query> missingKeyProbes(Throwable translated,
      StatementNode statement, List<Value> args) {
    if (!(translated instanceof ForeignKeyViolationException)
        || dialect.constraintNaming() != SqlDialect.ConstraintNaming.TABLE_DOT_COLUMNS
        || !(statement instanceof InsertNode
            || statement instanceof UpdateNode)
        || !(statement.source() instanceof Source.Table t)) {
      return List.of();
    }
    TableSchema written = hintedTable(t.table());
    return written == null ? List.of() : foreignKeys.probes(written, statement, args).stream()
        .map(ForeignKeyErrors.Probe::query).toList();
  }

  /** The error naming the key of probe number {@code probe}, which counted no record. */
  public Throwable missingKey(Throwable translated, StatementNode statement,
      List<Value> args, int probe) {
    String table = ((Source.Table) statement.source()).table();
    ForeignKeyErrors.Probe p = foreignKeys.probes(hintedTable(table), statement, args).get(probe);
    ForeignKeyViolationException named = foreignKeys.missing(p, translated.getCause());
    return Withheld.applies(schema, table) ? Withheld.of(named, named.getCause(), null,
        messageOf(Objects.requireNonNull(named.getCause(), "the driver's error"))) : named;
  }

  /**
   * A row that holds a value its field's type cannot (see {@link UnreadableColumnException}),
   * naming the model, the field and the record's key where {@code statement} tells them.
   */
  public ValueOutOfRangeException unreadable(StatementNode statement,
      UnreadableColumnException e) {
    return ReadErrors.of(schema, statement, e);
  }

  // ---- unique --------------------------------------------------------------------------------

  private UniqueViolationException unique(String message, @Nullable String tableHint,
      Throwable cause) {
    TableSchema table = hintedTable(tableHint);
    switch (dialect.constraintNaming()) {
      case QUOTED_CONSTRAINT -> {
        ErrorFields pg = server.fields(cause);
        Constraint c = constraintNamed(pg != null && pg.constraint() != null ? pg.constraint()
            : unquote(first(PG_CONSTRAINT, message)));
        if (c != null) {
          return violation(c.table, c.columns, "unique constraint " + c.name, cause);
        }
      }
      case MYSQL_KEY -> {
        String key = first(MYSQL_KEY, message);
        Constraint c = constraintNamed(key);
        if (c != null && (table == null || c.table == table)) {
          return violation(c.table, c.columns, "unique key " + c.name, cause);
        }
        if ("PRIMARY".equalsIgnoreCase(key) && table != null) {
          return violation(table, table.primaryKey(), "primary key", cause);
        }
      }
      case TABLE_DOT_COLUMNS -> {
        Columns named = tableDotColumns(message);
        if (named != null) {
          return violation(named.table, named.columns, named.table.primaryKey()
              .equals(named.columns) ? "primary key" : "unique index", cause);
        }
      }
      case SCAN -> {
        Constraint c = scanForConstraint(message);
        if (c != null) {
          return violation(c.table, c.columns, "unique constraint " + c.name, cause);
        }
      }
    }
    if (table == null) {
      table = namedTable(message);
    }
    if (table != null && mentionsPrimaryKey(message)) {
      return violation(table, table.primaryKey(), "primary key", cause);
    }
    ModelSchema model = table == null ? null : modelOf(table);
    return new UniqueViolationException(model == null ? null : model.name(), null,
        "a record with the same unique value already exists: " + message, cause);
  }

  private UniqueViolationException violation(TableSchema table, List<Integer> columns,
      String what, Throwable cause) {
    ModelSchema model = modelOf(table);
    if (model == null) {
      return new UniqueViolationException(null, null, "table " + table.name()
          + " already has a row with the same " + what, cause);
    }
    return new UniqueViolationException(model.name(), fields(model, columns),
        "another record has the same value (" + what + ")", cause);
  }

  /** The constraint named earliest in the message; on a tie the longer name. */
  private @Nullable Constraint scanForConstraint(String message) {
    Constraint found = null;
    int foundAt = Integer.MAX_VALUE;
    for (Constraint c : constraints) {
      Matcher m = c.pattern.matcher(message);
      if (m.find() && m.start() < foundAt) {
        found = c;
        foundAt = m.start();
      }
    }
    return found;
  }

  private @Nullable Constraint constraintNamed(@Nullable String name) {
    if (name == null) {
      return null;
    }
    for (Constraint c : constraints) {
      if (c.name.equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  // ---- foreign key and not null --------------------------------------------------------------

  private ForeignKeyViolationException foreignKey(String message, @Nullable String tableHint,
      boolean delete, Written statement, Throwable cause) {
    TableSchema child = null;
    List<String> columns = List.of();
    ForeignKeyErrors.Found declared = null;
    boolean referred = false;
    String pgKey = null;
    switch (dialect.constraintNaming()) {
      case QUOTED_CONSTRAINT -> {
        // The error's table is the referencing one; its detail names the key: "Key (p)=(5) is
        // not present in table "parents"" (a child row written), or "Key (id)=(1) is still
        // referenced from table "children"" (a parent row changed: those are the parent's).
        ErrorFields pg = server.fields(cause);
        if (pg != null) {
          child = tableNamed(pg.table());
          columns = pg.referenced() ? List.of() : pg.keyColumns();
          declared = foreignKeys.named(pg.constraint());
          referred = pg.referenced();
          pgKey = pg.referenced() ? null : pg.keyValues();
        } else {
          // "insert or update on table "c" violates foreign key constraint "c_p_fkey"", or
          // "update or delete on table "p" violates ... constraint "c_p_fkey" on table "c"".
          List<String> tables = all(PG_TABLE, message);
          child = tableNamed(unquote(tables.isEmpty() ? null : tables.get(tables.size() - 1)));
          String constraint = unquote(first(PG_CONSTRAINT, message));
          if (child != null && constraint != null && tables.size() == 1) {
            columns = columnsInFkName(child, constraint);
          }
          declared = foreignKeys.named(constraint);
          referred = tables.size() > 1;
        }
      }
      case MYSQL_KEY -> {
        Matcher m = MYSQL_FK.matcher(message);
        if (m.find()) {
          child = tableNamed(m.group(1).replace("``", "`"));
          columns = splitNames(m.group(2), '`');
        }
        declared = foreignKeys.named(first(MYSQL_CONSTRAINT, message));
        referred = message.contains("parent row");
      }
      case SCAN -> {
        Matcher m = H2_FK.matcher(message);
        if (m.find()) {
          columns = splitNames(m.group(1), '"');
        }
        child = namedTable(message);
        declared = foreignKeys.scan(message);
      }
      case TABLE_DOT_COLUMNS -> {
        // SQLite says only "FOREIGN KEY constraint failed".
      }
    }
    TableSchema written = hintedTable(tableHint);
    if (declared == null) {
      declared = foreignKeys.over(child, columns);
    }
    if (declared == null
        && dialect.constraintNaming() == SqlDialect.ConstraintNaming.TABLE_DOT_COLUMNS) {
      declared = foreignKeys.only(written, delete, statement.statement(), statement.args());
    }
    if (declared != null) {
      return foreignKeys.of(declared, written, referred || delete, pgKey, statement.statement(),
          statement.args(), cause);
    }
    TableSchema table = written != null ? written : child;
    ModelSchema model = table == null ? null : modelOf(table);
    String field = null;
    if (model != null && table != null && table == child && !columns.isEmpty()) {
      field = fieldsNamed(model, table, columns);
    }
    String what = written != null && child != null && written != child
        ? "a record of " + tableModelName(child) + " still refers to it"
        : delete ? "another record still refers to it"
        : "it refers to a record that does not exist";
    return new ForeignKeyViolationException(model == null ? null : model.name(), field,
        "foreign key violated: " + what, cause);
  }

  private NotNullViolationException notNull(String message, @Nullable String tableHint,
      Throwable cause) {
    TableSchema table = hintedTable(tableHint);
    String column = null;
    switch (dialect.constraintNaming()) {
      case QUOTED_CONSTRAINT -> {
        ErrorFields pg = server.fields(cause);
        column = pg != null && pg.column() != null ? pg.column()
            : unquote(first(PG_COLUMN, message));
        TableSchema named = tableNamed(pg != null && pg.table() != null ? pg.table()
            : unquote(first(PG_TABLE, message)));
        table = named != null ? named : table;
      }
      case MYSQL_KEY -> column = first(MYSQL_COLUMN, message);
      case TABLE_DOT_COLUMNS -> {
        Columns named = tableDotColumns(message);
        if (named != null) {
          table = named.table;
          column = named.table.column(named.columns.get(0)).name();
        }
      }
      case SCAN -> column = unquote(first(H2_COLUMN, message));
    }
    ModelSchema model = table == null ? null : modelOf(table);
    String field = model == null || table == null || column == null ? null
        : fieldsNamed(model, table, List.of(column));
    return new NotNullViolationException(model == null ? null : model.name(), field,
        "a NULL where a value is required"
            + (column == null ? "" : " (column " + column + ")") + ": " + message, cause);
  }

  // ---- names ---------------------------------------------------------------------------------

  /** SQLite's {@code constraint failed: t.a, t.b} as a table and its column indexes. */
  private @Nullable Columns tableDotColumns(String message) {
    String list = first(SQLITE_COLUMNS, message);
    if (list == null) {
      return null;
    }
    TableSchema table = null;
    List<Integer> columns = new ArrayList<>();
    for (String part : list.split(",")) {
      String p = part.trim();
      int dot = p.lastIndexOf('.');
      if (dot < 0) {
        return null;
      }
      TableSchema t = tableNamed(p.substring(0, dot));
      if (t == null || (table != null && t != table)) {
        return null;
      }
      table = t;
      int index = columnIndex(t, p.substring(dot + 1));
      if (index < 0) {
        return null;
      }
      columns.add(index);
    }
    return table == null ? null : new Columns(table, columns);
  }

  /** The columns of {@code child} that a {@code <table>_<columns>_fkey} name spells out. */
  private static List<String> columnsInFkName(TableSchema child, String constraint) {
    String prefix = child.name() + "_";
    if (!constraint.startsWith(prefix) || !constraint.endsWith("_fkey")) {
      return List.of();
    }
    String middle = constraint.substring(prefix.length(), constraint.length() - "_fkey".length());
    for (int i = 0; i < child.columns().size(); i++) {
      if (child.column(i).name().equals(middle)) {
        return List.of(middle);
      }
    }
    return List.of();
  }

  private static List<String> splitNames(String list, char quote) {
    List<String> out = new ArrayList<>();
    for (String part : list.split(",")) {
      String p = part.trim();
      if (p.length() >= 2 && p.charAt(0) == quote && p.charAt(p.length() - 1) == quote) {
        p = p.substring(1, p.length() - 1);
      }
      out.add(p);
    }
    return out;
  }

  private String fields(ModelSchema model, List<Integer> columns) {
    ModelMapping mapping = schema.mapping(model.name());
    List<String> fields = new ArrayList<>(columns.size());
    for (int column : columns) {
      fields.add(fieldOf(model, mapping, column));
    }
    return String.join(", ", fields);
  }

  /** The fields stored in the named columns of {@code table}, or {@code null} if one is not. */
  private @Nullable String fieldsNamed(ModelSchema model, TableSchema table, List<String> columns) {
    List<Integer> indexes = new ArrayList<>();
    for (String name : columns) {
      int i = columnIndex(table, name);
      if (i < 0) {
        return null;
      }
      indexes.add(i);
    }
    ModelMapping mapping = schema.mapping(model.name());
    for (int column : indexes) {
      if (fieldOf(model, mapping, column).startsWith("#")) {
        return null;
      }
    }
    return fields(model, indexes);
  }

  private static int columnIndex(TableSchema table, String name) {
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.column(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private static String fieldOf(ModelSchema model, ModelMapping mapping, int column) {
    for (int f = 0; f < model.fields().size(); f++) {
      if (mapping.columnOf(f) == column) {
        return model.field(f).name();
      }
    }
    return "#" + column;
  }

  /** The name of the model stored in {@code table}, or {@code null}. */
  private @Nullable String modelName(TableSchema table) {
    ModelSchema model = modelOf(table);
    return model == null ? null : model.name();
  }

  private @Nullable ModelSchema modelOf(TableSchema table) {
    for (ModelSchema model : schema.models()) {
      if (schema.mapping(model.name()).table().equals(table.name())) {
        return model;
      }
    }
    return null;
  }

  private String tableModelName(TableSchema table) {
    ModelSchema model = modelOf(table);
    return model == null ? "table " + table.name() : model.name();
  }

  private @Nullable TableSchema hintedTable(@Nullable String table) {
    return table == null ? null : tableNamed(table);
  }

  private @Nullable TableSchema tableNamed(@Nullable String name) {
    if (name == null) {
      return null;
    }
    for (TableSchema t : schema.tables()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    for (TableSchema t : schema.tables()) {
      if (t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    return null;
  }

  /** The table named earliest in the message, as a whole identifier. */
  private @Nullable TableSchema namedTable(String message) {
    TableSchema found = null;
    int foundAt = Integer.MAX_VALUE;
    for (TableSchema t : schema.tables()) {
      Matcher m = identifier(t.name()).matcher(message);
      if (m.find() && (m.start() < foundAt
          || (m.start() == foundAt && found != null
              && t.name().length() > found.name().length()))) {
        found = t;
        foundAt = m.start();
      }
    }
    return found;
  }

  /** {@code name} as a whole identifier, not part of a longer name; case-insensitive. */
  static Pattern identifier(String name) {
    return Pattern.compile("(?<![\\p{L}\\p{N}_$])" + Pattern.quote(name)
        + "(?![\\p{L}\\p{N}_$])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static boolean mentionsPrimaryKey(String message) {
    String m = message.toUpperCase(Locale.ROOT);
    return m.contains("PRIMARY KEY") || m.contains("PRIMARY_KEY") || m.contains("'PRIMARY'")
        || m.contains("PKEY");
  }

  private static @Nullable String first(Pattern pattern, String message) {
    Matcher m = pattern.matcher(message);
    return m.find() ? m.group(1) : null;
  }

  private static List<String> all(Pattern pattern, String message) {
    List<String> out = new ArrayList<>();
    Matcher m = pattern.matcher(message);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static @Nullable String unquote(@Nullable String name) {
    return name == null ? null : name.replace("\"\"", "\"");
  }

  // ---- causes --------------------------------------------------------------------------------

  private String messageOf(Throwable error) {
    String own = server.message(error);
    if (own != null) {
      return own;
    }
    return error.getMessage() == null ? error.toString() : error.getMessage();
  }

  /**
   * Whether the R2DBC driver refused the operation because it found the connection closed
   * before writing anything: no byte of it reached the database, so it is safe to send again on
   * another connection. r2dbc-postgresql says "Cannot exchange messages because the connection
   * is closed"; r2dbc-mysql says "Cannot exchange because the connection is closed", or, when the
   * channel closed while the request waited in its queue behind another, "Request queue was
   * disposed" (its {@code RequestQueue} cancels every request it has not started).
   */
  static boolean refusedUnsent(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      // Vert.x's SocketConnectionBase refuses a command on a closed connection with this
      if (m.startsWith("Cannot exchange") && m.endsWith("because the connection is closed")
          || m.startsWith("Connection is not active now") || isDisposedQueue(t)) {
        return true;
      }
    }
    return false;
  }

  /** r2dbc-mysql's refusal of a request its closed connection never started (no SQLSTATE). */
  private static boolean isDisposedQueue(Throwable t) {
    return t instanceof IllegalStateException && DISPOSED_QUEUE.equals(t.getMessage());
  }

  /**
   * Whether the error says the connection is gone without an SQLSTATE: a closed channel, an I/O
   * error, a driver's "connection closed" exception, or a request refused unsent because its
   * connection closed.
   */
  static boolean isConnectionLoss(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      // ClosedConnection: Vert.x's ClosedConnectionException
      if (t instanceof IOException || name.contains("ConnectionClosed")
          || name.contains("ClosedConnection")
          || name.contains("ClosedChannel") || name.contains("PrematureClose")
          || isDisposedQueue(t)) {
        return true;
      }
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (m.contains("connection closed") || m.contains("connection is closed")
          || m.contains("connection is not active")
          || m.contains("connection has been closed") || m.contains("connection reset")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * The first of {@code error} and its causes with an SQLSTATE: the transport's exception (which
   * {@link ServerErrors} reads), else a JDBC {@link SQLException}; null when none has one.
   */
  private @Nullable Throwable coded(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (server.sqlState(t) != null || server.errorCode(t) != null
          || t instanceof SQLException) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private @Nullable String sqlStateOf(Throwable coded) {
    String state = server.sqlState(coded);
    return state != null ? state : coded instanceof SQLException sql ? sql.getSQLState() : null;
  }

  /** The statement that failed and the values it was run with; a null statement when unknown. */
  private record Written(@Nullable StatementNode statement, List<Value> args) {}

  /** Columns of one table. */
  private record Columns(TableSchema table, List<Integer> columns) {}

  /** A unique index or primary key as the database names it in messages. */
  private static final class Constraint {
    final String name;
    final TableSchema table;
    final List<Integer> columns;
    final Pattern pattern;

    Constraint(String name, TableSchema table, List<Integer> columns) {
      this.name = name;
      this.table = table;
      this.columns = columns;
      this.pattern = identifier(name);
    }
  }
}
