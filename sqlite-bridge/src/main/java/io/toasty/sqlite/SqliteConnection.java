package io.toasty.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An R2DBC connection over one sqlite-jdbc connection. Every JDBC call runs on the database's
 * bridge thread ({@link BridgeWorker}); the state below is written there and read anywhere.
 *
 * <h2>Transactions</h2>
 * A read-write transaction ({@link #beginTransaction()}, or the first statement after
 * {@code setAutoCommit(false)}) waits for the database's write permit ({@link WriteLock}) and
 * runs {@code BEGIN IMMEDIATE}; it holds the permit until COMMIT or ROLLBACK, so transactions of
 * one database run one after another and never fail with {@code SQLITE_BUSY} between
 * themselves. A write outside a transaction holds the permit for its one statement. A read-only
 * transaction runs {@code BEGIN DEFERRED} with {@code PRAGMA query_only} and needs no permit.
 *
 * <p>Isolation: SQLite transactions are serializable. {@code READ_UNCOMMITTED} turns on
 * {@code PRAGMA read_uncommitted}, which matters only for the shared cache of an in-memory
 * database (a reader then does not wait for a writer's table locks); every other level is
 * served as {@code SERIALIZABLE}, which is what {@link #getTransactionIsolationLevel()} reports.
 *
 * <p>Closing the connection rolls back an open transaction and closes its cursors.
 */
final class SqliteConnection implements Connection {
  private static final Object[] NO_VALUES = new Object[0];
  private static final TransactionDefinition DEFAULT_TRANSACTION = new TransactionDefinition() {
    @Override
    public <T> @Nullable T getAttribute(Option<T> option) {
      return null;
    }
  };

  private final Database database;
  private final BridgeWorker worker;
  private final JdbcSession session;
  private final SqliteConfiguration config;
  private final SqliteConnectionMetadata metadata;
  private final AtomicBoolean closed = new AtomicBoolean();

  private volatile boolean autoCommit = true;
  private volatile boolean inTransaction;
  private volatile WriteLock.@Nullable Permit transactionPermit;
  private volatile IsolationLevel isolation = IsolationLevel.SERIALIZABLE;
  private volatile IsolationLevel transactionIsolation = IsolationLevel.SERIALIZABLE;
  private volatile Duration lockWaitTimeout;
  private volatile @Nullable Duration statementTimeout;

  SqliteConnection(Database database, JdbcSession session, SqliteConfiguration config) {
    this.database = database;
    this.worker = database.worker();
    this.session = session;
    this.config = config;
    this.metadata = new SqliteConnectionMetadata(session.version());
    this.lockWaitTimeout = config.busyTimeout();
  }

  // ---- statements ----------------------------------------------------------------------------

  @Override
  public SqliteStatement createStatement(String sql) {
    if (sql == null) {
      throw new IllegalArgumentException("sql must not be null");
    }
    return new SqliteStatement(this, sql, config.fetchSize());
  }

  @Override
  public SqliteBatch createBatch() {
    return new SqliteBatch(this);
  }

  /** Runs {@code commands} (one with each binding set, or several with none), a result each. */
  Flux<SqliteResult> execute(List<SqlCommand> commands, List<Object[]> bindings,
      String @Nullable [] generatedColumns, int fetchSize) {
    int rows = fetchSize > 0 ? fetchSize : config.fetchSize();
    return Flux.defer(() -> {
      if (closed.get()) {
        return Flux.error(closedError());
      }
      if (commands.size() == 1) {
        SqlCommand command = commands.get(0);
        String sql = command.sql(generatedColumns);
        return Flux.fromIterable(bindings).concatMap(values -> run(command, sql, values, rows), 1);
      }
      return Flux.fromIterable(commands)
          .concatMap(c -> run(c, c.sql(generatedColumns), NO_VALUES, rows), 1);
    });
  }

  private Mono<SqliteResult> run(SqlCommand command, String sql, Object[] values, int rows) {
    switch (command.kind()) {
      case BEGIN:
        return begin(DEFAULT_TRANSACTION, sql).thenReturn(SqliteResult.updateCount(0));
      case COMMIT:
        return end(sql, true).thenReturn(SqliteResult.updateCount(0));
      case ROLLBACK:
        return end(sql, false).thenReturn(SqliteResult.updateCount(0));
      case SAVEPOINT:
        return Mono.defer(() -> inTransaction ? Mono.<Void>empty() : beginTransaction())
            .then(statement(command, sql, values, rows));
      default:
        return statement(command, sql, values, rows);
    }
  }

  private Mono<SqliteResult> statement(SqlCommand command, String sql, Object[] values,
      int rows) {
    Mono<SqliteResult> result = Mono.defer(() -> {
      if (closed.get()) {
        return Mono.error(closedError());
      }
      Mono<Void> implicitBegin = !autoCommit && !inTransaction ? beginTransaction() : Mono.empty();
      return implicitBegin.then(Lobs.resolve(values)).flatMap(resolved -> {
        Mono<SqliteResult> exec = onBridge(sql, s -> s.execute(command, sql, resolved, rows))
            .doOnDiscard(SqliteResult.class, SqliteResult::discard);
        if (command.kind() == SqlCommand.Kind.QUERY || inTransaction) {
          return exec;
        }
        // A write outside a transaction holds the write permit for its one statement.
        return Mono.usingWhen(database.writeLock().acquire(lockWaitTimeout), permit -> exec,
            SqliteConnection::release, (permit, error) -> release(permit),
            SqliteConnection::release);
      });
    });
    Duration timeout = statementTimeout;
    if (timeout == null) {
      return result;
    }
    // At the limit SQLite is told to stop (sqlite3_interrupt, safe from any thread): the JDBC
    // call on the bridge thread then fails at its next step instead of running on.
    return result.timeout(Mono.delay(timeout).doOnNext(t -> session.interrupt()))
        .onErrorMap(TimeoutException.class,
        e -> new R2dbcTimeoutException("the statement did not finish within " + timeout.toMillis()
            + " ms (statement timeout)", "57014", 0, sql, e));
  }

  private static Mono<Void> release(WriteLock.Permit permit) {
    return Mono.fromRunnable(permit::release);
  }

  // ---- transactions --------------------------------------------------------------------------

  @Override
  public Mono<Void> beginTransaction() {
    return begin(DEFAULT_TRANSACTION, null);
  }

  @Override
  public Mono<Void> beginTransaction(TransactionDefinition definition) {
    if (definition == null) {
      throw new IllegalArgumentException("definition must not be null");
    }
    return begin(definition, null);
  }

  private Mono<Void> begin(TransactionDefinition definition, @Nullable String userSql) {
    return Mono.defer(() -> {
      if (closed.get()) {
        return Mono.error(closedError());
      }
      if (inTransaction) {
        return Mono.error(new R2dbcNonTransientResourceException("a transaction is already "
            + "active on this connection", "25001"));
      }
      boolean readOnly = Boolean.TRUE.equals(definition.getAttribute(TransactionDefinition.READ_ONLY));
      IsolationLevel requested = definition.getAttribute(TransactionDefinition.ISOLATION_LEVEL);
      IsolationLevel level = served(requested == null ? isolation : requested);
      Duration wait = definition.getAttribute(TransactionDefinition.LOCK_WAIT_TIMEOUT);
      Duration lockWait = wait == null ? lockWaitTimeout : wait;
      String sql = userSql != null ? userSql : readOnly ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE";
      Mono<Optional<WriteLock.Permit>> permit = readOnly ? Mono.just(Optional.empty())
          : database.writeLock().acquire(lockWait).map(Optional::of);
      return permit.flatMap(p -> BusyRetry.retrying(() -> worker.call(() -> {
                session.begin(sql, readOnly, level == IsolationLevel.READ_UNCOMMITTED);
                inTransaction = true;
                transactionPermit = p.orElse(null);
                transactionIsolation = level;
                return null;
              }), lockWait)
              .doOnError(e -> p.ifPresent(WriteLock.Permit::release))
              .doOnCancel(() -> worker.execute(() -> {
                if (p.isPresent() && transactionPermit != p.get()) {
                  p.get().release(); // BEGIN never ran
                }
              })))
          .then()
          .onErrorMap(e -> SqliteExceptions.translate(e, sql));
    });
  }

  @Override
  public Mono<Void> commitTransaction() {
    return end("COMMIT", true);
  }

  @Override
  public Mono<Void> rollbackTransaction() {
    return end("ROLLBACK", false);
  }

  /** COMMIT or ROLLBACK; nothing when no transaction is active. */
  private Mono<Void> end(String sql, boolean commit) {
    return Mono.defer(() -> {
      if (closed.get()) {
        return Mono.error(closedError());
      }
      if (!inTransaction) {
        return Mono.empty();
      }
      return onBridge(sql, s -> {
        try {
          if (commit) {
            s.commit(sql);
          } else {
            s.rollback(sql);
          }
        } catch (SQLException e) {
          if (!BusyRetry.isBusy(e)) {
            finishTransaction();
          }
          throw e;
        }
        finishTransaction();
        return null;
      }).then();
    });
  }

  /** On the bridge thread: the transaction is over; settings back, permit released. */
  private void finishTransaction() throws SQLException {
    inTransaction = false;
    WriteLock.Permit permit = transactionPermit;
    transactionPermit = null;
    try {
      session.afterTransaction(isolation == IsolationLevel.READ_UNCOMMITTED);
    } finally {
      if (permit != null) {
        permit.release();
      }
    }
  }

  @Override
  public Mono<Void> createSavepoint(String name) {
    String quoted = quote(name);
    return Mono.defer(() -> inTransaction ? Mono.<Void>empty() : beginTransaction())
        .then(exec("SAVEPOINT " + quoted));
  }

  @Override
  public Mono<Void> releaseSavepoint(String name) {
    return exec("RELEASE SAVEPOINT " + quote(name));
  }

  @Override
  public Mono<Void> rollbackTransactionToSavepoint(String name) {
    return exec("ROLLBACK TO SAVEPOINT " + quote(name));
  }

  private Mono<Void> exec(String sql) {
    return Mono.defer(() -> closed.get() ? Mono.error(closedError())
        : onBridge(sql, s -> {
          s.exec(sql);
          return null;
        })).then();
  }

  private static String quote(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a savepoint name must not be null or empty");
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  @Override
  public boolean isAutoCommit() {
    return autoCommit && !inTransaction;
  }

  @Override
  public Mono<Void> setAutoCommit(boolean autoCommit) {
    return Mono.defer(() -> {
      if (closed.get()) {
        return Mono.error(closedError());
      }
      this.autoCommit = autoCommit;
      return autoCommit && inTransaction ? commitTransaction() : Mono.empty();
    });
  }

  @Override
  public IsolationLevel getTransactionIsolationLevel() {
    return inTransaction ? transactionIsolation : isolation;
  }

  @Override
  public Mono<Void> setTransactionIsolationLevel(IsolationLevel level) {
    if (level == null) {
      throw new IllegalArgumentException("isolation level must not be null");
    }
    IsolationLevel served = served(level);
    return Mono.defer(() -> {
      if (closed.get()) {
        return Mono.error(closedError());
      }
      isolation = served;
      if (inTransaction) {
        return Mono.empty(); // for the next transaction
      }
      return onBridge("PRAGMA read_uncommitted", s -> {
        s.setReadUncommitted(served == IsolationLevel.READ_UNCOMMITTED);
        return null;
      }).then();
    });
  }

  /** The level SQLite gives for {@code requested}. */
  static IsolationLevel served(IsolationLevel requested) {
    return IsolationLevel.READ_UNCOMMITTED.equals(requested) ? IsolationLevel.READ_UNCOMMITTED
        : IsolationLevel.SERIALIZABLE;
  }

  @Override
  public Mono<Void> setLockWaitTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("lock wait timeout must not be null or negative");
    }
    return Mono.fromRunnable(() -> lockWaitTimeout = timeout);
  }

  /**
   * Limits how long a statement may take to produce its result; past it SQLite is interrupted
   * (the statement stops at its next step on the bridge thread, its work rolled back as SQLite
   * does for an interrupted statement) and the statement's publisher fails with an
   * {@link R2dbcTimeoutException}. Zero turns the limit off.
   */
  @Override
  public Mono<Void> setStatementTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("statement timeout must not be null or negative");
    }
    return Mono.fromRunnable(() -> statementTimeout = timeout.isZero() ? null : timeout);
  }

  // ---- the rest ------------------------------------------------------------------------------

  @Override
  public SqliteConnectionMetadata getMetadata() {
    return metadata;
  }

  @Override
  public Mono<Boolean> validate(ValidationDepth depth) {
    if (depth == null) {
      throw new IllegalArgumentException("depth must not be null");
    }
    return Mono.defer(() -> {
      if (closed.get()) {
        return Mono.just(false);
      }
      if (depth == ValidationDepth.LOCAL) {
        return Mono.just(true);
      }
      return worker.call(session::isValid).onErrorReturn(false).defaultIfEmpty(false);
    });
  }

  /** Rolls back an open transaction, closes cursors and the JDBC connection; once. */
  @Override
  public Mono<Void> close() {
    return Mono.defer(() -> {
      if (!closed.compareAndSet(false, true)) {
        return Mono.empty();
      }
      return Mono.<Void>create(sink -> {
        boolean queued = worker.execute(() -> {
          Throwable failure = null;
          try {
            session.close(inTransaction);
          } catch (Throwable e) {
            failure = e;
          } finally {
            inTransaction = false;
            WriteLock.Permit permit = transactionPermit;
            transactionPermit = null;
            if (permit != null) {
              permit.release();
            }
            database.release();
          }
          if (failure == null) {
            sink.success();
          } else {
            sink.error(SqliteExceptions.translate(failure, null));
          }
        });
        if (!queued) {
          sink.success();
        }
      }).publishOn(Schedulers.parallel());
    });
  }

  // ---- plumbing ------------------------------------------------------------------------------

  /** {@code task} on the bridge thread, tried again while busy, errors as R2DBC exceptions. */
  private <T> Mono<T> onBridge(String sql, JdbcTask<T> task) {
    return BusyRetry.retrying(() -> worker.call(() -> task.run(session)), lockWaitTimeout)
        .onErrorMap(e -> SqliteExceptions.translate(e, sql));
  }

  private static R2dbcNonTransientResourceException closedError() {
    return new R2dbcNonTransientResourceException("the connection is closed", "08003");
  }

  /** The JDBC session, for tests in this package. */
  JdbcSession session() {
    return session;
  }

  Database database() {
    return database;
  }

  /** Work for the bridge thread. */
  @FunctionalInterface
  interface JdbcTask<T> {
    @Nullable T run(JdbcSession session) throws SQLException;
  }
}
