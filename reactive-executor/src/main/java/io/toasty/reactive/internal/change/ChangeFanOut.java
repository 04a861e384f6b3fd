package io.toasty.reactive.internal.change;

import io.toasty.Change;
import io.toasty.Executor;
import io.toasty.ModelDef;
import io.toasty.Tenant;
import io.toasty.driver.ChangeNotice;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The live change streams of a {@code Db}, one read per model and batch of notices, fanned out:
 * the first subscriber of a model's changes subscribes to the driver's notices and reads the
 * records of each batch of them (the notices that came while the last batch was read) in one
 * query; every subscriber of the model gets each read notice, in order, into its own bounded
 * buffer ({@link BoundedNotices}), and numbers it itself ({@link ChangeNumbering}). So a
 * thousand subscribers make one read per batch, not a thousand, and the records they wait for
 * are held once. A slow subscriber holds back no other: its buffer fills, then a
 * {@link Change.Kind#GAP} stands for what it missed. A subscriber that joins once the model's
 * stream listens gets its own {@link Change.Kind#LISTENING} at once; the last one to leave
 * cancels the driver's stream (closing its listener); a failure of the driver's stream or of a
 * read fails every subscriber, and the next one starts another.
 */
public final class ChangeFanOut {
  private final Map<ModelDef<?>, Shared<?>> models = new HashMap<>();

  /**
   * The live changes of {@code model}: the notices of {@code driver}, read through
   * {@code reader} once for all of this fan-out's subscribers of the model; at most
   * {@code waiting} notices wait, both for the shared reads and for each subscriber.
   */
  public <M> Flux<Change<M>> changes(ModelDef<M> model, Supplier<Flux<ChangeNotice>> driver,
      Executor reader, int waiting) {
    return Flux.defer(() -> {
      ChangeNumbering<M> numbering = new ChangeNumbering<>();
      Flux<ReadNotice<M>> read = Flux.create(sink -> join(model,
          () -> source(model, driver, reader, waiting), sink));
      return new BoundedNotices<>(read, waiting, ChangeReads.BATCH,
          ReadNotice.<M>mark(Change.Kind.GAP), ReadNotice::isGap)
          .concatMap(batch -> Flux.fromIterable(numbering.changes(batch)), 0);
    });
  }

  /** The models whose shared stream is open now, for tests. */
  int open() {
    synchronized (models) {
      return models.size();
    }
  }

  /**
   * The read notices of {@code model}. The reads run outside any subscriber's Context (they
   * are every subscriber's): never in a transaction, and under {@link Tenant#none()} for a
   * tenant-scoped model, whose changes are followed only there (docs/tenancy.md).
   */
  private static <M> Flux<ReadNotice<M>> source(ModelDef<M> model,
      Supplier<Flux<ChangeNotice>> driver, Executor reader, int waiting) {
    Flux<ReadNotice<M>> read = new ChangeReads<>(reader, model)
        .batches(Flux.defer(driver), waiting)
        .concatMapIterable(batch -> batch, 1);
    return model.schema().tenantField() == null ? read : read.contextWrite(Tenant.none());
  }

  @SuppressWarnings("unchecked")
  private <M> void join(ModelDef<M> model, Supplier<Flux<ReadNotice<M>>> source,
      FluxSink<ReadNotice<M>> sink) {
    Shared<M> shared;
    synchronized (models) {
      shared = (Shared<M>) models.computeIfAbsent(model, m -> new Shared<>(model, source));
      shared.join(sink);
    }
    sink.onDispose(() -> leave(shared, sink));
  }

  private <M> void leave(Shared<M> shared, FluxSink<ReadNotice<M>> sink) {
    synchronized (models) {
      if (shared.leave(sink)) {
        models.remove(shared.model, shared);
      }
    }
  }

  /** A model's shared reads and their subscribers; guarded by the fan-out's lock. */
  private final class Shared<M> {
    private final ModelDef<M> model;
    private final Supplier<Flux<ReadNotice<M>>> source;
    private final Set<FluxSink<ReadNotice<M>>> sinks = new LinkedHashSet<>();
    private boolean listening;
    private @Nullable Disposable upstream;

    Shared(ModelDef<M> model, Supplier<Flux<ReadNotice<M>>> source) {
      this.model = model;
      this.source = source;
    }

    void join(FluxSink<ReadNotice<M>> sink) {
      sinks.add(sink);
      if (listening) {
        sink.next(ReadNotice.mark(Change.Kind.LISTENING));
      }
      if (upstream == null) {
        upstream = source.get().subscribe(this::heard, this::failed, this::ended);
      }
    }

    /** Whether it was the last subscriber: the shared stream is cancelled. */
    boolean leave(FluxSink<ReadNotice<M>> sink) {
      if (!sinks.remove(sink) || !sinks.isEmpty()) {
        return false;
      }
      Disposable u = upstream;
      if (u != null) {
        u.dispose();
      }
      return true;
    }

    /**
     * Hands {@code read} to the subscribers outside the lock (a subscriber's own code runs in
     * its {@code onNext}); one that joins meanwhile had its LISTENING under the lock first.
     */
    private void heard(ReadNotice<M> read) {
      List<FluxSink<ReadNotice<M>>> to;
      synchronized (models) {
        if (!read.notice().kind().isRecordChange()) {
          listening = true;
        }
        to = List.copyOf(sinks);
      }
      to.forEach(s -> s.next(read));
    }

    private void failed(Throwable e) {
      forEachEnding(s -> s.error(e));
    }

    private void ended() {
      forEachEnding(FluxSink::complete);
    }

    private void forEachEnding(Consumer<FluxSink<ReadNotice<M>>> end) {
      List<FluxSink<ReadNotice<M>>> ending;
      synchronized (models) {
        models.remove(model, this);
        ending = List.copyOf(sinks);
        sinks.clear();
      }
      ending.forEach(end);
    }
  }
}
