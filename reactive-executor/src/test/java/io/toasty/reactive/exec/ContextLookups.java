package io.toasty.reactive.exec;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;

/**
 * A subscriber that counts how often its context is looked up (reactor does on each discard,
 * see {@link ContextOnce}) and keeps what it receives; the publishers tested here are
 * synchronous, so both are complete when {@code subscribe} returns.
 */
final class ContextLookups<T> extends BaseSubscriber<T> {
  private final AtomicInteger asked = new AtomicInteger();
  private final List<T> received = new CopyOnWriteArrayList<>();

  /** {@code source} subscribed to a new counting subscriber, which is returned. */
  static <T> ContextLookups<T> of(Flux<T> source) {
    ContextLookups<T> s = new ContextLookups<>();
    source.subscribe(s);
    return s;
  }

  @Override
  public Context currentContext() {
    asked.incrementAndGet();
    return Context.empty();
  }

  @Override
  protected void hookOnNext(T value) {
    received.add(value);
  }

  /** How many times the context was looked up. */
  int asked() {
    return asked.get();
  }

  /** What was received, in order. */
  List<T> received() {
    return received;
  }
}
