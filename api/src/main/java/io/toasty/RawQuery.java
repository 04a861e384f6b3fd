package io.toasty;

import io.toasty.error.InvalidStatementException;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;

/**
 * A statement in the backend's own query language, the escape hatch for what the typed API cannot
 * say: SQL ({@code db.sql(..)}, {@link SqlStatement}), Cypher ({@code db.cypher(..)},
 * {@link CypherStatement}) or PartiQL ({@code db.partiql(..)}, {@link PartiqlStatement}). All
 * three bind typed values by name, stream their rows as a {@code Flux} with the subscriber's
 * demand, map them to a model, a record type or a tuple, run inside the caller's transaction
 * when there is one (where the backend has interactive transactions), and are watched by the
 * {@code Db}'s statement observer like every other statement. A backend without the language
 * refuses the statement with its {@link Feature} ({@code SQL}, {@code CYPHER}, {@code PARTIQL})
 * before its driver sees anything. Immutable; nothing runs until subscription, and every error
 * is a signal.
 *
 * <pre>{@code
 * record Fan(String name, long followers) {}
 * Flux<Fan> fans = db.cypher("MATCH (p:users)<-[:follows]-(f) WHERE p.login_count > $n"
 *     + " RETURN p.name AS name, count(f) AS followers").bind("n", 3).as(Fan.class);
 * }</pre>
 */
public interface RawQuery {

  /**
   * This statement with {@code value} bound to the parameter {@code name}: a value of any type a
   * model field may have (an enum binds as its name); null binds NULL. Every parameter must be
   * bound and every binding used, or the statement fails with
   * {@link InvalidStatementException}.
   */
  RawQuery bind(String name, @Nullable Object value);

  /** The rows of a query, with their column labels; read columns with {@link Row#get}. */
  Flux<Row> rows();

  /** The rows of a query, loaded as records of {@code model}; each statement says how. */
  <M> Flux<M> as(ModelDef<M> model);

  /**
   * The rows of a query, as {@code mapper} builds them from the values of {@code fields} (paths
   * of {@code model}): a generated {@code @Projection} record's {@code (map, FIELDS)}.
   */
  <R> Flux<R> as(ModelDef<?> model, Function<Object[], R> mapper,
      List<? extends Expr<?>> fields);

  /**
   * The rows of a query as records of {@code type}, each component read from the column of its
   * name (ignoring case and underscores: {@code loginCount} reads {@code login_count}) and
   * converted as {@link Row#get} converts. A missing column, or a NULL for a primitive
   * component, fails the stream with {@link InvalidStatementException} naming it.
   *
   * <pre>{@code
   * record Active(String name, int loginCount) {}
   * Flux<Active> active = db.sql("SELECT name, login_count FROM users").as(Active.class);
   * }</pre>
   */
  default <R extends Record> Flux<R> as(Class<R> type) {
    return Flux.defer(() -> rows().map(RecordRows.of(type)));
  }

  /**
   * The rows of a query as pairs of the columns {@code first} and {@code second}, converted as
   * {@link Row#get} converts. A tuple holds no null: a NULL column fails the stream with
   * {@link InvalidStatementException} (read {@link #rows()} or a record type instead).
   */
  default <A, B> Flux<Tuple2<A, B>> as(String first, Class<A> a, String second, Class<B> b) {
    return rows().map(row -> RecordRows.tuple(row, List.of(first, second), List.of(a, b)));
  }

  /** The rows of a query as triples of the three columns named; see the pairs' method. */
  default <A, B, C> Flux<Tuple3<A, B, C>> as(String first, Class<A> a, String second,
      Class<B> b, String third, Class<C> c) {
    return rows().map(row -> RecordRows.tuple(row, List.of(first, second, third),
        List.of(a, b, c)));
  }

  /** Runs a statement that returns no rows: how many rows (items, nodes) it wrote. */
  Mono<Long> execute();
}
