package io.toasty.reactive;

import io.toasty.Batch;
import io.toasty.Statement;
import java.util.List;
import java.util.Objects;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;
import reactor.util.function.Tuple4;
import reactor.util.function.Tuple5;
import reactor.util.function.Tuple6;
import reactor.util.function.Tuple7;
import reactor.util.function.Tuple8;
import reactor.util.function.Tuples;

/**
 * The entry point: builds a {@link Db}.
 *
 * <pre>{@code
 * Db db = Toasty.builder()
 *     .models(Users.MODEL, Posts.MODEL)
 *     .url("r2dbc:h2:mem:///app")
 *     .build();
 * db.schema().push().block();
 * Flux<User> carls = Users.filter(Users.NAME.eq("Carl")).stream(db);
 * }</pre>
 *
 * <p>Also the entry point of typed batches: {@code Toasty.batch(q1, q2, q3).exec(db)} runs
 * several statements as one unit and emits a {@code Tuple3} of their results (see
 * {@link Batch}).
 */
public final class Toasty {
  private Toasty() {}

  /**
   * A batch of any number of statements of one result type, resulting in their results in
   * order; a batch of none results in an empty list and sends nothing.
   *
   * <pre>{@code
   * Mono<List<User>> users = Toasty.batch(ids.stream().map(id -> Users.filterById(id).asOne())
   *     .toList()).exec(db);
   * }</pre>
   */
  @SuppressWarnings("unchecked")
  public static <T> Batch<List<T>> batch(List<? extends Statement<T>> statements) {
    Objects.requireNonNull(statements, "statements");
    return Batch.of(statements, r -> (List<T>) List.copyOf(r));
  }

  /** A batch of 2 statements whose result is a {@code Tuple2} of theirs, in order. */
  @SuppressWarnings("unchecked")
  public static <A, B> Batch<Tuple2<A, B>> batch(Statement<A> s1, Statement<B> s2) {
    return Batch.of(List.of(s1, s2), r -> (Tuple2<A, B>) Tuples.fromArray(r.toArray()));
  }

  /** A batch of 3 statements whose result is a {@code Tuple3} of theirs, in order. */
  @SuppressWarnings("unchecked")
  public static <A, B, C> Batch<Tuple3<A, B, C>> batch(Statement<A> s1, Statement<B> s2, Statement<C> s3) {
    return Batch.of(List.of(s1, s2, s3), r -> (Tuple3<A, B, C>) Tuples.fromArray(r.toArray()));
  }

  /** A batch of 4 statements whose result is a {@code Tuple4} of theirs, in order. */
  @SuppressWarnings("unchecked")
  public static <A, B, C, D> Batch<Tuple4<A, B, C, D>> batch(Statement<A> s1, Statement<B> s2, Statement<C> s3, Statement<D> s4) {
    return Batch.of(List.of(s1, s2, s3, s4), r -> (Tuple4<A, B, C, D>) Tuples.fromArray(r.toArray()));
  }

  /** A batch of 5 statements whose result is a {@code Tuple5} of theirs, in order. */
  @SuppressWarnings("unchecked")
  public static <A, B, C, D, E> Batch<Tuple5<A, B, C, D, E>> batch(Statement<A> s1, Statement<B> s2, Statement<C> s3, Statement<D> s4, Statement<E> s5) {
    return Batch.of(List.of(s1, s2, s3, s4, s5), r -> (Tuple5<A, B, C, D, E>) Tuples.fromArray(r.toArray()));
  }

  /** A batch of 6 statements whose result is a {@code Tuple6} of theirs, in order. */
  @SuppressWarnings("unchecked")
  public static <A, B, C, D, E, F> Batch<Tuple6<A, B, C, D, E, F>> batch(Statement<A> s1, Statement<B> s2, Statement<C> s3, Statement<D> s4, Statement<E> s5, Statement<F> s6) {
    return Batch.of(List.of(s1, s2, s3, s4, s5, s6), r -> (Tuple6<A, B, C, D, E, F>) Tuples.fromArray(r.toArray()));
  }

  /** A batch of 7 statements whose result is a {@code Tuple7} of theirs, in order. */
  @SuppressWarnings("unchecked")
  public static <A, B, C, D, E, F, G> Batch<Tuple7<A, B, C, D, E, F, G>> batch(Statement<A> s1, Statement<B> s2, Statement<C> s3, Statement<D> s4, Statement<E> s5, Statement<F> s6, Statement<G> s7) {
    return Batch.of(List.of(s1, s2, s3, s4, s5, s6, s7), r -> (Tuple7<A, B, C, D, E, F, G>) Tuples.fromArray(r.toArray()));
  }

  /** A batch of 8 statements whose result is a {@code Tuple8} of theirs, in order. */
  @SuppressWarnings("unchecked")
  public static <A, B, C, D, E, F, G, H> Batch<Tuple8<A, B, C, D, E, F, G, H>> batch(Statement<A> s1, Statement<B> s2, Statement<C> s3, Statement<D> s4, Statement<E> s5, Statement<F> s6, Statement<G> s7, Statement<H> s8) {
    return Batch.of(List.of(s1, s2, s3, s4, s5, s6, s7, s8), r -> (Tuple8<A, B, C, D, E, F, G, H>) Tuples.fromArray(r.toArray()));
  }

  /** A builder with the defaults: pool of 10, 30 s acquire timeout, 1024 cached plans. */
  public static DbBuilder builder() {
    return new DbBuilder();
  }
}
