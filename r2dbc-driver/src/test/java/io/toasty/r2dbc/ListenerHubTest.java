package io.toasty.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.Change;
import io.toasty.driver.ChangeNotice;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Live streams of one table share one listener: opened by the first subscriber, closed by the
 * last; a subscriber joining a listener that listens gets its own {@code LISTENING}.
 */
class ListenerHubTest {

  @Test
  void subscribersShareOneListenerClosedByTheLastToLeave() {
    ListenerHub hub = new ListenerHub();
    AtomicInteger opened = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    Sinks.Many<ChangeNotice> server = Sinks.many().multicast().directBestEffort();
    Flux<ChangeNotice> listener = server.asFlux()
        .doOnSubscribe(s -> opened.incrementAndGet())
        .doOnCancel(closed::incrementAndGet);
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    Disposable a = hub.notices("t", () -> listener).subscribe(n -> first.add(text(n)));
    server.tryEmitNext(ChangeNotice.mark(Change.Kind.LISTENING));
    server.tryEmitNext(created(1));
    Disposable b = hub.notices("t", () -> listener).subscribe(n -> second.add(text(n)));
    server.tryEmitNext(created(2));
    assertEquals(1, opened.get(), "listeners opened");
    assertEquals(List.of("LISTENING", "1", "2"), first);
    assertEquals(List.of("LISTENING", "2"), second, "its own LISTENING, then what follows");
    a.dispose();
    assertEquals(0, closed.get(), "closed while a subscriber stays");
    b.dispose();
    assertEquals(1, closed.get(), "closed by the last to leave");
    assertEquals(0, hub.open());
  }

  /** A listener that fails fails every subscriber, and the next one opens another. */
  @Test
  void aFailedListenerFailsItsSubscribersAndIsOpenedAgain() {
    ListenerHub hub = new ListenerHub();
    AtomicInteger opened = new AtomicInteger();
    Sinks.Many<ChangeNotice> server = Sinks.many().multicast().directBestEffort();
    Flux<ChangeNotice> listener = server.asFlux().doOnSubscribe(s -> opened.incrementAndGet());
    List<Throwable> failures = new ArrayList<>();
    hub.notices("t", () -> listener).subscribe(n -> { }, failures::add);
    hub.notices("t", () -> listener).subscribe(n -> { }, failures::add);
    server.tryEmitError(new IllegalStateException("no trigger"));
    assertEquals(2, failures.size());
    assertEquals(0, hub.open());
    hub.notices("t", () -> Flux.just(ChangeNotice.mark(Change.Kind.LISTENING))
        .concatWith(Flux.never())).subscribe();
    assertEquals(1, hub.open(), "a new listener");
  }

  private static ChangeNotice created(long id) {
    return new ChangeNotice(Change.Kind.CREATED, Value.Record.of(new Value.I64(id)), "9." + id);
  }

  private static String text(ChangeNotice n) {
    return n.key() == null ? n.kind().name() : Long.toString(((Value.I64) n.key().get(0)).value());
  }
}
