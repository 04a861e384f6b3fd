package io.toasty.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Helpers for writing scenarios: bounded waits and error assertions. */
public final class Tck {
  /** How long a scenario waits for one result before it fails instead of hanging. */
  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  private Tck() {}

  /** The result of {@code mono}, waited for at most {@link #TIMEOUT}. */
  public static <T> T await(Mono<T> mono) {
    try {
      return mono.block(TIMEOUT);
    } catch (RuntimeException e) {
      throw StuckThreads.onTimeout(e); // the stacks of the moment, for a hang seen once
    }
  }

  /** Every item of {@code flux}, waited for at most {@link #TIMEOUT}. */
  public static <T> List<T> awaitAll(Flux<T> flux) {
    return await(flux.collectList());
  }

  /**
   * The error of type {@code type} that {@code action} raises, synchronously while building or
   * as the signal of the publisher it returns; fails if it raises nothing or another error.
   */
  public static <E extends Throwable> E failure(Class<E> type, Supplier<? extends Mono<?>> action) {
    Object result;
    try {
      result = action.get().block(TIMEOUT);
    } catch (Throwable t) {
      Throwable e = Exceptions.unwrap(t);
      if (type.isInstance(e)) {
        return type.cast(e);
      }
      throw new AssertionError("expected " + type.getSimpleName() + " but got " + e, e);
    }
    return fail("expected " + type.getSimpleName() + " but the action succeeded with " + result);
  }

  /** Waits up to {@link #TIMEOUT} for {@code condition}, as cleanup after a cancel is async. */
  public static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting until " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting until " + what);
      }
    }
  }

  /** Asserts {@code log} holds exactly {@code expected} operations, printing it if not. */
  public static void assertOperations(int expected, OperationLog log) {
    assertEquals(expected, log.size(), () -> "operations sent to the driver: " + log);
  }
}
