package io.toasty.sql.dialect;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A driver's parts (dialect, renderer, codec, errors: {@code P}, made by the transport for a
 * dialect): its configured dialect's until the first connection tells which server answers,
 * then the server's ({@link SqlDialect#forServer}: MariaDB behind a {@code mysql:} URL writes
 * MariaDB's syntax). Every other dialect stays as configured. Shared by the transports.
 *
 * @param <P> the transport's parts
 */
public final class ServerParts<P> {
  private static final Logger LOG = LoggerFactory.getLogger(ServerParts.class);

  private final SqlDialect configured;
  private final Function<SqlDialect, P> make;
  private final P initial;
  private final AtomicReference<P> parts;
  private volatile boolean serverKnown;

  /** Parts made by {@code make}, first for {@code configured}. */
  public ServerParts(SqlDialect configured, Function<SqlDialect, P> make) {
    this.configured = configured;
    this.make = make;
    this.initial = Objects.requireNonNull(make.apply(configured), "parts");
    this.parts = new AtomicReference<>(initial);
  }

  /** The parts in use now. */
  public P current() {
    return Objects.requireNonNull(parts.get(), "set in the constructor");
  }

  /**
   * The parts for connections to the server whose version {@code version} reads, decided at
   * the first connection: the version is read then only.
   */
  public P forServer(Supplier<String> version) {
    if (!serverKnown) {
      String v = version.get();
      SqlDialect server = configured.forServer(v);
      if (server != configured) {
        LOG.debug("{} reaches {}: using {}", configured.backend(), v, server);
        // replaced once: a second first connection finds the server's parts in place
        parts.compareAndSet(initial, make.apply(server));
      }
      serverKnown = true;
    }
    return current();
  }
}
