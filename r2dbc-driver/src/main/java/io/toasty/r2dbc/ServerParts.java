package io.toasty.r2dbc;

import io.r2dbc.spi.Connection;
import io.toasty.r2dbc.codec.ValueCodec;
import io.toasty.r2dbc.error.R2dbcErrors;
import io.toasty.schema.Schema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.render.SqlRenderer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A driver's {@link DriverParts}: its configured dialect's until the first connection tells which
 * server answers, then the server's (MariaDB behind an {@code r2dbc:mysql:} URL or factory).
 */
final class ServerParts {
  private static final Logger LOG = LoggerFactory.getLogger(ServerParts.class);

  private final SqlDialect configured;
  private final Schema schema;
  private final AtomicReference<DriverParts> parts = new AtomicReference<>();
  private volatile boolean serverKnown;

  ServerParts(SqlDialect configured, Schema schema) {
    this.configured = configured;
    this.schema = schema;
    this.parts.set(of(configured));
  }

  /** The parts in use now. */
  DriverParts current() {
    return Objects.requireNonNull(parts.get(), "set in the constructor");
  }

  /** The parts for connections to the server behind {@code connection}, decided once. */
  DriverParts forConnection(Connection connection) {
    if (!serverKnown) {
      SqlDialect server = configured.forServer(connection.getMetadata().getDatabaseVersion());
      if (server != configured) {
        LOG.debug("{} reaches {}: using {}", configured.backend(),
            connection.getMetadata().getDatabaseVersion(), server);
        DriverParts current = current();
        if (current.dialect() == configured) {
          parts.compareAndSet(current, of(server));
        }
      }
      serverKnown = true;
    }
    return current();
  }

  private DriverParts of(SqlDialect d) {
    return new DriverParts(d, new SqlRenderer(d, schema), new ValueCodec(d),
        R2dbcErrors.translator(d, schema));
  }
}
