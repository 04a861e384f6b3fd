package io.toasty.r2dbc.pool;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Connections of an embedded database (H2 in the same JVM) whose local validation asks whether
 * the connection was closed instead of asking the database.
 *
 * <p>Why: r2dbc-pool validates a connection with {@code validate(LOCAL)} when it hands it out and
 * when it takes it back, and r2dbc-h2 answers that by running {@code SELECT CURRENT_TIMESTAMP}
 * (parse, plan, execute): two of the three statements of every single-statement operation, and
 * 8.7 KB of a get-by-key's 19.7 KB (docs/design/performance.md). An in-process session has no socket
 * to lose; it ends only when closed, which this wrapper sees. {@code REMOTE} validation still
 * goes to the database.
 */
public final class LocallyValidated implements ConnectionFactory, Wrapped<ConnectionFactory> {
  private final ConnectionFactory delegate;

  public LocallyValidated(ConnectionFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Publisher<? extends Connection> create() {
    return Mono.from(delegate.create()).map(LocalConnection::new);
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
   * Whether {@code pooled} (a pool's wrapper, or the connection itself) is a session of an
   * embedded database, which cannot stop answering: its statements always return.
   */
  public static boolean embedded(Connection pooled) {
    return pooled instanceof LocalConnection
        || pooled instanceof Wrapped<?> w && w.unwrap() instanceof LocalConnection;
  }

  /** One connection: everything delegated, local validation answered here. */
  private static final class LocalConnection implements Connection, Wrapped<Connection> {
    private final Connection c;
    private final AtomicBoolean closed = new AtomicBoolean();

    LocalConnection(Connection c) {
      this.c = c;
    }

    @Override
    public Publisher<Boolean> validate(ValidationDepth depth) {
      return depth == ValidationDepth.LOCAL ? Mono.just(!closed.get()) : c.validate(depth);
    }

    @Override
    public Publisher<Void> close() {
      closed.set(true);
      return c.close();
    }

    @Override
    public Publisher<Void> beginTransaction() {
      return c.beginTransaction();
    }

    @Override
    public Publisher<Void> beginTransaction(TransactionDefinition definition) {
      return c.beginTransaction(definition);
    }

    @Override
    public Publisher<Void> commitTransaction() {
      return c.commitTransaction();
    }

    @Override
    public Batch createBatch() {
      return c.createBatch();
    }

    @Override
    public Publisher<Void> createSavepoint(String name) {
      return c.createSavepoint(name);
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
      return c.releaseSavepoint(name);
    }

    @Override
    public Publisher<Void> rollbackTransaction() {
      return c.rollbackTransaction();
    }

    @Override
    public Publisher<Void> rollbackTransactionToSavepoint(String name) {
      return c.rollbackTransactionToSavepoint(name);
    }

    @Override
    public Publisher<Void> setAutoCommit(boolean autoCommit) {
      return c.setAutoCommit(autoCommit);
    }

    @Override
    public Publisher<Void> setLockWaitTimeout(Duration timeout) {
      return c.setLockWaitTimeout(timeout);
    }

    @Override
    public Publisher<Void> setStatementTimeout(Duration timeout) {
      return c.setStatementTimeout(timeout);
    }

    @Override
    public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
      return c.setTransactionIsolationLevel(level);
    }

    @Override
    public Connection unwrap() {
      return c;
    }
  }
}
