package io.toasty.reactive.exec;

import io.toasty.value.Value;
import reactor.core.publisher.Flux;

/** How an action reads a variable: stored rows, or the stream of the action that produces it. */
@FunctionalInterface
interface Inputs {

  /** The rows of variable {@code var}; nothing is read until subscription. */
  Flux<Value.Record> of(int var);
}
