package io.toasty.reactive;

import io.toasty.PoolTimeoutException;
import io.toasty.driver.Connection;
import io.toasty.planner.action.DirectRead;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Query;
import io.toasty.schema.app.FieldSchema;
import io.toasty.value.RowReader;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Gets by key that wait for a connection at the same time, answered by one query: while the
 * pool's permits are all out, the first {@link KeyGet} of a plan queues at the gate as a batch,
 * and the gets of the same plan that come before it has its connection join it; when the
 * connection comes, the batch reads every key it holds with one {@code key IN (..)} and hands
 * each request its record.
 *
 * <p>Why: a WebFlux service under load runs many gets by key at once (a user, a post, by the
 * path's id), and on a saturated pool each waits its turn for one round trip and one statement
 * the database parses, plans and commits alone. Answered together they cost the database and the
 * driver one statement for several, and no request waits longer than it would have alone: it was
 * to queue behind the batch anyway. A pool with a permit free never batches.
 *
 * <p>What a request sees is what its own query would have given at that moment (a read at READ
 * COMMITTED or stronger, outside a transaction, of rows no statement of its own is writing): its
 * record, or none. When the batch fails, every request still waiting runs its own query, so an
 * error (a row its field cannot hold, a lost connection) is the one its own query meets; a pool
 * timeout, which every request of the batch met by waiting in the same queue, is handed to all.
 */
final class KeyGets {
  /** Keys one batch reads at most: well within every database's bind markers. */
  static final int MAX_KEYS = 64;

  private final GatedDriver driver;
  private final Function<Query, Db.Bound> binder;
  /** The batches waiting for their connection, by plan. */
  private final Map<Same, Batch<?>> open = new ConcurrentHashMap<>();

  /**
   * @param binder plans a query and binds its values, as the {@code Db} runs it
   */
  KeyGets(GatedDriver driver, Function<Query, Db.Bound> binder) {
    this.driver = driver;
    this.binder = binder;
  }

  /**
   * Whether a get of {@code plan} would wait now: the pool has no permit free, or a batch of
   * such gets waits. Asked before anything is made for the get, so that a pool with a
   * connection free costs a get no more than this.
   */
  boolean saturated(Object plan) {
    ConnectionGate gate = driver.gate();
    return gate != null
        && (gate.free() == 0 || !open.isEmpty() && open.containsKey(new Same(plan)));
  }

  /**
   * The record of {@code get}, which {@link #saturated} said would wait: from a batch of gets
   * of {@code plan}, or from {@code own}, the request's own query on a connection: when the
   * batch holds no other key (then on the batch's connection), or when the batch's query fails
   * (then on a connection of its own).
   */
  <M> Flux<M> read(Object plan, KeyGet get, Query query, io.toasty.ModelDef<M> model,
      RowReader<M> reader, Function<Connection, Flux<M>> own) {
    Same key = new Same(plan);
    return Mono.<M>create(sink -> join(new Joiner<>(get.key(), get.value(), sink, own), key,
        query, model, reader, get.field())).flux();
  }

  private <M> void join(Joiner<M> j, Same plan, Query query, io.toasty.ModelDef<M> model,
      RowReader<M> reader, int field) {
    for (;;) {
      @SuppressWarnings("unchecked")
      Batch<M> b = (Batch<M>) open.get(plan);
      if (b != null) {
        if (b.add(j)) {
          j.sink.onCancel(() -> b.cancelled(j));
          return;
        }
        open.remove(plan, b); // sealed or full: the next ones make another
        continue;
      }
      Batch<M> fresh = new Batch<>(plan, query, model, reader, field);
      fresh.add(j);
      if (open.putIfAbsent(plan, fresh) == null) {
        j.sink.onCancel(() -> fresh.cancelled(j));
        fresh.start();
        return;
      }
    }
  }

  /** One request of a batch. */
  private final class Joiner<M> {
    final Object key;
    final Value value;
    final MonoSink<M> sink;
    final Function<Connection, Flux<M>> own;
    volatile boolean cancelled;

    Joiner(Object key, Value value, MonoSink<M> sink, Function<Connection, Flux<M>> own) {
      this.key = key;
      this.value = value;
      this.sink = sink;
      this.own = own;
    }

    /** Its own query on a connection of its own, in place of the batch's. */
    void alone() {
      if (!cancelled) {
        Disposable run = driver.withConnection(own).next().subscribe(sink::success,
            sink::error, () -> sink.success());
        sink.onDispose(run);
      }
    }
  }

  /**
   * The gets of one plan that joined while it waited for its connection. Sealed when the
   * connection comes (nobody joins after), then the one query runs and each record goes to the
   * requests of its key.
   */
  private final class Batch<M> extends BaseSubscriber<KeyGets.Row<M>> {
    private final Same plan;
    private final Query query;
    private final io.toasty.ModelDef<M> model;
    private final RowReader<M> reader;
    private final int field;
    /** Guarded by this until sealed; read only by the batch's query after. */
    private final List<Joiner<M>> joiners = new ArrayList<>();
    private boolean sealed;
    private int live;
    private Map<Object, List<Joiner<M>>> byKey;

    Batch(Same plan, Query query, io.toasty.ModelDef<M> model, RowReader<M> reader,
        int field) {
      this.plan = plan;
      this.query = query;
      this.model = model;
      this.reader = reader;
      this.field = field;
    }

    /** Joins {@code j}, or false when the batch is sealed or full. */
    synchronized boolean add(Joiner<M> j) {
      if (sealed || joiners.size() >= MAX_KEYS) {
        return false;
      }
      joiners.add(j);
      live++;
      return true;
    }

    /** A request cancelled: the wait is given up when it was the last one before the seal. */
    void cancelled(Joiner<M> j) {
      j.cancelled = true;
      boolean giveUp;
      synchronized (this) {
        giveUp = !sealed && --live == 0;
        if (giveUp) {
          sealed = true;
        }
      }
      if (giveUp) {
        open.remove(plan, this);
        dispose();
      }
    }

    /** Nobody joins after this; the next gets of the plan open another batch. */
    private void seal() {
      synchronized (this) {
        sealed = true;
      }
      open.remove(plan, this);
    }

    void start() {
      driver.withConnection(this::query).subscribe(this);
    }

    /** The batch's query on the connection that came: nobody joins after this. */
    private Flux<Row<M>> query(Connection c) {
      seal();
      byKey = new LinkedHashMap<>();
      for (Joiner<M> j : joiners) {
        if (!j.cancelled) {
          byKey.computeIfAbsent(j.key, k -> new ArrayList<>(1)).add(j);
        }
      }
      if (byKey.isEmpty()) {
        return Flux.empty();
      }
      if (byKey.size() == 1) { // the statement the get sends alone
        Joiner<M> first = byKey.values().iterator().next().get(0);
        return first.own.apply(c).map(record -> new Row<>(first.key, record));
      }
      int size = padded(byKey.size());
      List<Expr> items = new ArrayList<>(size);
      for (List<Joiner<M>> same : byKey.values()) {
        items.add(new Expr.Const(same.get(0).value));
      }
      while (items.size() < size) {
        items.add(items.get(items.size() - 1)); // as few plans as powers of two
      }
      Db.Bound bound = binder.apply(query.withFilter(
          new Expr.InList(new Expr.Field(model.name(), field), items)));
      DirectRead direct = bound.plan().direct();
      if (direct == null) {
        return Flux.error(new IllegalStateException("a batch of gets planned no direct read"));
      }
      int column = direct.fields()[field];
      FieldSchema key = model.schema().field(field);
      return c.read(direct.operation(bound.args()), direct.fields(), row -> {
        M record = reader.read(row);
        return new Row<>(KeyGet.routed(row.value(column, key.type()), key), record);
      });
    }

    @Override
    protected void hookOnNext(Row<M> row) {
      List<Joiner<M>> same = byKey.remove(row.key);
      if (same != null) {
        for (Joiner<M> j : same) {
          j.sink.success(row.record);
        }
      }
    }

    @Override
    protected void hookOnComplete() {
      if (byKey == null) {
        return; // given up before the connection came
      }
      for (List<Joiner<M>> missing : byKey.values()) {
        for (Joiner<M> j : missing) {
          j.sink.success();
        }
      }
    }

    @Override
    protected void hookOnError(Throwable error) {
      List<Joiner<M>> waiting = new ArrayList<>();
      if (byKey != null) {
        byKey.values().forEach(waiting::addAll);
      } else {
        seal(); // failed before its connection came: every request is still waiting
        waiting.addAll(joiners);
      }
      for (Joiner<M> j : waiting) {
        if (error instanceof PoolTimeoutException) {
          j.sink.error(error);
        } else {
          j.alone();
        }
      }
    }
  }

  /**
   * A plan as the batches' key, by identity: a plan is a record whose equality walks its whole
   * statement, and the plan cache hands every get of one shape the same instance.
   */
  private static final class Same {
    private final Object plan;

    Same(Object plan) {
      this.plan = plan;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Same s && s.plan == plan;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(plan);
    }
  }

  /** A record of a batch's query with its key as routing compares it. */
  private record Row<M>(Object key, M record) {}

  /** {@code n} rounded up to a power of two. */
  static int padded(int n) {
    return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
  }
}
