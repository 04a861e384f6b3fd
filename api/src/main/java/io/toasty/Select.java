package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.internal.KeysetOrder;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprPrinter;
import io.toasty.stmt.Query;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;
import reactor.util.function.Tuple4;

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

  /**
   * This query, also restricted to records matching {@code condition}: a second {@code filter}
   * is ANDed with the first (it narrows the query, never replaces the earlier condition); use
   * {@link Condition#or} inside one condition for alternatives.
   */
  Select<M> filter(Expr<Boolean> condition);

  /**
   * This query, also restricted to records matching {@code condition}: the explicit spelling of
   * a further {@link #filter}, which it equals ({@code q.filter(a).and(b)} is
   * {@code q.filter(a.and(b))}). Every condition added so far still holds.
   */
  Select<M> and(Expr<Boolean> condition);

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

  /**
   * This query, without the model's eager relations (declared with {@code @HasMany.Eager},
   * {@code @HasOne.Eager} or {@code @BelongsTo.Eager}): only what it includes itself is loaded.
   */
  Select<M> withoutEager();

  /**
   * This query, leaving the eager relations {@code relations} unloaded (the model's other eager
   * relations are still loaded).
   *
   * @throws InvalidStatementException when a relation belongs to another model
   */
  @SuppressWarnings("unchecked")
  Select<M> exclude(RelationPath<M, ?>... relations);

  /**
   * A delete of the records this query matches. Of a query with a limit, offset or order, the
   * delete fails when it runs with {@link UnsupportedFeatureException}
   * ({@link Feature#ORDERED_MUTATION}), sending nothing: filter by key instead.
   */
  Delete<M> delete();

  /** The matching records, streamed with backpressure. */
  Flux<M> stream(Executor db);

  /** The matching records, in a list. */
  Mono<List<M>> collect(Executor db);

  /**
   * How many records match, counted by the database without reading them ({@code SELECT
   * COUNT(*)}; on DynamoDB {@code Select=COUNT} over every page, or a count of the keys read
   * where part of the filter is evaluated by the engine). A limit or offset bounds the count as
   * it bounds the records; an order or include does not change it.
   */
  Mono<Long> count(Executor db);

  /** Whether any record matches: reads at most one record's key. */
  Mono<Boolean> exists(Executor db);

  /**
   * The first matching record, or empty when none matches. The record is told as soon as its
   * row comes; the statement's end and the connection's release follow without being waited for.
   */
  Mono<M> first(Executor db);

  /**
   * The first matching record, or a {@link RecordNotFoundException} when none matches; told as
   * {@link #first} tells it.
   */
  Mono<M> get(Executor db);

  /**
   * The values of {@code a} per matching record (or per group, with aggregates): see
   * {@link Projected}. Fields (an embedded record or a sealed value too: {@link CompositePath}),
   * arithmetic, and {@link Agg}regates, each result as its Java type on every backend.
   */
  <A> Projected<A> select(Selectable<A> a);

  /** The values of {@code a} and {@code b}, as a Reactor tuple. */
  <A, B> Projected<Tuple2<A, B>> select(Selectable<A> a, Selectable<B> b);

  /** The values of three expressions, as a Reactor tuple. */
  <A, B, C> Projected<Tuple3<A, B, C>> select(Selectable<A> a, Selectable<B> b,
      Selectable<C> c);

  /** The values of four expressions, as a Reactor tuple. */
  <A, B, C, D> Projected<Tuple4<A, B, C, D>> select(Selectable<A> a, Selectable<B> b,
      Selectable<C> c, Selectable<D> d);

  /**
   * The values of {@code exprs}, each result built by {@code mapper} from the values in order
   * (a generated {@code @Projection} record's mapper, or your own), each value of its
   * selection's Java type.
   */
  <R> Projected<R> select(Function<Object[], R> mapper, List<? extends Selectable<?>> exprs);

  /**
   * Keyset pages of this query, {@code size} records each: see {@link PageQuery}. The order
   * must be by fields (any directions, nullable or not); the primary key completes it.
   *
   * <pre>{@code
   * Mono<Page<Post>> page = Posts.all().orderBy(Posts.CREATED_AT.desc()).paginate(20)
   *     .after(cursor).collect(db);
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code size} is below 1
   */
  default PageQuery<M> paginate(int size) {
    return new PageQuery<>(model(), untyped(), size, null, null);
  }

  /**
   * Page {@code number} (from 0) of {@code size} records of this query, by offset: see
   * {@link OffsetPageQuery}.
   *
   * @throws IllegalArgumentException when {@code number} is negative or {@code size} below 1
   */
  default OffsetPageQuery<M> page(long number, int size) {
    return new OffsetPageQuery<>(model(), untyped(), number, size, false);
  }

  /**
   * The last matching record in this query's order (completed by the primary key, as a page's
   * order is), or empty when none matches: one query in the reversed order, limited to one.
   */
  default Mono<M> last(Executor db) {
    Objects.requireNonNull(db, "db");
    ModelDef<M> model = model();
    Query query = untyped();
    return Mono.defer(() -> {
      if (query.limit() != null) {
        return Mono.error(new InvalidStatementException(model.name(), null,
            "last() of a limited query: take the last of its records instead"));
      }
      Query reversed = query.withOrderBy(KeysetOrder.of(model.schema(), query).reversed()
          .orderBy()).withLimit(new io.toasty.stmt.Limit(new ExprNode.Const(
              new Value.I64(1)), null));
      return db.exec(reversed).next().map(v -> model.load((Value.Record) v));
    });
  }

  /**
   * This query as a statement of a {@link Batch} resulting in the matching records, like
   * {@link #collect}.
   */
  default Statement<List<M>> asList() {
    Query query = untyped();
    ModelDef<M> model = model();
    return () -> new Statement.Snapshot<>(query,
        values -> values.map(v -> model.load((Value.Record) v)).collectList());
  }

  /**
   * This query as a statement of a {@link Batch} resulting in its first record, like
   * {@link #get}: a {@link RecordNotFoundException} when none matches (which fails the batch).
   */
  default Statement<M> asOne() {
    Query first = limit(1).untyped();
    ModelDef<M> model = model();
    return () -> new Statement.Snapshot<>(first, values -> values
        .map(v -> model.load((Value.Record) v)).next()
        .switchIfEmpty(Mono.error(() -> new RecordNotFoundException(model.name(),
            ExprPrinter.print(first.filter(), model.schema())))));
  }

  /**
   * This query as a statement of a {@link Batch} resulting in its first record, or
   * {@code Optional.empty()} when none matches, like {@link #first}.
   */
  default Statement<Optional<M>> asOptional() {
    Query first = limit(1).untyped();
    ModelDef<M> model = model();
    return () -> new Statement.Snapshot<>(first, values -> values
        .map(v -> Optional.of(model.load((Value.Record) v))).next()
        .defaultIfEmpty(Optional.empty()));
  }

  /** The model. */
  ModelDef<M> model();

  /** The untyped statement. */
  Query untyped();
}
