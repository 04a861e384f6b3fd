package io.toasty.spring;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
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
 * A pooled connection taken under a permit of the {@code Db}'s connection gate
 * ({@link QueuedConnectionFactory}): everything is the pooled connection's, and closing it gives
 * the permit back once the connection is back in the pool.
 */
final class PermittedConnection implements Connection, Wrapped<Connection> {
  private final Connection pooled;
  private final Runnable release;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param pooled the pool's connection
   * @param release gives the gate's permit back (does nothing when there was none)
   */
  PermittedConnection(Connection pooled, Runnable release) {
    this.pooled = pooled;
    this.release = release;
  }

  /** Gives the pooled connection back, then the permit; later calls do nothing. */
  @Override
  public Publisher<Void> close() {
    return Mono.defer(() -> closed.compareAndSet(false, true)
        ? Mono.from(pooled.close()).doFinally(s -> release.run()) : Mono.empty());
  }

  /**
   * Rolls back what its holder may have begun, then closes it: for a connection whose holder
   * gave it up while beginning a transaction ({@link QueuedConnectionFactory}). A driver decides
   * whether to send a ROLLBACK from the transaction state the server last reported, so a
   * ROLLBACK asked while the BEGIN is still unanswered was skipped, and the pool took back a
   * connection whose transaction began after the release: the writes of its next borrower were
   * never committed ({@code TransactionQueueContract
   * #aTransactionCancelledWhileItBeginsLeavesNoTransactionOpen}). A remote validation first is
   * a round trip answered after the BEGIN, so the driver's ROLLBACK then sees the transaction.
   */
  Mono<Void> giveBack() {
    return Mono.defer(() -> Mono.from(pooled.validate(ValidationDepth.REMOTE)))
        .onErrorResume(e -> Mono.empty())
        .then(Mono.defer(() -> Mono.from(pooled.rollbackTransaction())))
        .onErrorResume(e -> Mono.empty())
        .then(Mono.defer(() -> Mono.from(close())));
  }

  @Override
  public Publisher<Void> beginTransaction() {
    return pooled.beginTransaction();
  }

  @Override
  public Publisher<Void> beginTransaction(TransactionDefinition definition) {
    return pooled.beginTransaction(definition);
  }

  @Override
  public Publisher<Void> commitTransaction() {
    return pooled.commitTransaction();
  }

  @Override
  public Batch createBatch() {
    return pooled.createBatch();
  }

  @Override
  public Publisher<Void> createSavepoint(String name) {
    return pooled.createSavepoint(name);
  }

  @Override
  public Statement createStatement(String sql) {
    return pooled.createStatement(sql);
  }

  @Override
  public boolean isAutoCommit() {
    return pooled.isAutoCommit();
  }

  @Override
  public ConnectionMetadata getMetadata() {
    return pooled.getMetadata();
  }

  @Override
  public IsolationLevel getTransactionIsolationLevel() {
    return pooled.getTransactionIsolationLevel();
  }

  @Override
  public Publisher<Void> releaseSavepoint(String name) {
    return pooled.releaseSavepoint(name);
  }

  @Override
  public Publisher<Void> rollbackTransaction() {
    return pooled.rollbackTransaction();
  }

  @Override
  public Publisher<Void> rollbackTransactionToSavepoint(String name) {
    return pooled.rollbackTransactionToSavepoint(name);
  }

  @Override
  public Publisher<Void> setAutoCommit(boolean autoCommit) {
    return pooled.setAutoCommit(autoCommit);
  }

  @Override
  public Publisher<Void> setLockWaitTimeout(Duration timeout) {
    return pooled.setLockWaitTimeout(timeout);
  }

  @Override
  public Publisher<Void> setStatementTimeout(Duration timeout) {
    return pooled.setStatementTimeout(timeout);
  }

  @Override
  public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
    return pooled.setTransactionIsolationLevel(level);
  }

  @Override
  public Publisher<Boolean> validate(ValidationDepth depth) {
    return pooled.validate(depth);
  }

  @Override
  public Connection unwrap() {
    return pooled;
  }
}
