package io.toasty;

import io.toasty.driver.Operation;
import io.toasty.value.Type;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A raw SQL statement with named parameters, the escape hatch for what the typed API cannot say:
 * {@code db.sql("SELECT .. WHERE email = :email").bind("email", v)}. Values only ever travel as
 * bind markers ({@code $1} or {@code ?}, as the database wants them), never in the text. It runs
 * where a typed statement on the same executor would: in the bound transaction if there is one,
 * else on a pooled connection taken through the engine's gate. A backend without SQL refuses it
 * with {@link Feature#SQL} before its driver sees anything. Immutable; nothing runs until
 * subscription, and every error is a signal.
 *
 * <pre>{@code
 * Flux<Row> rows = db.sql("SELECT name FROM users WHERE login_count > :n").bind("n", 3).rows();
 * Flux<User> users = db.sql("SELECT * FROM users WHERE lower(name) = :n").bind("n", "ann")
 *     .as(Users.MODEL);
 * Flux<UserCard> cards = db.sql("SELECT id, name, nickname FROM users")
 *     .as(Users.MODEL, UserCards::map, UserCards.FIELDS);
 * Mono<Long> changed = db.sql("UPDATE users SET login_count = 0 WHERE name = :n")
 *     .bind("n", "ann").execute();
 * }</pre>
 */
public final class SqlStatement implements RawQuery {
  private final Executor executor;
  private final String sql;
  private final Map<String, Object> bindings;

  /** {@code sql} to run on {@code executor}; {@code Db.sql(..)} and {@code Tx.sql(..)} use it. */
  public SqlStatement(Executor executor, String sql) {
    this(executor, sql, Map.of());
  }

  private SqlStatement(Executor executor, String sql, Map<String, Object> bindings) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.sql = Objects.requireNonNull(sql, "sql");
    this.bindings = bindings;
  }

  /**
   * This statement with {@code value} bound to {@code :name} (every occurrence). A value is any
   * type a model field may have (an enum binds as its name); null binds SQL NULL.
   */
  @Override
  public SqlStatement bind(String name, @Nullable Object value) {
    return new SqlStatement(executor, sql, BoundText.with(bindings, name, value));
  }

  /** The rows of a query, with their column labels; read columns with {@link Row#get}. */
  @Override
  public Flux<Row> rows() {
    return run(true, List.of()).map(Row::ofLabelled);
  }

  /**
   * The rows of a query, loaded as records of {@code model}: the query must return the model's
   * columns in field order ({@code SELECT * FROM users} does, for a table the schema created),
   * each decoded as its field's type.
   */
  @Override
  public <M> Flux<M> as(ModelDef<M> model) {
    Objects.requireNonNull(model, "model");
    List<Type> types = model.schema().fields().stream().map(f -> f.type()).toList();
    return run(true, types).map(r -> model.load((Value.Record) r.fields().get(1)));
  }

  /**
   * The rows of a query, as {@code mapper} builds them from its columns, decoded in order as the
   * types of {@code fields} (paths of {@code model}): the query returns those fields' columns in
   * that order ({@code SELECT id, name, nickname FROM users} for a generated {@code @Projection}
   * record's {@code (map, FIELDS)}), or your own mapper and fields. A NULL column is null.
   *
   * <pre>{@code
   * Flux<UserCard> cards = db.sql("SELECT id, name, nickname FROM users WHERE login_count > :n")
   *     .bind("n", 3).as(Users.MODEL, UserCards::map, UserCards.FIELDS);
   * }</pre>
   */
  @Override
  public <R> Flux<R> as(ModelDef<?> model, Function<Object[], R> mapper,
      List<? extends Expr<?>> fields) {
    return Flux.defer(() -> {
      FieldProjection<R> projection = FieldProjection.of("raw SQL", model, mapper, fields);
      return run(true, projection.types())
          .map(r -> projection.map(((Value.Record) r.fields().get(1)).fields()));
    });
  }

  /** Runs a statement that returns no rows; the number of rows it affected. */
  @Override
  public Mono<Long> execute() {
    return run(false, List.of()).next().map(r -> Values.asLong(r.fields().get(0)));
  }

  private Flux<Value.Record> run(boolean rows, List<Type> rowType) {
    return Flux.defer(() -> {
      var refusal = executor.rawSqlRefusal();
      return refusal.isPresent() ? Flux.error(refusal.get())
          : executor.execRaw(operation(rows, rowType));
    });
  }

  /** The operation: the text cut at its parameters, and each parameter's value in order. */
  Operation.RawSql operation(boolean rows, List<Type> rowType) {
    BoundText text = BoundText.of("raw SQL", sql, bindings);
    return new Operation.RawSql(text.pieces(), text.args(), rows, rowType);
  }

  @Override
  public String toString() {
    return "SqlStatement[" + sql + "]";
  }
}
