package io.toasty.cli;

import io.toasty.ModelDef;
import io.toasty.reactive.Db;
import io.toasty.reactive.DbBuilder;
import io.toasty.reactive.Toasty;
import io.toasty.schema.naming.NamingStrategy;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A {@link Db} for one command, closed when it ends. */
final class Session {
  /** How long a command waits for a connection before it reports the database unreachable. */
  private static final Duration CONNECT = Duration.ofSeconds(20);
  /** A guard against a hung database; migrations may take long, but not this long. */
  static final Duration HANG_GUARD = Duration.ofHours(2);

  private Session() {}

  /**
   * Runs {@code work} on a Db of {@code url} serving {@code models} under {@code naming} (null:
   * the backend's), the
   * models' class loader as the thread's context loader (drivers are found through it), then
   * closes the Db.
   */
  static <T> T with(String url, List<ModelDef<?>> models, @Nullable NamingStrategy naming,
      ClassLoader loader, Function<Db, T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      DbBuilder builder = Toasty.builder().models(models).url(url).acquireTimeout(CONNECT);
      Db db = (naming == null ? builder : builder.naming(naming)).build();
      try {
        return work.apply(db);
      } finally {
        db.close().block(Duration.ofSeconds(30));
      }
    } finally {
      thread.setContextClassLoader(before);
    }
  }
}
