package io.toasty.vertx;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statements each new pooled session runs before the pool first lends it: on MariaDB and MySQL,
 * whose protocol has no session settings at startup (PostgreSQL's startup parameters), the
 * statement timeout the driver's config asks for. Vert.x calls it as its connect handler; the
 * session goes to the pool when it closes it.
 */
final class SessionStart {
  private static final Logger LOG = LoggerFactory.getLogger(SessionStart.class);

  private SessionStart() {}

  /** The connect handler that runs {@code statements} in order, then hands the session over. */
  static Handler<SqlConnection> of(List<String> statements, String backend) {
    return connection -> {
      Future<?> done = Future.succeededFuture();
      for (String sql : statements) {
        done = done.compose(v -> connection.query(sql).execute());
      }
      done.onComplete(ar -> {
        if (ar.failed()) {
          // the session works, without the setting: its statements run unlimited
          LOG.warn("a new {} session could not be set up ({})", backend, statements, ar.cause());
        }
        connection.close();
      });
    };
  }
}
