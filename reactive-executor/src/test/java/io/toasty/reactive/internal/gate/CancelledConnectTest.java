package io.toasty.reactive.internal.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A request cancelled while its connection is on its way keeps its permit until that connection
 * is back: a permit given back at the cancel would serve another request while the late
 * connection is still out, and the gate would hand out more permits than the pool has
 * connections. Each path that connects under a permit: the one-connection fast path, a plan's
 * lease, and {@code connect()}.
 */
class CancelledConnectTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void theFastPathKeepsItsPermitUntilTheLateConnectionIsBack() {
    Pending pool = new Pending(2);
    GatedDriver driver = new GatedDriver(pool, WAIT);
    Disposable run = driver.withConnection(c -> Flux.just(1)).subscribe();
    assertEquals(1, driver.borrowedAtOnce());
    run.dispose();
    assertEquals(1, driver.gate().free(), "the permit waits for the connection");
    pool.deliver(0);
    assertEquals(List.of(0), pool.closed);
    assertEquals(2, driver.gate().free());
  }

  @Test
  void aLeaseKeepsItsPermitsUntilTheLateConnectionIsBack() {
    Pending pool = new Pending(2);
    GatedDriver driver = new GatedDriver(pool, WAIT);
    Lease lease = driver.lease(2).block(WAIT);
    Disposable connecting = lease.connect().subscribe();
    assertEquals(1, pool.connects.size(), "the first connect is under way");
    connecting.dispose();
    lease.close().block(WAIT);
    assertEquals(0, driver.gate().free(), "the permits wait for the connection");
    pool.deliver(0);
    assertEquals(List.of(0), pool.closed);
    assertEquals(2, driver.gate().free());
    assertEquals(1, pool.connects.size(), "no second connect after the cancel");
  }

  @Test
  void aLeaseWhoseLateConnectFailsGivesItsPermitsBackThen() {
    Pending pool = new Pending(2);
    GatedDriver driver = new GatedDriver(pool, WAIT);
    Lease lease = driver.lease(2).block(WAIT);
    Disposable connecting = lease.connect().subscribe();
    connecting.dispose();
    lease.close().block(WAIT);
    assertEquals(0, driver.gate().free());
    pool.connects.get(0).tryEmitError(new IllegalStateException("refused"));
    assertEquals(2, driver.gate().free());
  }

  @Test
  void connectKeepsItsPermitUntilTheLateConnectionIsBack() {
    Pending pool = new Pending(2);
    GatedDriver driver = new GatedDriver(pool, WAIT);
    Disposable connecting = driver.connect().subscribe();
    assertEquals(1, pool.connects.size());
    connecting.dispose();
    assertEquals(1, driver.gate().free(), "the permit waits for the connection");
    pool.deliver(0);
    assertEquals(List.of(0), pool.closed);
    assertEquals(2, driver.gate().free());
  }

  /** A pool whose connects are answered by the test, in order, through {@link #deliver}. */
  private static final class Pending extends CountedPool {
    final List<Sinks.One<Connection>> connects = new CopyOnWriteArrayList<>();
    final List<Integer> closed = new CopyOnWriteArrayList<>();

    Pending(int size) {
      super(size);
    }

    void deliver(int i) {
      out.incrementAndGet();
      connects.get(i).tryEmitValue(new Numbered(i));
    }

    @Override
    public Mono<Connection> connect() {
      return Mono.defer(() -> {
        Sinks.One<Connection> sink = Sinks.one();
        connects.add(sink);
        return sink.asMono();
      });
    }

    private final class Numbered implements Connection {
      private final int number;

      Numbered(int number) {
        this.number = number;
      }

      @Override
      public Mono<ExecResponse> exec(Operation operation) {
        return Mono.error(new UnsupportedOperationException());
      }

      @Override
      public Mono<Void> close() {
        return Mono.fromRunnable(() -> {
          out.decrementAndGet();
          closed.add(number);
        });
      }
    }
  }
}
