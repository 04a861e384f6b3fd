package io.toasty.reactive.internal.batch;

import io.toasty.driver.Connection;
import io.toasty.reactive.internal.gate.ConnectionGate;
import io.toasty.reactive.internal.gate.GatedDriver;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Requests by key of one plan that wait for a connection at the same time, answered by one
 * statement: while the pool's permits are all out, the first request of a plan queues at the
 * gate as a batch, and the requests of the same plan that come before it has its connection
 * join it; when the connection comes, the batch is sealed and its {@link Kind} runs one
 * statement for every key it holds, and each answer goes to the requests of its key.
 *
 * <p>Why: a WebFlux service under load runs many requests by key at once, and on a saturated
 * pool each waits its turn for one round trip and one statement the database parses, plans and
 * commits alone. Answered together they cost the database and the driver one statement for
 * several, and no request waits longer than it would have alone: it was to queue behind the
 * batch anyway. A pool with a permit free never batches.
 *
 * <p>What a request sees is what its own statement would have given at that moment. A request
 * that cancels before the seal is dropped, and a batch whose requests all cancelled gives up its
 * wait and sends nothing. When the batch's statement fails, each request still waiting runs its
 * own statement on a connection of its own, so that an error is the one its own statement meets,
 * unless the {@code Kind} says the error is every request's (a pool timeout, which every request
 * met by waiting in the same queue).
 */
public final class WaitingBatches {
  /** Keys one batch holds at most, unless its kind says fewer: within every database's markers. */
  static final int MAX_KEYS = 64;

  private final GatedDriver driver;
  /** The batches waiting for their connection, by plan. */
  private final Map<SamePlan, Batch<?>> open = new ConcurrentHashMap<>();

  public WaitingBatches(GatedDriver driver) {
    this.driver = driver;
  }

  /**
   * How one kind of request is answered together. Made once per batch, by its first request.
   *
   * @param <T> what a request is answered with
   */
  public interface Kind<T> {
    /**
     * Whether a key joins a batch once at most: a second request for it joins the batch queued
     * after (a write, sent after the first), where requests for one key otherwise share its
     * answer (a read).
     */
    boolean oncePerKey();

    /** Keys one batch holds at most. */
    default int maxKeys() {
      return MAX_KEYS;
    }

    /**
     * The one statement for {@code requests} (one per key, two or more, in the order they
     * joined) on {@code c}: each answer with its key as {@link Request#key} compares it.
     */
    Flux<Keyed<T>> statement(Connection c, List<Request<T>> requests);

    /** The answer of a request whose key had none, or null to complete it empty. */
    @Nullable T missing();

    /** Whether the batch's {@code error} goes to every request instead of each running its own. */
    boolean shared(Throwable error);
  }

  /** An answer of a batch's statement, with its key as routing compares it. */
  record Keyed<T>(@Nullable Object key, T answer) {}

  /**
   * Whether a request of {@code plan} would wait now: the pool has no permit free, or a batch of
   * the plan waits. Asked before anything is made for the request, so that a pool with a
   * connection free costs a request no more than this.
   */
  public boolean saturated(Object plan) {
    ConnectionGate gate = driver.gate();
    return gate != null
        && (gate.free() == 0 || !open.isEmpty() && open.containsKey(new SamePlan(plan)));
  }

  /**
   * The answer of a request of {@code plan}, which {@link #saturated} said would wait: from a
   * batch of the plan's requests, or from {@code own}, the request's own statement on a
   * connection: when the batch holds no other key (then on the batch's connection), or when the
   * batch's statement fails (then on a connection of its own). A request that the open batch
   * cannot take (full, or holding its key already where {@link Kind#oncePerKey}) joins the
   * batch queued after it.
   *
   * @param key     the key as routing compares it
   * @param value   the key as the statement holds it
   * @param payload what else the batch's statement needs of the request (an update's values)
   * @param kind    makes the batch's {@link Kind} when this request opens one
   */
  public <T> Mono<T> join(Object plan, Object key, Value value, @Nullable Object payload,
      Function<Connection, Flux<T>> own, Supplier<Kind<T>> kind) {
    SamePlan same = new SamePlan(plan);
    return Mono.create(sink -> join(new Request<>(key, value, payload, sink, own), same, kind));
  }

  /**
   * Joins {@code r} to the plan's open batch, or to the first batch after it that takes it (one
   * is made and queued when none does: the open one is sealed or full, or holds the key of a
   * write), or opens one.
   */
  private <T> void join(Request<T> r, SamePlan plan, Supplier<Kind<T>> kind) {
    @SuppressWarnings("unchecked")
    Batch<T> b = (Batch<T>) open.get(plan);
    if (b == null) {
      Batch<T> fresh = new Batch<>(plan, kind.get());
      fresh.add(r); // before anyone can see it: nobody's cancel gives it up empty
      @SuppressWarnings("unchecked")
      Batch<T> raced = (Batch<T>) open.putIfAbsent(plan, fresh);
      if (raced == null) {
        r.sink.onCancel(() -> fresh.cancelled(r));
        fresh.start();
        return;
      }
      b = raced;
    }
    while (!b.add(r)) {
      Batch<T> made = b.successorWith(r);
      if (made != null) {
        b = made;
        break;
      }
      b = Objects.requireNonNull(b.next(), "a batch that made no successor has one");
    }
    Batch<T> in = b;
    r.sink.onCancel(() -> in.cancelled(r));
  }

  /**
   * One request of a batch.
   *
   * @param <T> what it is answered with
   */
  final class Request<T> {
    final Object key;
    final Value value;
    final @Nullable Object payload;
    final MonoSink<T> sink;
    final Function<Connection, Flux<T>> own;
    volatile boolean cancelled;

    Request(Object key, Value value, @Nullable Object payload, MonoSink<T> sink,
        Function<Connection, Flux<T>> own) {
      this.key = key;
      this.value = value;
      this.payload = payload;
      this.sink = sink;
      this.own = own;
    }

    /** The key as the statement holds it. */
    Value value() {
      return value;
    }

    /** What else the batch's statement needs of this request. */
    @Nullable Object payload() {
      return payload;
    }

    /** Its own statement on a connection of its own, in place of the batch's. */
    void alone() {
      if (!cancelled) {
        Disposable run = driver.withConnection(own).next().subscribe(sink::success,
            sink::error, () -> sink.success());
        sink.onDispose(run);
      }
    }
  }

  /**
   * The requests of one plan that joined while it waited for its connection. Sealed when the
   * connection comes (nobody joins after), then the one statement runs and each answer goes to
   * the requests of its key.
   */
  private final class Batch<T> extends BaseSubscriber<Keyed<T>> {
    private final SamePlan plan;
    private final Kind<T> kind;
    /** Guarded by this until sealed; read only by the batch's statement after. */
    private final List<Request<T>> requests = new ArrayList<>();
    private boolean sealed;
    private int live;
    /** The batch queued after this one for the requests it could not take; guarded by this. */
    private @Nullable Batch<T> next;
    private @Nullable Map<Object, List<Request<T>>> byKey;

    Batch(SamePlan plan, Kind<T> kind) {
      this.plan = plan;
      this.kind = kind;
    }

    /** Joins {@code r}, unless the batch is sealed or full, or holds its key already. */
    synchronized boolean add(Request<T> r) {
      if (sealed || requests.size() >= kind.maxKeys() || kind.oncePerKey() && holds(r.key)) {
        return false;
      }
      requests.add(r);
      live++;
      return true;
    }

    /**
     * The batch after this one, made with {@code first} in it and queued at the gate, when there
     * is none yet (else null): behind this one, so that a second write of a key is sent after
     * the first, and never queued empty. Open to the plan's next requests once this one is
     * sealed.
     */
    @Nullable Batch<T> successorWith(Request<T> first) {
      Batch<T> made;
      boolean closed;
      synchronized (this) {
        if (next != null) {
          return null;
        }
        made = new Batch<>(plan, kind);
        made.add(first); // before anyone can see it: nobody's cancel gives it up empty
        next = made;
        closed = sealed;
      }
      if (closed) {
        open.putIfAbsent(plan, made);
      }
      made.start();
      return made;
    }

    /** The batch after this one (one exists when {@link #successorWith} returned null). */
    synchronized @Nullable Batch<T> next() {
      return next;
    }

    /** Whether a request for {@code key} that has not cancelled is in (at most 64 to look at). */
    private boolean holds(Object key) {
      for (Request<T> in : requests) {
        if (!in.cancelled && in.key.equals(key)) {
          return true;
        }
      }
      return false;
    }

    /** A request cancelled: the wait is given up when it was the last one before the seal. */
    void cancelled(Request<T> r) {
      r.cancelled = true;
      boolean giveUp;
      synchronized (this) {
        giveUp = !sealed && --live == 0;
        if (giveUp) {
          sealed = true;
        }
      }
      if (giveUp) {
        handOn();
        dispose();
      }
    }

    /** Nobody joins after this; the plan's next requests join its successor or open another. */
    private void seal() {
      synchronized (this) {
        sealed = true;
      }
      handOn();
    }

    /**
     * The plan's open batch moved past this one and every sealed batch after it. Batches of a
     * plan may seal out of order (their connections come on different threads), so the open one
     * is whichever is first unsealed in the chain, never a sealed one a later request would have
     * to walk past (nor one keeping the chain of every batch since alive). With no open batch,
     * this one's successor takes the place if it is not sealed. In one {@code compute}: a batch
     * that seals meanwhile hands on after this, so it never stays in the place sealed.
     */
    private void handOn() {
      open.compute(plan, (p, head) -> firstOpen(head != null ? head : next()));
    }

    /** Whether nobody joins this batch any more. */
    synchronized boolean sealed() {
      return sealed;
    }

    void start() {
      driver.withConnection(this::statement).subscribe(this);
    }

    /** The batch's statement on the connection that came: nobody joins after this. */
    private Flux<Keyed<T>> statement(Connection c) {
      seal();
      byKey = new LinkedHashMap<>();
      List<Request<T>> distinct = new ArrayList<>();
      for (Request<T> r : requests) {
        if (!r.cancelled) {
          byKey.computeIfAbsent(r.key, k -> {
            distinct.add(r);
            return new ArrayList<>(1);
          }).add(r);
        }
      }
      if (distinct.isEmpty()) {
        return Flux.empty();
      }
      if (distinct.size() == 1) { // the statement the request sends alone
        Request<T> first = distinct.get(0);
        return first.own.apply(c).map(answer -> new Keyed<>(first.key, answer));
      }
      return kind.statement(c, distinct);
    }

    @Override
    @SuppressWarnings("NullAway") // byKey is set by statement() before its rows come
    protected void hookOnNext(Keyed<T> keyed) {
      List<Request<T>> same = byKey.remove(keyed.key());
      if (same != null) {
        for (Request<T> r : same) {
          r.sink.success(keyed.answer());
        }
      }
    }

    @Override
    protected void hookOnComplete() {
      if (byKey == null) {
        return; // given up before the connection came
      }
      T missing = kind.missing();
      for (List<Request<T>> none : byKey.values()) {
        for (Request<T> r : none) {
          r.sink.success(missing);
        }
      }
    }

    @Override
    protected void hookOnError(Throwable error) {
      List<Request<T>> waiting = new ArrayList<>();
      if (byKey != null) {
        byKey.values().forEach(waiting::addAll);
      } else {
        seal(); // failed before its connection came: every request is still waiting
        waiting.addAll(requests);
      }
      boolean shared = kind.shared(error);
      for (Request<T> r : waiting) {
        if (shared) {
          r.sink.error(error);
        } else {
          r.alone();
        }
      }
    }
  }

  /** {@code b}, or the first batch after it that is not sealed, or null when none is. */
  private @Nullable Batch<?> firstOpen(@Nullable Batch<?> b) {
    Batch<?> at = b;
    while (at != null && at.sealed()) {
      at = at.next();
    }
    return at;
  }

  /** {@code n} rounded up to a power of two: as few plans of a batch's statement as sizes. */
  public static int padded(int n) {
    return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
  }
}
