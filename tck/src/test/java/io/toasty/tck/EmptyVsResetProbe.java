package io.toasty.tck;

import static io.toasty.tck.Tck.await;

import io.toasty.ModelDef;
import io.toasty.reactive.Db;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Comments;
import io.toasty.tck.models.Docs;
import io.toasty.tck.models.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A measurement, not a test of the build (its name keeps it out of surefire's default run; run
 * it with {@code -Dtest=EmptyVsResetProbe}): per backend, the median time of a schema reset
 * against emptying a kept database, and of the harness's whole work around one run on a fresh
 * database (create it, open, reset, close, drop) against a kept one (empty, open, close), on six
 * models ({@code BatchQueryScenarios}'), each time after a few rows were written. Rounds
 * alternate the two, so both see the same load. Prints the figures.
 */
class EmptyVsResetProbe {
  private static final int ROUNDS = Integer.getInteger("toasty.tck.probeRounds", 20);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<ModelDef<?>> MODELS = List.of(Users.MODEL, Docs.MODEL,
      Authors.MODEL, Articles.MODEL, Comments.MODEL, Bios.MODEL);

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void measures() {
    StringBuilder out = new StringBuilder("| backend | reset ms | empty ms | run on a fresh "
        + "database ms | run on a kept one ms |\n|---|--:|--:|--:|--:|\n");
    for (Backend b : Backends.all()) {
      String row = measure(b);
      System.out.print("EmptyVsResetProbe " + row);
      out.append(row);
    }
    System.out.println("Empty vs reset, medians of " + ROUNDS + ":\n" + out);
  }

  private static String measure(Backend backend) {
    String kept = name();
    Db db = open(backend, kept);
    await(db.schema().reset());
    List<Long> resets = new ArrayList<>();
    List<Long> empties = new ArrayList<>();
    List<Long> freshRuns = new ArrayList<>();
    List<Long> keptRuns = new ArrayList<>();
    try {
      for (int i = 0; i < ROUNDS + 2; i++) {
        write(db);
        long reset = timed(() -> await(db.schema().reset()));
        write(db);
        long empty = timed(() -> backend.empty(kept).block(WAIT));
        long freshRun = timed(() -> freshRun(backend));
        long keptRun = timed(() -> keptRun(backend, kept));
        if (i >= 2) { // the first rounds warm up
          resets.add(reset);
          empties.add(empty);
          freshRuns.add(freshRun);
          keptRuns.add(keptRun);
        }
      }
    } finally {
      db.close().block(WAIT);
      backend.dispose(kept).block(WAIT);
    }
    return String.format("| %s | %.1f | %.1f | %.1f | %.1f |%n", backend.name(),
        median(resets), median(empties), median(freshRuns), median(keptRuns));
  }

  /** What the harness does around a run on a fresh database, with one query in between. */
  private static void freshRun(Backend backend) {
    String database = name();
    Db db = open(backend, database);
    try {
      await(db.schema().reset());
      await(Docs.all().collect(db));
    } finally {
      db.close().block(WAIT);
      backend.dispose(database).block(WAIT);
    }
  }

  /** What it does around a run on a kept one (after a run that wrote a row). */
  private static void keptRun(Backend backend, String database) {
    backend.empty(database).block(WAIT);
    Db db = open(backend, database);
    try {
      await(Docs.all().collect(db));
      await(Docs.create().title("t").exec(db));
    } finally {
      db.close().block(WAIT);
    }
  }

  private static void write(Db db) {
    await(Docs.create().title("t").exec(db));
    await(Users.create().name("u").email(UUID.randomUUID() + "@example.com").exec(db));
  }

  private static Db open(Backend backend, String database) {
    return backend.open(new Backend.Request(MODELS, database, 4, 64, UnaryOperator.identity()));
  }

  private static String name() {
    return "tck_tckclass_probe_" + UUID.randomUUID().toString().replace("-", "");
  }

  private static long timed(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return System.nanoTime() - t;
  }

  private static double median(List<Long> nanos) {
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    int n = s.size();
    return (n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0) / 1e6;
  }
}
