package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A typed statement that can run in a {@link Batch}: a create, update, delete or insert of many,
 * or a query in one of its result forms ({@link Select#asList()}, {@link Select#asOne()},
 * {@link Select#asOptional()}).
 *
 * <pre>{@code
 * Mono<Tuple3<User, Long, List<Post>>> r = Toasty.batch(
 *     Users.create().name("Ann").email("ann@example.com"),
 *     Users.deleteById(oldId),
 *     Posts.filter(Posts.AUTHOR_ID.eq(authorId)).asList()).exec(db);
 * }</pre>
 *
 * @param <T> what the statement results in
 */
@FunctionalInterface
public interface Statement<T> {

  /**
   * The statement as it stands now (builders are mutable: a batch takes this once, when it
   * runs). May throw an {@link InvalidStatementException} for a statement that cannot be built.
   */
  Snapshot<T> snapshot();

  /**
   * A statement fixed for one run.
   *
   * @param untyped  the untyped statement to send, or {@code null} when there is nothing to send
   *                 (an insert of no rows): {@code result} then receives an empty {@code Flux}
   * @param result   how what the executor emits for {@code untyped} becomes the result; never
   *                 empty
   * @param resultOn the same, given also the executor it ran on, for a result that may need to
   *                 read more (an update at a version that matched nothing asks whether the
   *                 record exists); {@code null} when {@code result} says all
   * @param <T>      the result
   */
  record Snapshot<T>(@Nullable StatementNode untyped, Function<Flux<Value>, Mono<T>> result,
      @Nullable BiFunction<Flux<Value>, Executor, Mono<T>> resultOn) {
    public Snapshot {
      Objects.requireNonNull(result, "result");
    }

    /** A statement whose result needs nothing but what the executor emits. */
    public Snapshot(@Nullable StatementNode untyped, Function<Flux<Value>, Mono<T>> result) {
      this(untyped, result, null);
    }

    /** The result of this statement, from what the executor emitted for it. */
    public Mono<T> finish(Flux<Value> values) {
      return result.apply(values);
    }

    /** The result of this statement, from what {@code db} emitted for it; it may read more. */
    public Mono<T> finish(Flux<Value> values, Executor db) {
      return resultOn == null ? result.apply(values) : resultOn.apply(values, db);
    }
  }
}
