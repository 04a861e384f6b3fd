package io.toasty.r2dbc.error;

import io.r2dbc.spi.R2dbcException;
import io.toasty.DriverException;
import io.toasty.ToastyException;
import io.toasty.UniqueViolationException;
import io.toasty.r2dbc.ddl.SchemaDdl;
import io.toasty.r2dbc.dialect.SqlDialect;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the database or the R2DBC driver signalled into the library's typed exceptions:
 * a unique or primary key violation becomes a {@link UniqueViolationException} naming the model
 * and field (found from the violated index or primary key in the message, matched against the
 * schema), anything else a {@link DriverException} with the SQLSTATE. The original is the cause.
 */
public final class ErrorTranslator {
  private final SqlDialect dialect;
  private final Schema schema;
  /** Unique indexes and primary keys by the name the database reports, longest name first. */
  private final List<Constraint> constraints = new ArrayList<>();

  public ErrorTranslator(SqlDialect dialect, Schema schema) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.schema = Objects.requireNonNull(schema, "schema");
    for (TableSchema table : schema.tables()) {
      for (TableIndex index : table.indexes()) {
        if (index.unique()) {
          constraints.add(new Constraint(index.name(), table, index.columns()));
        }
      }
      String pk = SchemaDdl.primaryKeyName(dialect, table.name());
      if (pk != null && !table.primaryKey().isEmpty()) {
        constraints.add(new Constraint(pk, table, table.primaryKey()));
      }
    }
    constraints.sort((a, b) -> Integer.compare(b.name.length(), a.name.length()));
  }

  /**
   * The typed exception for {@code error}.
   *
   * @param table the table the failed statement wrote, or {@code null}; names the model of a
   *              primary key violation whose message does not name the table
   */
  public Throwable translate(Throwable error, String table) {
    if (error instanceof ToastyException || error instanceof Error) {
      return error;
    }
    String sqlState = null;
    Object errorCode = null;
    if (error instanceof R2dbcException r) {
      sqlState = r.getSqlState();
      errorCode = r.getErrorCode();
    } else {
      SQLException sql = sqlCause(error);
      if (sql != null) {
        sqlState = sql.getSQLState();
        errorCode = sql.getErrorCode();
      }
    }
    String message = error.getMessage() == null ? error.toString() : error.getMessage();
    if (sqlState != null && dialect.isUniqueViolation(sqlState, errorCode)) {
      return unique(message, table, error);
    }
    return new DriverException(dialect.backend(), sqlState, message, error);
  }

  private UniqueViolationException unique(String message, String tableHint, Throwable cause) {
    // The constraint named earliest in the message (values, which may contain anything, come
    // after the name on H2 and PostgreSQL); on a tie the longer name.
    Constraint found = null;
    int foundAt = Integer.MAX_VALUE;
    for (Constraint c : constraints) {
      Matcher m = c.pattern.matcher(message);
      if (m.find() && m.start() < foundAt) {
        found = c;
        foundAt = m.start();
      }
    }
    if (found != null) {
      return violation(found.table, found.columns, "unique constraint " + found.name, cause);
    }
    TableSchema table = hintedTable(tableHint);
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
    ModelMapping mapping = schema.mapping(model.name());
    List<String> fields = new ArrayList<>(columns.size());
    for (int column : columns) {
      fields.add(fieldOf(model, mapping, column));
    }
    return new UniqueViolationException(model.name(), String.join(", ", fields),
        "another record has the same value (" + what + ")", cause);
  }

  private static String fieldOf(ModelSchema model, ModelMapping mapping, int column) {
    for (int f = 0; f < model.fields().size(); f++) {
      if (mapping.columnOf(f) == column) {
        return model.field(f).name();
      }
    }
    return "#" + column;
  }

  private ModelSchema modelOf(TableSchema table) {
    for (ModelSchema model : schema.models()) {
      if (schema.mapping(model.name()).table().equals(table.name())) {
        return model;
      }
    }
    return null;
  }

  private TableSchema hintedTable(String table) {
    if (table == null) {
      return null;
    }
    for (TableSchema t : schema.tables()) {
      if (t.name().equals(table)) {
        return t;
      }
    }
    return null;
  }

  /** The table named earliest in the message, as a whole identifier. */
  private TableSchema namedTable(String message) {
    TableSchema found = null;
    int foundAt = Integer.MAX_VALUE;
    for (TableSchema t : schema.tables()) {
      Matcher m = identifier(t.name()).matcher(message);
      if (m.find() && (m.start() < foundAt
          || (m.start() == foundAt && t.name().length() > found.name().length()))) {
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

  private static SQLException sqlCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return s;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

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
