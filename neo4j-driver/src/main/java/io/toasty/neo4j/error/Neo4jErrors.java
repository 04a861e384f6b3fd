package io.toasty.neo4j.error;

import io.toasty.error.ConnectionLostException;
import io.toasty.error.DivisionByZeroException;
import io.toasty.error.DriverException;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.NumericOverflowException;
import io.toasty.error.QueryTimeoutException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.ToastyException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.neo4j.cypher.Names;
import io.toasty.neo4j.cypher.Relationships;
import io.toasty.schema.Schema;
import io.toasty.schema.SoftDeleteMarker;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * Neo4j's errors as the library's typed errors, the same on every backend: a uniqueness
 * constraint's failure is a {@link UniqueViolationException} naming the model and fields, a
 * deadlock or a conflicting transaction a {@link SerializationFailureException}, a lost server a
 * {@link ConnectionLostException}, integer overflow a {@link NumericOverflowException}, a
 * division by zero a {@link DivisionByZeroException}, a
 * transaction timeout a {@link QueryTimeoutException}; anything else a {@link DriverException}
 * carrying Neo4j's status code.
 */
public final class Neo4jErrors {
  public static final String BACKEND = "neo4j";
  private static final String ARITHMETIC = "Neo.ClientError.Statement.ArithmeticError";
  /**
   * "Node(3) already exists with label `L` and property `p` = 'v'" (and "properties"); a join
   * model stored as a relationship: "Relationship(3) .. with type `T` ..".
   */
  private static final Pattern EXISTS = Pattern.compile(
      "already exists with (?:label|type) `((?:[^`]|``)+)` and propert(?:y|ies) (.*)$",
      Pattern.DOTALL);
  /** A write's foreign key names no node (see {@code Relationships.MISSING_TARGET}). */
  private static final Pattern MISSING_TARGET = Pattern.compile(
      // not where the message quotes the statement's own text, date('...')
      "(?<!date\\(')" + Pattern.quote(Relationships.MISSING_TARGET)
      + ":(\\w+):(\\w+)(?::([^\"'\\s]*))?");
  /** A delete of a node a checked key refers to (see {@code Relationships.STILL_REFERRED}). */
  private static final Pattern STILL_REFERRED = Pattern.compile(
      "(?<!date\\(')" + Pattern.quote(Relationships.STILL_REFERRED)
      + ":(\\w+):(\\w+)");
  private static final Pattern PROPERTY = Pattern.compile("`((?:[^`]|``)+)` =");

  private final Schema schema;
  private final Names names;

  public Neo4jErrors(Schema schema, Names names) {
    this.schema = schema;
    this.names = names;
  }

  /**
   * The typed error for {@code t} raised by {@code guarded}'s statement (see
   * {@code RenderedCypher.guarded()}): its zero-step {@code range()} is a computed value out of
   * its column's range, and so is an integer overflow, which only a computed value can cause
   * there.
   */
  public Throwable translate(Throwable t, List<String> guarded) {
    if (!guarded.isEmpty() && t instanceof ClientException e
        && (isZeroStepRange(e) || isOverflow(e))) {
      String tableName = guarded.get(0);
      TableSchema table = hasTable(tableName) ? schema.table(tableName) : null;
      ModelSchema model = table == null ? null : modelOf(table);
      String field = model == null || table == null || guarded.size() != 2 ? null
          : fields(model, table, guarded.subList(1, 2));
      return new ValueOutOfRangeException(model == null ? null : model.name(), field,
          "a computed value does not fit its integer field",
          withheld(e, String.valueOf(e.getMessage())));
    }
    return translate(t);
  }

  /** The guard's failure: {@code range(0, 0, 0)}, which nothing else in a statement calls. */
  private static boolean isZeroStepRange(ClientException e) {
    return "Neo.ClientError.Statement.ArgumentError".equals(e.code())
        && e.getMessage() != null && e.getMessage().contains("'range()' cannot be zero");
  }

  private static boolean isOverflow(ClientException e) {
    return ARITHMETIC.equals(e.code()) && e.getMessage() != null
        && e.getMessage().contains("overflow");
  }

  private static boolean isDivisionByZero(ClientException e) {
    return ARITHMETIC.equals(e.code()) && e.getMessage() != null
        && e.getMessage().contains("/ by zero");
  }

  /** The typed error for {@code t}; typed errors pass through. */
  public Throwable translate(Throwable t) {
    if (t instanceof ToastyException || t instanceof Error) {
      return t;
    }
    if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
      return new ConnectionLostException(BACKEND, null,
          "Neo4j could not be reached: " + t.getMessage(), t);
    }
    if (!(t instanceof Neo4jException e)) {
      return t;
    }
    String code = e.code() == null ? "" : e.code();
    if (code.equals("Neo.ClientError.Schema.ConstraintValidationFailed")) {
      return unique(e);
    }
    if (t instanceof TransientException && (code.contains("Deadlock")
        || code.contains("Outdated") || code.contains("LockClient"))) {
      return new SerializationFailureException(BACKEND, code,
          "a concurrent transaction holds the same nodes: " + e.getMessage(), e);
    }
    if (code.contains("TransactionTimedOut") || code.contains("Terminated")
        && e.getMessage() != null && e.getMessage().contains("timeout")) {
      return new QueryTimeoutException(BACKEND, code, "Neo4j stopped the statement at its "
          + "timeout: " + e.getMessage(), e);
    }
    if (code.equals("Neo.ClientError.Transaction.LockClientStopped")) {
      // A transaction stopped while it waited for a lock: its timeout ran out (db.timeout(..),
      // a transaction's deadline, the driver's statementTimeout), which is what the server
      // reports then; an operator's termination reads the same, and is as final.
      return new QueryTimeoutException(BACKEND, code, "Neo4j stopped the statement while it "
          + "waited for a lock (its timeout ran out, or it was terminated): " + e.getMessage(), e);
    }
    if (code.equals("Neo.ClientError.Statement.EntityNotFound")) {
      // A node the statement matched was deleted by a transaction that committed meanwhile
      // (a key's target deleted while a write linked to it): nothing was written; a retry finds
      // the node gone and fails as a missing target does.
      return new SerializationFailureException(BACKEND, code, "a concurrent transaction deleted "
          + "a record this write refers to: " + e.getMessage(), e);
    }
    Matcher missing = MISSING_TARGET.matcher(e.getMessage() == null ? "" : e.getMessage());
    if (t instanceof ClientException && missing.find()) {
      return new ForeignKeyViolationException(missing.group(1), missing.group(2),
          missing.group(3) == null ? "refers to a record that does not exist"
              : "no record has the key " + missing.group(3) + "; nothing was written", e);
    }
    Matcher referred = STILL_REFERRED.matcher(e.getMessage() == null ? "" : e.getMessage());
    if (t instanceof ClientException && referred.find()) {
      return new ForeignKeyViolationException(referred.group(1), referred.group(2),
          "a " + referred.group(1) + " still refers to the record being deleted; nothing was "
          + "deleted", e);
    }
    if (t instanceof ClientException c && isOverflow(c)) {
      return new NumericOverflowException(BACKEND, "an integer result is out of range: "
          + e.getMessage(), e);
    }
    if (t instanceof ClientException c && isDivisionByZero(c)) {
      return new DivisionByZeroException(BACKEND, null, "a division or remainder by zero: "
          + e.getMessage(), e);
    }
    return new DriverException(BACKEND, code, code + ": " + e.getMessage(), e);
  }

  /**
   * Neo4j's message names the stored value ({@code `token` = 'secret'}); the cause the typed
   * error carries says the same without any value, so that no sensitive value reaches a log.
   */
  private static Throwable withheld(Neo4jException e, String message) {
    String redacted = message.replaceAll("= (?:'(?:[^'\\\\]|\\\\.)*'|[^,\\s]+)", "= <withheld>");
    RuntimeException cause = new RuntimeException(e.code() + ": " + redacted);
    cause.setStackTrace(e.getStackTrace());
    return cause;
  }

  private UniqueViolationException unique(Neo4jException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Throwable cause = withheld(e, message);
    Matcher m = EXISTS.matcher(message);
    if (m.find()) {
      String tableName = names.tableOf(m.group(1).replace("``", "`"));
      TableSchema table = tableName == null || !hasTable(tableName) ? null
          : schema.table(tableName);
      if (table != null) {
        List<String> properties = new ArrayList<>();
        Matcher p = PROPERTY.matcher(m.group(2));
        while (p.find()) {
          String property = p.group(1).replace("``", "`");
          // the marker of live records that a live-only constraint holds beside the fields
          if (!property.equals(SoftDeleteMarker.LIVE)) {
            properties.add(property);
          }
        }
        ModelSchema model = modelOf(table);
        if (model != null) {
          return new UniqueViolationException(model.name(), fields(model, table, properties),
              "another record has the same value (unique constraint on " + table.name() + ")",
              cause);
        }
      }
    }
    return new UniqueViolationException(null, null,
        "a record with the same unique value already exists", cause);
  }

  private boolean hasTable(String name) {
    return schema.tables().stream().anyMatch(t -> t.name().equals(name));
  }

  private @Nullable String fields(ModelSchema model, TableSchema table, List<String> properties) {
    ModelMapping mapping = schema.mapping(model.name());
    List<String> fields = new ArrayList<>();
    for (String property : properties) {
      int column = -1;
      for (int i = 0; i < table.columns().size(); i++) {
        if (table.column(i).name().equals(property)) {
          column = i;
        }
      }
      String field = null;
      for (int f = 0; f < model.fields().size() && column >= 0; f++) {
        if (mapping.columnOf(f) == column) {
          field = model.field(f).name();
        }
      }
      if (field == null) {
        return null;
      }
      fields.add(field);
    }
    return fields.isEmpty() ? null : String.join(", ", fields);
  }

  private @Nullable ModelSchema modelOf(TableSchema table) {
    for (ModelSchema model : schema.models()) {
      if (schema.mapping(model.name()).table().equals(table.name())) {
        return model;
      }
    }
    return null;
  }
}
