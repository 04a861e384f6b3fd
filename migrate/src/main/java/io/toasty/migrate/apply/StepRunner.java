package io.toasty.migrate.apply;

import io.toasty.migrate.MigrationEvent;
import io.toasty.migrate.MigrationFailedException;
import io.toasty.migrate.files.MigrationFile;
import io.toasty.migrate.files.Step;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a migration's steps one after the other, each statement through the backend, each step's
 * progress recorded after it, and tells a listener ({@link MigrationEvent}): started, a tick
 * every {@code tick} while the step runs, done or failed. A failure becomes a
 * {@link MigrationFailedException} naming the migration and the step.
 */
public final class StepRunner {
  /** A runner that tells nobody. */
  public static final StepRunner SILENT = new StepRunner(e -> {}, null);

  private final Consumer<MigrationEvent> listener;
  private final @Nullable Duration tick;

  /**
   * @param listener told of each step, one event at a time
   * @param tick     how often a running step ticks; {@code null}: never
   */
  public StepRunner(Consumer<MigrationEvent> listener, @Nullable Duration tick) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.tick = tick;
  }

  /**
   * Runs {@code steps} from index {@code from}.
   *
   * @param undo      whether these are undo steps (for the events)
   * @param statement runs one statement
   * @param after     records that step {@code i} (from 0) is done, or {@code null}: nothing to
   *                  record (the migration commits whole)
   */
  Mono<Void> run(MigrationFile f, List<Step> steps, int from, boolean undo,
      Function<String, Mono<?>> statement, @Nullable IntFunction<Mono<Void>> after) {
    return Flux.range(from, steps.size() - from)
        .concatMap(i -> one(f, steps.get(i), new MigrationEvent.At(f.label(), f.version(), undo,
            i + 1, steps.size(), steps.get(i).description()), statement,
            after == null ? Mono.empty() : after.apply(i)))
        .then();
  }

  private Mono<Void> one(MigrationFile f, Step step, MigrationEvent.At at,
      Function<String, Mono<?>> statement, Mono<Void> record) {
    return Mono.defer(() -> {
      Watch watch = new Watch(at);
      Mono<Void> work = Flux.fromIterable(step.statements()).concatMap(statement).then()
          .onErrorMap(e -> !(e instanceof MigrationFailedException),
              e -> new MigrationFailedException(f.label(), f.version(), at.step(),
                  step.description(), e))
          .then(record);
      Mono<Void> watched = tick == null ? work
          : Mono.firstWithSignal(work, Flux.interval(tick, tick).doOnNext(n -> watch.tick())
              .then());
      return watched.doOnSuccess(v -> watch.end(null)).doOnError(watch::end);
    });
  }

  /** One step's events: a tick never follows the end (the ticks run on a timer's thread). */
  private final class Watch {
    private final MigrationEvent.At at;
    private final long start = System.nanoTime();
    private boolean ended;

    Watch(MigrationEvent.At at) {
      this.at = at;
      tell(new MigrationEvent.StepStarted(at));
    }

    synchronized void tick() {
      if (!ended) {
        tell(new MigrationEvent.StillRunning(at, elapsed()));
      }
    }

    synchronized void end(@Nullable Throwable error) {
      ended = true;
      tell(error == null ? new MigrationEvent.StepDone(at, elapsed())
          : new MigrationEvent.StepFailed(at, elapsed(), error));
    }

    private Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - start);
    }
  }

  private void tell(MigrationEvent event) {
    synchronized (this) {
      listener.accept(event);
    }
  }
}
