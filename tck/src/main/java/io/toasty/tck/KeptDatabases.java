package io.toasty.tck;

import io.toasty.ModelDef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Mono;

/**
 * The databases one test class keeps between its runs, by backend and models, each left clean by
 * the run before (see {@link Dirt}) and emptied before the next; given back to the backend when
 * the class ends (a value of the class's {@link ExtensionContext.Store}, closed by JUnit). A run
 * takes one out and gives it back only if it stays clean, so two runs never share one.
 */
final class KeptDatabases implements AutoCloseable {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KeptDatabases.class);

  /** What a kept database fits: a run on the same backend with the same models. */
  record Key(Backend backend, List<ModelDef<?>> models) {}

  private final Map<Key, Deque<String>> idle = new HashMap<>();

  /** The kept databases of the test class that {@code run} belongs to. */
  static KeptDatabases of(ExtensionContext run) {
    ExtensionContext c = run;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c.getStore(NAMESPACE).computeIfAbsent(KeptDatabases.class, k -> new KeptDatabases(),
        KeptDatabases.class);
  }

  /**
   * A kept database for {@code key}, emptied by {@code empty}, or null when there is none or
   * emptying it failed (it is then dropped, and the run gets a fresh one).
   */
  String take(Key key, Function<String, Mono<Void>> empty) {
    String database;
    synchronized (this) {
      Deque<String> q = idle.get(key);
      database = q == null ? null : q.poll();
    }
    if (database == null) {
      return null;
    }
    try {
      empty.apply(database).block(BackendContext.TIMEOUT);
      return database;
    } catch (RuntimeException e) {
      DatabaseTally.dropped(key.backend().name(), List.of("emptying failed"));
      System.err.println("[" + key.backend().name() + "] emptying " + database
          + " failed, a fresh database instead: " + e);
      drop(key.backend(), database);
      return null;
    }
  }

  /** Keeps {@code database}, left clean, for the next run that fits {@code key}. */
  synchronized void keep(Key key, String database) {
    idle.computeIfAbsent(key, k -> new ArrayDeque<>()).add(database);
  }

  /**
   * Gives every kept database back to its backend, which may keep its schema for a later class
   * of the same models ({@link Backend#recycle}: a kept database is clean, its schema as its
   * models made it) or drops it; the first error is thrown after all were tried.
   */
  @Override
  public void close() {
    List<Map.Entry<Key, String>> all = new ArrayList<>();
    synchronized (this) {
      idle.forEach((key, q) -> q.forEach(d -> all.add(Map.entry(key, d))));
      idle.clear();
    }
    RuntimeException first = null;
    for (Map.Entry<Key, String> e : all) {
      try {
        e.getKey().backend().recycle(e.getValue()).block(BackendContext.TIMEOUT);
      } catch (RuntimeException ex) {
        if (first == null) {
          first = ex;
        } else {
          first.addSuppressed(ex);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static void drop(Backend backend, String database) {
    try {
      backend.dispose(database).block(BackendContext.TIMEOUT);
    } catch (RuntimeException e) {
      System.err.println("[" + backend.name() + "] dropping " + database + " failed: " + e);
    }
  }
}
