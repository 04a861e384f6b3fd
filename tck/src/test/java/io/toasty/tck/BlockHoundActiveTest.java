package io.toasty.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.reactive.Db;
import io.toasty.tck.models.KeyOnlies;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** BlockHound guards this JVM: a blocking call on a non-blocking thread is an error. */
class BlockHoundActiveTest {

  @Test
  void sleepingOnAParallelThreadIsAnError() {
    Mono<String> blocking = Mono.fromCallable(() -> {
      Thread.sleep(1);
      return "slept";
    }).subscribeOn(Schedulers.parallel());
    Throwable e = assertThrows(Throwable.class, () -> blocking.block(Duration.ofSeconds(10)));
    Throwable cause = Exceptions.unwrap(e);
    assertTrue(cause instanceof BlockingOperationError, () -> "expected a BlockingOperationError"
        + " from BlockHound, got " + cause);
    assertTrue(cause.getMessage().contains("java.lang.Thread.sleep"), cause::getMessage);
  }

  /** A driver that sleeps before each connection: the blocking call BlockHound must catch. */
  static final class SleepyDriver implements Driver {
    private final Driver delegate;

    SleepyDriver(Driver delegate) {
      this.delegate = delegate;
    }

    @Override public Capability capability() {
      return delegate.capability();
    }

    @Override public Mono<Connection> connect() {
      return Mono.fromRunnable(() -> {
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }).then(delegate.connect());
    }

    @Override public Mono<Void> pushSchema() {
      return delegate.pushSchema();
    }

    @Override public Mono<Void> resetSchema() {
      return delegate.resetSchema();
    }

    @Override public Mono<Void> close() {
      return delegate.close();
    }
  }

  @Test
  void aBlockingDriverUnderTheDbOnAParallelThreadIsAnError() {
    String database = "tck_blockhound_" + UUID.randomUUID().toString().replace("-", "");
    Db db = Backends.H2.open(new Backend.Request(List.of(KeyOnlies.MODEL), database, 2, 16,
        SleepyDriver::new));
    try {
      db.schema().reset().block(Duration.ofSeconds(10));
      assertEquals(List.of(), KeyOnlies.all().collect(db).block(Duration.ofSeconds(10)),
          "the main thread may block");
      Throwable e = assertThrows(Throwable.class, () -> KeyOnlies.all().collect(db)
          .subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10)));
      assertTrue(Exceptions.unwrap(e) instanceof BlockingOperationError,
          () -> "expected a BlockingOperationError from BlockHound, got " + e);
    } finally {
      db.close().block(Duration.ofSeconds(10));
      Backends.H2.dispose(database).block(Duration.ofSeconds(10));
    }
  }

  @Test
  void sleepingOnABoundedElasticThreadIsAllowed() {
    assertEquals("slept", Mono.fromCallable(() -> {
      Thread.sleep(1);
      return "slept";
    }).subscribeOn(Schedulers.boundedElastic()).block(Duration.ofSeconds(10)));
  }
}
