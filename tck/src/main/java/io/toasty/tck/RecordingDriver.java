package io.toasty.tck;

import io.toasty.driver.Capability;
import io.toasty.driver.ChangeNotice;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.driver.OperationText;
import io.toasty.driver.PoolState;
import io.toasty.driver.SchemaUpgrade;
import io.toasty.value.RowReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A driver decorator that records every operation and its outcome in an {@link OperationLog},
 * and fails operations on request. Install it with
 * {@code Toasty.builder().wrapDriver(d -> new RecordingDriver(d, log))}.
 */
public final class RecordingDriver implements Driver {
  private final Driver delegate;
  private final OperationLog log;
  private final Dirt dirt;

  /** A recorder of {@code delegate}'s operations into {@code log}. */
  public RecordingDriver(Driver delegate, OperationLog log) {
    this(delegate, log, new Dirt());
  }

  /** A recorder that also tells {@code dirt} what may leave the database unlike a fresh one. */
  RecordingDriver(Driver delegate, OperationLog log, Dirt dirt) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.log = Objects.requireNonNull(log, "log");
    this.dirt = Objects.requireNonNull(dirt, "dirt");
  }

  /** The log this driver records into. */
  public OperationLog log() {
    return log;
  }

  /** See {@link OperationLog#failNext(Predicate, RuntimeException)}. */
  public void failNext(Predicate<Operation> when, RuntimeException error) {
    log.failNext(when, error);
  }

  @Override
  public Capability capability() {
    return delegate.capability();
  }

  @Override
  public boolean pipelinesReads() {
    return delegate.pipelinesReads();
  }

  @Override
  public Mono<Connection> connect() {
    return Mono.defer(() -> {
      RuntimeException fault = log.takeConnectFault();
      if (fault != null) {
        return Mono.error(fault);
      }
      return delegate.connect().map(c -> {
        log.connectionAcquired();
        return new RecordingConnection(c);
      });
    });
  }

  @Override
  public Mono<Void> pushSchema() {
    dirt.mark("schema push");
    return delegate.pushSchema();
  }

  @Override
  public Optional<PoolState> poolState() {
    return delegate.poolState();
  }

  @Override
  public Mono<List<SchemaUpgrade>> schemaUpgrades() {
    return delegate.schemaUpgrades();
  }

  @Override
  public Mono<Void> resetSchema() {
    dirt.mark("schema reset");
    return delegate.resetSchema();
  }

  @Override
  public Optional<OperationText> operationText() {
    return delegate.operationText();
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return Optional.of(type.cast(this));
    }
    // the backend's own driver serves migrations and probes, which the log does not see
    dirt.mark("driver unwrapped");
    return delegate.unwrap(type);
  }

  @Override
  public Flux<ChangeNotice> changes(String model, @Nullable String after) {
    return delegate.changes(model, after);
  }

  @Override
  public Mono<Void> close() {
    return delegate.close();
  }

  @Override
  public String toString() {
    return "RecordingDriver[" + delegate + "]";
  }

  /** One recorded connection; releases are counted once however often close is called. */
  private final class RecordingConnection implements Connection {
    private final Connection delegate;
    private final AtomicBoolean closed = new AtomicBoolean();

    RecordingConnection(Connection delegate) {
      this.delegate = delegate;
    }

    @Override
    public Mono<ExecResponse> exec(Operation operation) {
      Objects.requireNonNull(operation, "operation");
      return Mono.defer(() -> {
        RuntimeException fault = log.takeFault(operation);
        if (fault != null) {
          log.record(operation, true).complete(new OperationLog.Outcome.Failed(fault));
          return Mono.error(fault);
        }
        OperationLog.Entry entry = log.record(operation, dirt.sent(operation));
        return delegate.exec(operation)
            .map(response -> observe(entry, response))
            .doOnError(e -> entry.complete(new OperationLog.Outcome.Failed(e)));
      });
    }

    /** A typed read, recorded as {@link #exec} records it, so the engine's fast path is tested. */
    @Override
    public <T> Flux<T> read(Operation.QuerySql query, int[] fields,
        RowReader<T> reader) {
      return recorded(query, () -> delegate.read(query, fields, reader));
    }

    /**
     * A collected read, recorded as {@link #read} records it (its rows counted from the list),
     * so that the driver's own list is what runs.
     */
    @Override
    public <T> Mono<List<T>> readAll(Operation.QuerySql query, int[] fields,
        RowReader<T> reader) {
      return recorded(query, () -> delegate.readAll(query, fields, reader)
          .flatMapIterable(records -> records)).collectList();
    }

    /** {@code rows} of {@code query}, recorded; a fault queued for it fails it unsent. */
    private <T> Flux<T> recorded(Operation.QuerySql query, Supplier<Flux<T>> rows) {
      Objects.requireNonNull(query, "query");
      return Flux.defer(() -> {
        RuntimeException fault = log.takeFault(query);
        if (fault != null) {
          log.record(query, true).complete(new OperationLog.Outcome.Failed(fault));
          return Flux.error(fault);
        }
        return observed(log.record(query, dirt.sent(query)), rows.get());
      });
    }

    /**
     * Reads sent together, each recorded as {@link #read} records it (a fault queued for any
     * fails them all, as a failed pipeline does), so that a driver's pipeline is what runs.
     */
    @Override
    public <T> Flux<List<T>> readEach(List<Operation.QuerySql> queries, int[] fields,
        RowReader<T> reader) {
      return Flux.defer(() -> {
        RuntimeException fault = null;
        for (Operation.QuerySql q : queries) {
          RuntimeException own = log.takeFault(q);
          fault = fault != null ? fault : own;
        }
        if (fault != null) {
          for (Operation.QuerySql q : queries) {
            log.record(q, true).complete(new OperationLog.Outcome.Failed(fault));
          }
          return Flux.error(fault);
        }
        List<OperationLog.Entry> entries = new ArrayList<>(queries.size());
        for (Operation.QuerySql q : queries) {
          entries.add(log.record(q, dirt.sent(q)));
        }
        int[] at = {0};
        return delegate.readEach(queries, fields, reader)
            .doOnNext(records -> entries.get(at[0]++)
                .complete(new OperationLog.Outcome.Rows(records.size())))
            .doOnError(e -> entries.subList(at[0], entries.size())
                .forEach(entry -> entry.complete(new OperationLog.Outcome.Failed(e))))
            .doOnCancel(() -> entries.subList(at[0], entries.size())
                .forEach(entry -> entry.complete(new OperationLog.Outcome.Cancelled(0))));
      });
    }

    private static <T> Flux<T> observed(OperationLog.Entry entry, Flux<T> rows) {
      AtomicLong seen = new AtomicLong();
      return rows
          .doOnNext(r -> seen.incrementAndGet())
          .doOnComplete(() -> entry.complete(new OperationLog.Outcome.Rows(seen.get())))
          .doOnError(e -> entry.complete(new OperationLog.Outcome.Failed(e)))
          .doOnCancel(() -> entry.complete(new OperationLog.Outcome.Cancelled(seen.get())));
    }

    private ExecResponse observe(OperationLog.Entry entry, ExecResponse response) {
      if (response instanceof ExecResponse.Count c) {
        entry.complete(new OperationLog.Outcome.Count(c.count()));
        return response;
      }
      if (response instanceof ExecResponse.Each each) {
        entry.complete(new OperationLog.Outcome.Count(each.responses().size()));
        return response;
      }
      return new ExecResponse.Rows(observed(entry, ((ExecResponse.Rows) response).rows()));
    }

    @Override
    public Mono<Void> close() {
      return delegate.close().doFinally(s -> {
        if (closed.compareAndSet(false, true)) {
          log.connectionReleased();
        }
      });
    }
  }
}
