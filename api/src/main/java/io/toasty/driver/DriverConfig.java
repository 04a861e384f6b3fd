package io.toasty.driver;

import io.toasty.schema.Schema;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link DriverProvider} needs to open a driver.
 *
 * @param url             the database URL ({@code r2dbc:h2:mem:///app}, ...)
 * @param schema          the models, tables and mapping the driver serves
 * @param poolMaxSize     the most pooled connections
 * @param acquireTimeout  how long to wait for a pooled connection
 * @param maxIdleTime     how long an idle connection is kept
 * @param validationQuery a query that checks a connection, or {@code null}
 * @param statementTimeout how long a statement may run before the database stops it, or
 *     {@code null} for no limit
 * @param validateOnAcquire whether a pooled connection to a database server that sat idle longer
 *     than a short bound is checked with a round trip before it is handed out (one lent again
 *     sooner only by whether its socket is open; a {@code validationQuery}, where set, checks
 *     instead); {@code false}: only whether its socket is still open
 */
public record DriverConfig(String url, Schema schema, int poolMaxSize, Duration acquireTimeout,
    Duration maxIdleTime, @Nullable String validationQuery, @Nullable Duration statementTimeout,
    boolean validateOnAcquire) {
  public DriverConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(schema, "schema");
    if (poolMaxSize < 1) {
      throw new IllegalArgumentException("poolMaxSize must be at least 1, was " + poolMaxSize);
    }
    Objects.requireNonNull(acquireTimeout, "acquireTimeout");
    Objects.requireNonNull(maxIdleTime, "maxIdleTime");
    if (statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.isZero())) {
      throw new IllegalArgumentException("statementTimeout must be positive, was "
          + statementTimeout);
    }
  }

  /** A configuration whose pooled connections are checked before use ({@code validateOnAcquire}). */
  public DriverConfig(String url, Schema schema, int poolMaxSize, Duration acquireTimeout,
      Duration maxIdleTime, @Nullable String validationQuery,
      @Nullable Duration statementTimeout) {
    this(url, schema, poolMaxSize, acquireTimeout, maxIdleTime, validationQuery, statementTimeout,
        true);
  }

  /** A configuration without a statement timeout. */
  public DriverConfig(String url, Schema schema, int poolMaxSize, Duration acquireTimeout,
      Duration maxIdleTime, @Nullable String validationQuery) {
    this(url, schema, poolMaxSize, acquireTimeout, maxIdleTime, validationQuery, null);
  }
}
