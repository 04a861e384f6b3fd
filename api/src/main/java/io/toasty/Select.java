package io.toasty;

import io.toasty.stmt.Query;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A typed query on model {@code M}. Builder methods return a new query and never touch the
 * database; the terminal methods run it on an {@link Executor} (a {@code Db} or a transaction).
 * Generated entry classes return a model-specific subtype ({@code UserQuery}) that adds
 * {@code update()}.
 *
 * <pre>{@code
 * Flux<User> some = Users.filter(Users.NAME.eq("Carl"))
 *     .orderBy(Users.NAME.asc()).thenBy(Users.ID.desc())
 *     .limit(20).stream(db);
 * }</pre>
 *
 * @param <M> the model's record type
 */
public interface Select<M> {

  /** All records of a model, through the generic (non-generated) query type. */
  static <M> Select<M> from(ModelDef<M> model) {
    return new GenericSelect<>(model, Query.all(model.name()));
  }

  /** This query, also restricted to records matching {@code condition}. */
  Select<M> filter(Expr<Boolean> condition);

  /** This query, ordered by {@code orders} (replacing any earlier order). */
  Select<M> orderBy(Order... orders);

  /** This query, with {@code order} as a further ordering term. */
  Select<M> thenBy(Order order);

  /** This query, returning at most {@code count} records. */
  Select<M> limit(long count);

  /** This query, skipping the first {@code count} records. */
  Select<M> offset(long count);

  /**
   * This query, also preloading {@code includes} on each record: one more query per relation
   * level (per window of records), never one per record.
   */
  @SuppressWarnings("unchecked")
  Select<M> include(Include<M>... includes);

  /** A delete of the records this query matches. */
  Delete<M> delete();

  /** The matching records, streamed with backpressure. */
  Flux<M> stream(Executor db);

  /** The matching records, in a list. */
  Mono<List<M>> collect(Executor db);

  /** The first matching record, or empty when none matches. */
  Mono<M> first(Executor db);

  /** The first matching record, or a {@link RecordNotFoundException} when none matches. */
  Mono<M> get(Executor db);

  /** The model. */
  ModelDef<M> model();

  /** The untyped statement. */
  Query untyped();
}
