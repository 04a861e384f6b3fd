package io.toasty;

import io.toasty.stmt.Returning;
import io.toasty.value.Value;
import io.toasty.value.Values;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What an update results in: the number of rows it changed, or the one record it changed. */
public interface UpdateResult<M, R> {

  /** What the statement must return for {@link #finish} to work. */
  Returning returning();

  /** The result, from what the executor returned. */
  Mono<R> finish(ModelDef<M> model, io.toasty.stmt.Update statement, Flux<Value> results);

  /** The number of updated records. */
  static <M> UpdateResult<M, Long> count() {
    return new UpdateResult<>() {
      @Override public Returning returning() {
        return new Returning.Count();
      }

      @Override public Mono<Long> finish(ModelDef<M> model, io.toasty.stmt.Update statement,
          Flux<Value> results) {
        return results.next().map(Values::asLong).defaultIfEmpty(0L);
      }
    };
  }

  /** The single updated record as stored; {@link RecordNotFoundException} if none matched. */
  static <M> UpdateResult<M, M> record() {
    return new UpdateResult<>() {
      @Override public Returning returning() {
        return Returning.Model.plain();
      }

      @Override public Mono<M> finish(ModelDef<M> model, io.toasty.stmt.Update statement,
          Flux<Value> results) {
        return results.map(v -> model.load((Value.Record) v)).next()
            .switchIfEmpty(Mono.error(() -> new RecordNotFoundException(model.name(),
                io.toasty.stmt.ExprPrinter.print(statement.filter(), model.schema()))));
      }
    };
  }
}
