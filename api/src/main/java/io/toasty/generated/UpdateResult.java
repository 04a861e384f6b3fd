package io.toasty.generated;

import io.toasty.Condition;
import io.toasty.Executor;
import io.toasty.ModelDef;
import io.toasty.Path;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.StaleRecordException;
import io.toasty.error.ToastyException;
import io.toasty.internal.VersionMismatch;
import io.toasty.stmt.ExprPrinter;
import io.toasty.stmt.Returning;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.function.BiFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What an update results in: the number of rows it changed, or the one record it changed. */
public interface UpdateResult<M, R> {

  /** What the statement must return for {@link #finish} to work. */
  Returning returning();

  /** The result, from what the executor returned. */
  Mono<R> finish(ModelDef<M> model, UpdateNode statement, Flux<Value> results);

  /**
   * The result, from what {@code db} returned; a result that must know more than the rows
   * (which record an update at a version met) reads it from {@code db}.
   */
  default Mono<R> finish(ModelDef<M> model, UpdateNode statement, Flux<Value> results,
      Executor db) {
    return finish(model, statement, results);
  }

  /** The number of updated records. */
  static <M> UpdateResult<M, Long> count() {
    return new UpdateResult<>() {
      @Override public Returning returning() {
        return new Returning.Count();
      }

      @Override public Mono<Long> finish(ModelDef<M> model, UpdateNode statement,
          Flux<Value> results) {
        return results.next().map(Values::asLong).defaultIfEmpty(0L);
      }
    };
  }

  /** The single updated record as stored; {@link RecordNotFoundException} if none matched. */
  static <M> UpdateResult<M, M> record() {
    return single(RecordNotFoundException::new);
  }

  /**
   * The single updated record as stored; {@link StaleRecordException} if none matched: the
   * record's {@code @Version} moved on, or it was deleted, since it was read.
   */
  static <M> UpdateResult<M, M> current() {
    return single(StaleRecordException::new);
  }

  /**
   * The single updated record as stored, for an update by {@code key} and {@code version} =
   * {@code expected}: when none matched, {@link RecordNotFoundException} if no record has the
   * key, {@link StaleRecordException} (naming the stored version) if it has another version.
   * Generated {@code updateByIdAtVersion(..)} of a model with a {@code @Version} field.
   */
  static <M> UpdateResult<M, M> atVersion(Condition key, Path<?> version, long expected) {
    VersionMismatch mismatch = new VersionMismatch(key, version, expected);
    return new UpdateResult<>() {
      @Override public Returning returning() {
        return Returning.Model.plain();
      }

      @Override public Mono<M> finish(ModelDef<M> model, UpdateNode statement,
          Flux<Value> results) {
        return loaded(model, results).switchIfEmpty(Mono.error(() ->
            mismatch.unexplained(model)));
      }

      @Override public Mono<M> finish(ModelDef<M> model, UpdateNode statement,
          Flux<Value> results, Executor db) {
        return finish(model, statement, results, db, VersionMismatch.ATTEMPTS);
      }

      private Mono<M> finish(ModelDef<M> model, UpdateNode statement,
          Flux<Value> results, Executor db, int attempts) {
        return loaded(model, results).switchIfEmpty(Mono.defer(() -> mismatch.explain(db, model,
            attempts, () -> finish(model, statement, db.exec(statement), db, attempts - 1))));
      }
    };
  }

  private static <M> Mono<M> loaded(ModelDef<M> model, Flux<Value> results) {
    return results.map(v -> model.load((Value.Record) v)).next();
  }

  /** One record, or {@code none(model, printed filter)} when no record matched. */
  private static <M> UpdateResult<M, M> single(
      BiFunction<String, String, ToastyException> none) {
    return new UpdateResult<>() {
      @Override public Returning returning() {
        return Returning.Model.plain();
      }

      @Override public Mono<M> finish(ModelDef<M> model, UpdateNode statement,
          Flux<Value> results) {
        return results.map(v -> model.load((Value.Record) v)).next()
            .switchIfEmpty(Mono.error(() -> none.apply(model.name(),
                ExprPrinter.print(statement.filter(), model.schema()))));
      }
    };
  }
}
