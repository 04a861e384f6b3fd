package io.toasty.vertx;

import io.toasty.schema.Schema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.render.SqlRenderer;
import io.toasty.vertx.codec.VertxCodec;
import io.toasty.vertx.error.VertxErrors;
import io.vertx.sqlclient.SqlConnection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A driver's {@link VertxParts}: its configured dialect's until the first connection tells which
 * server answers, then the server's (MariaDB behind a {@code vertx:mysql:} URL writes MariaDB's
 * syntax, as behind an {@code r2dbc:mysql:} one). Every other dialect stays as configured.
 */
final class ServerDialect {
  private static final Logger LOG = LoggerFactory.getLogger(ServerDialect.class);

  private final SqlDialect configured;
  private final Schema schema;
  private final AtomicReference<VertxParts> parts = new AtomicReference<>();
  private volatile boolean serverKnown;

  ServerDialect(SqlDialect configured, Schema schema) {
    this.configured = configured;
    this.schema = schema;
    this.parts.set(of(configured));
  }

  /** The parts in use now. */
  VertxParts current() {
    return Objects.requireNonNull(parts.get(), "set in the constructor");
  }

  /** The parts for connections to the server behind {@code connection}, decided once. */
  VertxParts forConnection(SqlConnection connection) {
    if (!serverKnown) {
      String version = connection.databaseMetadata().fullVersion();
      SqlDialect server = configured.forServer(version);
      if (server != configured) {
        LOG.debug("{} reaches {}: using {}", configured.backend(), version, server);
        VertxParts now = current();
        if (now.dialect() == configured) {
          parts.compareAndSet(now, of(server));
        }
      }
      serverKnown = true;
    }
    return current();
  }

  private VertxParts of(SqlDialect d) {
    return new VertxParts(d, new SqlRenderer(d, schema), new VertxCodec(d),
        VertxErrors.translator(d, schema), VertxParts.keysOf(schema));
  }
}
