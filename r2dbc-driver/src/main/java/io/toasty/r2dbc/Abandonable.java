package io.toasty.r2dbc;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Lifecycle;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The connections of the driver's pool, each of which can be abandoned: given up for good
 * without another word to its session, because that session stopped answering.
 *
 * <p>Why: r2dbc-mysql sometimes never ends a stream whose server session was killed, and every
 * later request on that connection queues behind it forever: the pool's own release (its
 * {@code Lifecycle.preRelease} runs a ROLLBACK) and even {@code close()} (a COM_QUIT). Released
 * through the pool as usual, such a connection would hold its pool slot for good. An abandoned
 * session fails every call at once, answers {@link Lifecycle#preRelease()} with nothing, and
 * makes the pool's {@code preRelease} hook ({@link #releasable}) fail, on which r2dbc-pool
 * invalidates the connection instead of taking it back; its close is started in the background,
 * bounded, and not waited for (the pool's destroy handler would otherwise wait on it).
 */
final class Abandonable implements ConnectionFactory, Wrapped<ConnectionFactory> {
  /** How long the background close of an abandoned session may take before it is dropped. */
  private static final Duration CLOSE_LIMIT = Duration.ofSeconds(30);

  private final ConnectionFactory delegate;

  Abandonable(ConnectionFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Publisher<? extends Connection> create() {
    return Mono.from(delegate.create()).map(Session::new);
  }

  @Override
  public ConnectionFactoryMetadata getMetadata() {
    return delegate.getMetadata();
  }

  @Override
  public ConnectionFactory unwrap() {
    return delegate;
  }

  /**
   * The pool's {@code preRelease} hook: fails for an abandoned session, which r2dbc-pool then
   * invalidates (drops) instead of taking back.
   */
  static Mono<Void> releasable(Connection pooled) {
    return pooled instanceof Session s && s.abandoned
        ? Mono.error(new IllegalStateException("the session stopped answering: abandoned"))
        : Mono.empty();
  }

  /** Abandons {@code pooled} if it is one of these sessions. */
  static void abandon(Connection pooled) {
    if (pooled instanceof Session s) {
      s.abandoned = true;
    }
  }

  /** One session: everything delegated until it is abandoned. */
  static final class Session implements Connection, Lifecycle, Wrapped<Connection> {
    private final Connection c;
    private volatile boolean abandoned;

    Session(Connection c) {
      this.c = c;
    }

    private <T> Publisher<T> live(Supplier<Publisher<T>> call) {
      return abandoned ? Mono.error(new IllegalStateException(
          "the session stopped answering: abandoned")) : call.get();
    }

    @Override
    public Publisher<Void> postAllocate() {
      return c instanceof Lifecycle l ? l.postAllocate() : Mono.empty();
    }

    @Override
    public Publisher<Void> preRelease() {
      return abandoned || !(c instanceof Lifecycle l) ? Mono.empty() : l.preRelease();
    }

    @Override
    public Publisher<Boolean> validate(ValidationDepth depth) {
      return abandoned ? Mono.just(false) : c.validate(depth);
    }

    @Override
    public Publisher<Void> close() {
      if (!abandoned) {
        return c.close();
      }
      Mono.from(c.close()).timeout(CLOSE_LIMIT).subscribe(null, e -> { });
      return Mono.empty();
    }

    @Override
    public Publisher<Void> beginTransaction() {
      return live(c::beginTransaction);
    }

    @Override
    public Publisher<Void> beginTransaction(TransactionDefinition definition) {
      return live(() -> c.beginTransaction(definition));
    }

    @Override
    public Publisher<Void> commitTransaction() {
      return live(c::commitTransaction);
    }

    @Override
    public Batch createBatch() {
      return c.createBatch();
    }

    @Override
    public Publisher<Void> createSavepoint(String name) {
      return live(() -> c.createSavepoint(name));
    }

    @Override
    public Statement createStatement(String sql) {
      return c.createStatement(sql);
    }

    @Override
    public boolean isAutoCommit() {
      return c.isAutoCommit();
    }

    @Override
    public ConnectionMetadata getMetadata() {
      return c.getMetadata();
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
      return c.getTransactionIsolationLevel();
    }

    @Override
    public Publisher<Void> releaseSavepoint(String name) {
      return live(() -> c.releaseSavepoint(name));
    }

    @Override
    public Publisher<Void> rollbackTransaction() {
      return live(c::rollbackTransaction);
    }

    @Override
    public Publisher<Void> rollbackTransactionToSavepoint(String name) {
      return live(() -> c.rollbackTransactionToSavepoint(name));
    }

    @Override
    public Publisher<Void> setAutoCommit(boolean autoCommit) {
      return live(() -> c.setAutoCommit(autoCommit));
    }

    @Override
    public Publisher<Void> setLockWaitTimeout(Duration timeout) {
      return live(() -> c.setLockWaitTimeout(timeout));
    }

    @Override
    public Publisher<Void> setStatementTimeout(Duration timeout) {
      return live(() -> c.setStatementTimeout(timeout));
    }

    @Override
    public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
      return live(() -> c.setTransactionIsolationLevel(level));
    }

    @Override
    public Connection unwrap() {
      return c;
    }
  }
}
