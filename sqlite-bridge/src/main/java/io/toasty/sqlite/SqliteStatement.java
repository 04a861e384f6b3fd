package io.toasty.sqlite;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A statement with its bindings. Parameters are SQLite's: {@code ?} (bound by index from 0),
 * {@code ?NNN} (index NNN-1, or by the name {@code "?NNN"}), and {@code :name}, {@code @name},
 * {@code $name} (by name, with or without the prefix). A string of several statements runs them
 * one after another, a result each, and takes no parameters.
 */
final class SqliteStatement implements Statement {
  private final SqliteConnection connection;
  private final List<SqlCommand> commands;
  private final int parameterCount;
  private final List<Object[]> bindings = new ArrayList<>();
  private Object[] current;
  private String @Nullable [] generatedColumns;
  private int fetchSize;

  SqliteStatement(SqliteConnection connection, String sql, int defaultFetchSize) {
    this.connection = connection;
    this.commands = SqlScanner.parse(sql);
    this.parameterCount = commands.size() == 1 ? commands.get(0).parameterCount() : 0;
    this.current = new Object[parameterCount];
    this.fetchSize = defaultFetchSize;
  }

  @Override
  public SqliteStatement add() {
    requireComplete();
    bindings.add(current);
    current = new Object[parameterCount];
    return this;
  }

  @Override
  public SqliteStatement bind(int index, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("value must not be null; use bindNull(" + index
          + ", type) for a NULL");
    }
    current[checkIndex(index)] = ValueEncoder.encode(value);
    return this;
  }

  @Override
  public SqliteStatement bind(String name, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("value must not be null; use bindNull(\"" + name
          + "\", type) for a NULL");
    }
    Object encoded = ValueEncoder.encode(value);
    for (int slot : slots(name)) {
      current[slot] = encoded;
    }
    return this;
  }

  @Override
  public SqliteStatement bindNull(int index, Class<?> type) {
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    current[checkIndex(index)] = ValueEncoder.NULL;
    return this;
  }

  @Override
  public SqliteStatement bindNull(String name, Class<?> type) {
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    for (int slot : slots(name)) {
      current[slot] = ValueEncoder.NULL;
    }
    return this;
  }

  /**
   * Asks for the named columns of the rows an INSERT, REPLACE, UPDATE or DELETE changes, by
   * appending {@code RETURNING "col", ...} (or {@code RETURNING *} for no names) unless the
   * statement has a RETURNING clause already; in insert order, also for multi-row inserts.
   */
  @Override
  public SqliteStatement returnGeneratedValues(String... columns) {
    if (columns == null) {
      throw new IllegalArgumentException("columns must not be null");
    }
    for (String column : columns) {
      if (column == null || column.isBlank()) {
        throw new IllegalArgumentException("a generated column name must not be null or blank");
      }
    }
    this.generatedColumns = columns.clone();
    return this;
  }

  @Override
  public SqliteStatement fetchSize(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("fetch size must not be negative: " + rows);
    }
    if (rows > 0) {
      this.fetchSize = rows;
    }
    return this;
  }

  @Override
  public Flux<Result> execute() {
    List<Object[]> sets = new ArrayList<>(bindings);
    boolean pending = Arrays.stream(current).anyMatch(v -> v != null);
    if (pending || sets.isEmpty()) {
      String missing = missing();
      if (missing != null) {
        return Flux.error(new IllegalStateException(missing));
      }
      sets.add(current);
    }
    bindings.clear();
    current = new Object[parameterCount];
    if (commands.isEmpty()) {
      return Flux.error(new IllegalArgumentException("the SQL holds no statement"));
    }
    return connection.execute(commands, sets, generatedColumns, fetchSize).cast(Result.class);
  }

  private int checkIndex(int index) {
    if (index < 0 || index >= parameterCount) {
      throw new IndexOutOfBoundsException(parameterCount == 0 && commands.size() > 1
          ? "a string of several statements takes no parameters"
          : "parameter index " + index + " is out of range: the statement has "
              + parameterCount + " parameters");
    }
    return index;
  }

  private List<Integer> slots(String name) {
    if (name == null) {
      throw new IllegalArgumentException("name must not be null");
    }
    List<Integer> slots = commands.size() == 1 ? commands.get(0).slotsOf(name) : List.of();
    if (slots.isEmpty()) {
      throw new NoSuchElementException("the statement has no parameter named '" + name + "'"
          + (commands.size() == 1 ? "; its names are " + commands.get(0).names().keySet() : ""));
    }
    return slots;
  }

  private void requireComplete() {
    String missing = missing();
    if (missing != null) {
      throw new IllegalStateException(missing);
    }
  }

  /** What is not bound yet, or {@code null}. */
  private @Nullable String missing() {
    List<Integer> unbound = new ArrayList<>();
    for (int i = 0; i < current.length; i++) {
      if (current[i] == null) {
        unbound.add(i);
      }
    }
    return unbound.isEmpty() ? null : "parameters " + unbound + " of " + parameterCount
        + " are not bound";
  }
}
