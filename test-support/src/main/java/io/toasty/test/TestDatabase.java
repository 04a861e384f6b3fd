package io.toasty.test;

import io.toasty.ModelDef;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.Objects;

/**
 * A {@link Db} on a database of its own, with its models' schema pushed. {@link #close()} closes
 * the {@code Db} and drops the database (its tables, files, or prefixed tables and labels).
 */
public final class TestDatabase implements AutoCloseable {
  private final String name;
  private final Db db;
  private final Runnable drop;

  TestDatabase(String name, Db db, Runnable drop) {
    this.name = Objects.requireNonNull(name, "name");
    this.db = Objects.requireNonNull(db, "db");
    this.drop = Objects.requireNonNull(drop, "drop");
  }

  /**
   * A {@code Db} of {@code models} on {@code url}, named {@code name}; {@code drop} removes the
   * database once the {@code Db} is closed. Every backend is reached by URL, so no opener needs
   * the drivers' classes.
   */
  static TestDatabase at(String name, String url, ModelDef<?>[] models, Runnable drop) {
    return new TestDatabase(name, Toasty.builder().models(models).url(url).build(), drop);
  }

  /**
   * The database's name.
   *
   * @return unique in the JVM; also the start of its table or label prefix
   */
  public String name() {
    return name;
  }

  /**
   * The open {@code Db}.
   *
   * @return the {@code Db}, open until {@link #close()}
   */
  public Db db() {
    return db;
  }

  /** Closes the {@code Db}, then drops the database, even when closing failed. */
  @Override
  public void close() {
    try {
      db.close().block();
    } finally {
      drop.run();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
