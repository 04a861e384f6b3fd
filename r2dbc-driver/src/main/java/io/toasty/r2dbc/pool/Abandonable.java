package io.toasty.r2dbc.pool;

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
 *
 * <p>A session also decides how deeply the pool's check looks at it when it is lent
 * ({@link #REMOTE_AFTER_IDLE}): r2dbc-pool asks every connection {@code validate(LOCAL)} when it
 * lends it and when it takes it back. A session that sat idle longer than the bound answers the
 * lend's check with a round trip ({@code REMOTE}), since its server may have ended it without a
 * word the client could read (a failover, a NAT that forgot it); one lent again soon after its
 * release only looks at its socket, which saves a round trip on nearly every statement of a busy
 * pool (docs/design/performance.md). A session the server ended a moment ago can pass that look:
 * the engine runs a statement that fails on it again on another connection
 * ({@code DbBuilder.retryLostReads}).
 */
public final class Abandonable implements ConnectionFactory, Wrapped<ConnectionFactory> {
  /** How long the background close of an abandoned session may take before it is dropped. */
  private static final Duration CLOSE_LIMIT = Duration.ofSeconds(30);

  /**
   * How long a session may sit idle in the pool and still be lent after a look at its socket
   * alone; HikariCP's bound for the same choice (its {@code aliveBypassWindowMs}).
   */
  static final Duration REMOTE_AFTER_IDLE = Duration.ofMillis(500);

  private final ConnectionFactory delegate;
  /** {@link #REMOTE_AFTER_IDLE} in nanoseconds, or -1 when a lend never checks remotely. */
  private final long remoteAfterIdleNanos;

  /** Sessions whose lend checks remotely after {@link #REMOTE_AFTER_IDLE}. */
  public Abandonable(ConnectionFactory delegate) {
    this(delegate, true);
  }

  /** Sessions whose lend checks remotely after an idle while if {@code remoteWhenIdle}. */
  public Abandonable(ConnectionFactory delegate, boolean remoteWhenIdle) {
    this(delegate, remoteWhenIdle ? REMOTE_AFTER_IDLE.toNanos() : -1);
  }

  /** Sessions whose lend checks remotely after {@code remoteAfterIdleNanos}, never if -1. */
  Abandonable(ConnectionFactory delegate, long remoteAfterIdleNanos) {
    this.delegate = delegate;
    this.remoteAfterIdleNanos = remoteAfterIdleNanos;
  }

  @Override
  public Publisher<? extends Connection> create() {
    return Mono.from(delegate.create()).map(c -> new Session(c, remoteAfterIdleNanos));
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
  public static Mono<Void> releasable(Connection pooled) {
    return pooled instanceof Session s && s.abandoned
        ? Mono.error(new IllegalStateException("the session stopped answering: abandoned"))
        : Mono.empty();
  }

  /** Whether {@code connection} is one of these sessions (whose close never waits). */
  public static boolean isSession(Object connection) {
    return connection instanceof Session;
  }

  /** Abandons {@code pooled} if it is one of these sessions. */
  public static void abandon(Connection pooled) {
    if (pooled instanceof Session s) {
      s.abandoned = true;
    }
  }

  /** One session: everything delegated until it is abandoned. */
  static final class Session implements Connection, Lifecycle, Wrapped<Connection> {
    private final Connection c;
    private final long remoteAfterIdleNanos;
    private volatile boolean abandoned;
    /**
     * Whether the pool is lending the session: set by {@link #postAllocate()}, which r2dbc-pool
     * runs on every lend just before the lend's validation, so that validation can be told from
     * the one on the way back.
     */
    private volatile boolean lending;
    /** When the pool last took the session back ({@link System#nanoTime()}). */
    private volatile long idleSince = System.nanoTime();

    Session(Connection c, long remoteAfterIdleNanos) {
      this.c = c;
      this.remoteAfterIdleNanos = remoteAfterIdleNanos;
    }

    private <T> Publisher<T> live(Supplier<Publisher<T>> call) {
      return abandoned ? Mono.error(new IllegalStateException(
          "the session stopped answering: abandoned")) : call.get();
    }

    @Override
    public Publisher<Void> postAllocate() {
      lending = true;
      return c instanceof Lifecycle l ? l.postAllocate() : Mono.empty();
    }

    @Override
    public Publisher<Void> preRelease() {
      return abandoned || !(c instanceof Lifecycle l) ? Mono.empty() : l.preRelease();
    }

    /**
     * The pool's check: a lend's {@code LOCAL} check made {@code REMOTE} when the session sat
     * idle longer than the bound; the check on the way back starts the idle clock.
     */
    @Override
    public Publisher<Boolean> validate(ValidationDepth depth) {
      if (abandoned) {
        return Mono.just(false);
      }
      if (remoteAfterIdleNanos < 0) {
        return c.validate(depth);
      }
      long now = System.nanoTime();
      if (!lending) {
        idleSince = now;
      } else {
        lending = false;
        if (depth == ValidationDepth.LOCAL && now - idleSince > remoteAfterIdleNanos) {
          return c.validate(ValidationDepth.REMOTE);
        }
      }
      return c.validate(depth);
    }

    /**
     * The session is used: the lend's check, if any, is past (a pool that checks with a query
     * of its own asks no {@link #validate}, and the next one is on the way back).
     */
    private void used() {
      if (lending) {
        lending = false;
      }
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
      used();
      return live(c::beginTransaction);
    }

    @Override
    public Publisher<Void> beginTransaction(TransactionDefinition definition) {
      used();
      return live(() -> c.beginTransaction(definition));
    }

    @Override
    public Publisher<Void> commitTransaction() {
      return live(c::commitTransaction);
    }

    @Override
    public Batch createBatch() {
      used();
      return c.createBatch();
    }

    @Override
    public Publisher<Void> createSavepoint(String name) {
      return live(() -> c.createSavepoint(name));
    }

    @Override
    public Statement createStatement(String sql) {
      used();
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
