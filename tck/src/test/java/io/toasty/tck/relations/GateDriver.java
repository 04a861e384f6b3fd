package io.toasty.tck.relations;

import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.driver.PoolState;
import java.util.Optional;
import io.toasty.stmt.Source;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A driver wrapper that holds back the answer to every query on the gated tables until
 * {@code parties} of them have been sent: if the engine sent them one after the other, the first
 * would never be answered (and the test times out); if it sends them together, all pass. Records
 * the most queries on gated tables that were in flight at once.
 */
final class GateDriver implements Driver {
  private final Driver delegate;
  private final Set<String> tables;
  private final int parties;
  private final AtomicInteger arrived = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final Sinks.Empty<Void> open = Sinks.empty();
  final Set<String> sentBeforeOpen = ConcurrentHashMap.newKeySet();

  GateDriver(Driver delegate, Set<String> tables, int parties) {
    this.delegate = delegate;
    this.tables = tables;
    this.parties = parties;
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  @Override
  public Capability capability() {
    return delegate.capability();
  }

  @Override
  public Mono<Connection> connect() {
    return delegate.connect().map(GatedConnection::new);
  }

  @Override
  public Mono<Void> pushSchema() {
    return delegate.pushSchema();
  }

  @Override
  public Optional<PoolState> poolState() {
    return delegate.poolState();
  }

  @Override
  public Mono<Void> resetSchema() {
    return delegate.resetSchema();
  }

  @Override
  public Mono<Void> close() {
    return delegate.close();
  }

  private final class GatedConnection implements Connection {
    private final Connection c;

    GatedConnection(Connection c) {
      this.c = c;
    }

    @Override
    public Mono<ExecResponse> exec(Operation op) {
      String table = op instanceof Operation.QuerySql q
          && q.statement().source() instanceof Source.Table t ? t.table() : null;
      if (table == null || !tables.contains(table)) {
        return c.exec(op);
      }
      return Mono.defer(() -> {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        sentBeforeOpen.add(table);
        if (arrived.incrementAndGet() >= parties) {
          open.tryEmitEmpty();
        }
        return open.asMono().timeout(Duration.ofSeconds(5))
            .then(c.exec(op))
            .doFinally(s -> inFlight.decrementAndGet());
      });
    }

    @Override
    public Mono<Void> close() {
      return c.close();
    }
  }
}
