package io.toasty.r2dbc;

import io.toasty.Change;
import io.toasty.driver.ChangeNotice;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * One listener per table for all of a driver's live change streams of it: the first subscriber
 * opens the table's {@link ChangeListener} (one connection, one {@code LISTEN}), the others
 * join it, and the last one to leave closes it. A subscriber that joins a listener already
 * listening gets its own {@link Change.Kind#LISTENING} at once (every change committed after it
 * reaches it); one that joins while it connects gets the listener's. Each notice goes to every
 * subscriber, whose own buffer bounds what waits for it ({@code BoundedNotices} takes every
 * notice as it comes), so a slow subscriber holds back no other. A listener that fails fails
 * its subscribers, and the next subscriber opens another. Without it, a thousand subscribers
 * would hold a thousand connections (PostgreSQL's {@code max_connections} is 100 by default).
 */
final class ListenerHub {
  private final Map<String, Shared> tables = new HashMap<>();

  /** The notices of {@code table}, from the listener shared by its subscribers. */
  Flux<ChangeNotice> notices(String table, Supplier<Flux<ChangeNotice>> listener) {
    return Flux.create(sink -> {
      Shared shared;
      synchronized (tables) {
        shared = tables.computeIfAbsent(table, t -> new Shared(t, listener));
        shared.join(sink);
      }
      sink.onDispose(() -> leave(shared, sink));
    });
  }

  /** The tables whose listener is open now, for tests. */
  int open() {
    synchronized (tables) {
      return tables.size();
    }
  }

  private void leave(Shared shared, FluxSink<ChangeNotice> sink) {
    synchronized (tables) {
      if (shared.leave(sink)) {
        tables.remove(shared.table, shared);
      }
    }
  }

  /** A table's listener and its subscribers; guarded by the hub's lock. */
  private final class Shared {
    private final String table;
    private final Supplier<Flux<ChangeNotice>> listener;
    private final Set<FluxSink<ChangeNotice>> sinks = new LinkedHashSet<>();
    private boolean listening;
    /** The listener's subscription, once the first subscriber joined. */
    private @Nullable Disposable upstream;

    Shared(String table, Supplier<Flux<ChangeNotice>> listener) {
      this.table = table;
      this.listener = listener;
    }

    void join(FluxSink<ChangeNotice> sink) {
      sinks.add(sink);
      if (listening) {
        sink.next(ChangeNotice.mark(Change.Kind.LISTENING));
      }
      if (upstream == null) {
        upstream = listener.get().subscribe(this::heard, this::failed);
      }
    }

    /** Whether it was the last subscriber: the listener is closed. */
    boolean leave(FluxSink<ChangeNotice> sink) {
      if (!sinks.remove(sink) || !sinks.isEmpty()) {
        return false;
      }
      if (upstream != null) {
        upstream.dispose();
      }
      return true;
    }

    private void heard(ChangeNotice notice) {
      synchronized (tables) {
        if (!notice.kind().isRecordChange()) {
          listening = true;
        }
        // a copy: a subscriber may leave (cancel) from within its onNext
        List.copyOf(sinks).forEach(s -> s.next(notice));
      }
    }

    private void failed(Throwable e) {
      synchronized (tables) {
        tables.remove(table, this);
        List<FluxSink<ChangeNotice>> failing = List.copyOf(sinks);
        sinks.clear();
        failing.forEach(s -> s.error(e));
      }
    }
  }
}
