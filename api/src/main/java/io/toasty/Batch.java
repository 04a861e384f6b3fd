package io.toasty;

import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Several statements run together, with one typed result: made by {@code Toasty.batch(..)}
 * (a tuple of results for two to eight statements, a list for any number).
 *
 * <p>How a batch runs is the {@link Executor}'s: a {@code Db} over SQL runs it in one
 * transaction (joining one bound in the Context), so its writes are all or nothing; over
 * DynamoDB its key reads are one request and its writes one atomic request, and a batch that
 * cannot be one is refused before anything is sent. A batch of no statements sends nothing.
 *
 * @param <R> the result: a {@code Tuple2..Tuple8} or a {@code List}
 */
public final class Batch<R> {
  private final List<Statement<?>> statements;
  private final Function<List<Object>, R> combine;

  private Batch(List<Statement<?>> statements, Function<List<Object>, R> combine) {
    this.statements = statements;
    this.combine = combine;
  }

  /**
   * A batch of {@code statements} whose results, in order, {@code combine} turns into one.
   * For {@code Toasty.batch(..)}; use that.
   */
  public static <R> Batch<R> of(List<? extends Statement<?>> statements,
      Function<List<Object>, R> combine) {
    Objects.requireNonNull(combine, "combine");
    List<Statement<?>> copy = new ArrayList<>(statements.size());
    for (Statement<?> s : statements) {
      copy.add(Objects.requireNonNull(s, "statement"));
    }
    return new Batch<>(List.copyOf(copy), combine);
  }

  /** How many statements the batch holds. */
  public int size() {
    return statements.size();
  }

  /**
   * Runs the batch on {@code db} (a {@code Db} or a transaction) and emits the combined result.
   * A statement that fails (a unique violation, a record not found, a refusal) fails the batch
   * and, where the executor runs it atomically, undoes every write of the batch.
   */
  public Mono<R> exec(Executor db) {
    Objects.requireNonNull(db, "db");
    return Mono.defer(() -> {
      List<Statement.Snapshot<?>> snapshots = new ArrayList<>(statements.size());
      statements.forEach(s -> snapshots.add(s.snapshot()));
      boolean sends = snapshots.stream().anyMatch(s -> s.untyped() != null);
      Mono<List<Object>> results = sends ? db.execBatch(snapshots) : inOrder(db, snapshots);
      return results.map(combine);
    });
  }

  /**
   * Runs {@code snapshots} one after the other on {@code db}, each after the previous one's
   * result: what an {@link Executor} that has no batch of its own does.
   */
  public static Mono<List<Object>> inOrder(Executor db, List<Statement.Snapshot<?>> snapshots) {
    return Flux.fromIterable(snapshots)
        .concatMap(s -> finish(s, s.untyped() == null ? Flux.empty() : db.exec(s.untyped()),
            db), 1)
        .collectList();
  }

  /** The result of {@code s} from {@code values}, which {@code db} emitted; an error if none. */
  public static Mono<Object> finish(Statement.Snapshot<?> s, Flux<Value> values,
      Executor db) {
    return s.finish(values, db).cast(Object.class)
        .switchIfEmpty(Mono.error(() -> new NoSuchElementException(
            "a batched statement had no result: " + s.untyped())));
  }

  /** The result of {@code s} from {@code values}, an error if it has none. */
  public static Mono<Object> finish(Statement.Snapshot<?> s,
      Flux<Value> values) {
    return s.finish(values).cast(Object.class)
        .switchIfEmpty(Mono.error(() -> new NoSuchElementException(
            "a batched statement had no result: " + s.untyped())));
  }
}
