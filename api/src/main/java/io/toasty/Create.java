package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.error.UniqueViolationException;
import io.toasty.stmt.ExprNode;
import reactor.core.publisher.Mono;

/**
 * A create of one record of model {@code M}; generated entry classes return a builder with a
 * setter per field ({@code Users.create().name("Carl").email("carl@example.com")}).
 */
public interface Create<M> extends Statement<M> {

  /**
   * Inserts the record and returns it as stored, with generated keys and defaults filled in. A
   * required field left unset fails with an {@link InvalidStatementException} naming it; a
   * duplicate key or unique value fails with a {@link UniqueViolationException}.
   */
  Mono<M> exec(Executor db);

  /** The model. */
  ModelDef<M> model();

  /** The row as set so far: one expression per field, {@code Default} where unset. */
  ExprNode.Record row();
}
