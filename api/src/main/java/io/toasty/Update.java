package io.toasty;

import io.toasty.stmt.UpdateNode;
import reactor.core.publisher.Mono;

/**
 * An update, built by generated code: by query ({@code Users.filter(..).update()}, by key
 * ({@code Users.updateById(1L)}), both resulting in the number of records updated, or of a loaded
 * record ({@code Users.update(user)}), resulting in the record as stored after the update.
 *
 * @param <M> the model
 * @param <R> the result: {@code Long} or {@code M}
 */
public interface Update<M, R> extends Statement<R> {

  /** Runs the update. */
  Mono<R> exec(Executor db);

  /** The untyped statement, with the assignments made so far. */
  UpdateNode untyped();
}
