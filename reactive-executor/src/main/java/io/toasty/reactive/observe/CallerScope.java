package io.toasty.reactive.observe;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * The caller's Micrometer {@code Observation}, as the subscriber's Reactor Context holds it
 * (Spring WebFlux puts a request's there, under {@code ObservationThreadLocalAccessor.KEY}), put
 * in scope on the thread that logs a statement's line: with Micrometer Tracing, opening its scope
 * puts its span in scope, whose trace and span ids the tracer's MDC integration (Brave's
 * correlation scope decorator, OpenTelemetry's SLF4J event listener) writes to the MDC as
 * {@code traceId} and {@code spanId}, where Spring Boot's log pattern shows them. The line is
 * written on whichever thread the driver answered on, where no scope of the caller's is open.
 *
 * <p>Micrometer is optional: without it on the class path, nothing is looked up and the line is
 * written as it is.
 */
final class CallerScope {
  /** {@code ObservationThreadLocalAccessor.KEY}, the Reactor Context key of the observation. */
  static final String KEY = "micrometer.observation";
  private static final boolean PRESENT = present();

  private CallerScope() {}

  /** The caller's observation in {@code context}, or null: one lookup per statement. */
  static @Nullable Object of(ContextView context) {
    return PRESENT ? context.getOrDefault(KEY, null) : null;
  }

  /** Runs {@code write} with {@code caller} (from {@link #of}, may be null) in scope. */
  static void run(@Nullable Object caller, Runnable write) {
    if (caller == null) {
      write.run();
    } else {
      Scoped.run(caller, write);
    }
  }

  private static boolean present() {
    try {
      Class.forName("io.micrometer.observation.Observation", false,
          CallerScope.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }

  /** Names Micrometer's types: loaded only when a caller's observation was found. */
  private static final class Scoped {
    static void run(Object caller, Runnable write) {
      if (!(caller instanceof Observation observation) || observation.isNoop()) {
        write.run();
        return;
      }
      try (Observation.Scope scope = observation.openScope()) {
        write.run();
      }
    }
  }
}
