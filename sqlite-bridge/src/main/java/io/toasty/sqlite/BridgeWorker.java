package io.toasty.sqlite;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The one thread of a database on which every JDBC call touching its connections runs, in the
 * order submitted. Results are handed back on {@link Schedulers#parallel()}, so no caller's code
 * runs on this thread and a Reactor thread never waits for it.
 *
 * <p>The queue is a {@link ScheduledThreadPoolExecutor}'s: submitting is a non-blocking offer
 * (Reactor's BlockHound integration allows it), and the thread is started up front.
 */
final class BridgeWorker {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ScheduledThreadPoolExecutor executor;
  private final Scheduler results;

  BridgeWorker(String name) {
    this.executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread t = new Thread(task, "toasty-sqlite-" + THREADS.incrementAndGet() + "-" + name);
      t.setDaemon(true);
      return t;
    });
    this.results = Schedulers.parallel();
    executor.prestartAllCoreThreads();
  }

  /** Queues {@code task}; {@code false} when the worker has shut down. */
  boolean execute(Runnable task) {
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /**
   * Runs {@code task} on the bridge thread when subscribed, unless cancelled before it starts;
   * its value (or error) arrives on a parallel thread. A value that nobody receives any more is
   * discarded through Reactor's discard hook.
   */
  <T> Mono<T> call(Callable<T> task) {
    return Mono.<T>create(sink -> {
      AtomicBoolean cancelled = new AtomicBoolean();
      sink.onCancel(() -> cancelled.set(true));
      boolean queued = execute(() -> {
        if (cancelled.get()) {
          return;
        }
        T value;
        try {
          value = task.call();
        } catch (Throwable e) {
          sink.error(e);
          return;
        }
        if (value == null) {
          sink.success();
        } else {
          sink.success(value);
        }
      });
      if (!queued) {
        sink.error(shutDown());
      }
    }).publishOn(results);
  }

  /** Lets queued tasks finish and then stops the thread; later submissions are refused. */
  void shutdown() {
    executor.shutdown();
  }

  boolean isShutdown() {
    return executor.isShutdown();
  }

  static R2dbcNonTransientResourceException shutDown() {
    return new R2dbcNonTransientResourceException("the connection is closed (its SQLite bridge "
        + "thread has stopped)", "08003");
  }
}
