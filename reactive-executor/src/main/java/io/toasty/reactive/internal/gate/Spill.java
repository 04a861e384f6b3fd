package io.toasty.reactive.internal.gate;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Passes a stream on with its subscriber's demand until {@link #spill()} is called; from then on
 * it reads the rest of the stream at once into memory, so the source ends (and frees what it
 * holds) while the subscriber drains the buffer at its own pace. Cancelling cancels the source.
 */
final class Spill<T> {
  private volatile boolean spilling;
  private volatile @Nullable Reader<T> reader;

  /** Reads the rest of the source into memory. Idempotent; safe from any thread. */
  void spill() {
    spilling = true;
    Reader<T> r = reader;
    if (r != null) {
      r.request(Long.MAX_VALUE);
    }
  }

  /** {@code source}, subscribed with {@code context} when the result is subscribed. */
  Flux<T> wrap(Flux<T> source, ContextView context) {
    Sinks.Many<T> sink = Sinks.many().unicast().onBackpressureBuffer();
    Reader<T> r = new Reader<>(this, sink, Context.of(context));
    reader = r;
    return sink.asFlux()
        .doOnSubscribe(s -> source.subscribe(r))
        .doOnRequest(r::request)
        .doOnCancel(r::cancel)
        .hide();
  }

  /** Subscribes to the source and moves its signals into the buffer. */
  private static final class Reader<T> implements CoreSubscriber<T> {
    private final Spill<T> owner;
    private final Sinks.Many<T> sink;
    private final Context context;
    private volatile @Nullable Subscription upstream;
    private volatile boolean cancelled;

    Reader(Spill<T> owner, Sinks.Many<T> sink, Context context) {
      this.owner = owner;
      this.sink = sink;
      this.context = context;
    }

    @Override
    public Context currentContext() {
      return context;
    }

    @Override
    public void onSubscribe(Subscription s) {
      upstream = s;
      if (cancelled) {
        s.cancel();
      } else if (owner.spilling) {
        s.request(Long.MAX_VALUE);
      }
    }

    void request(long n) {
      Subscription s = upstream;
      if (s != null) {
        s.request(n);
      }
    }

    void cancel() {
      cancelled = true;
      Subscription s = upstream;
      if (s != null) {
        s.cancel();
      }
    }

    @Override
    public void onNext(T item) {
      sink.tryEmitNext(item);
    }

    @Override
    public void onError(Throwable error) {
      sink.tryEmitError(error);
    }

    @Override
    public void onComplete() {
      sink.tryEmitComplete();
    }
  }
}
