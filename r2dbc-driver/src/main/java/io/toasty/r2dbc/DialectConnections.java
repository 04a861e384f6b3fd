package io.toasty.r2dbc;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqliteDialect;
import java.util.Locale;

/**
 * What a dialect's backend needs of R2DBC's connection options: kept here, beside the R2DBC
 * driver, so that the dialects (module {@code sql}) know no R2DBC type.
 */
public final class DialectConnections {
  private static final Option<String> DB_CLOSE_DELAY = Option.valueOf("DB_CLOSE_DELAY");

  private DialectConnections() {}

  /**
   * The options to hand to {@code ConnectionFactories}, from those parsed from the URL:
   * r2dbc-mysql serves MariaDB too, but registers only the driver name {@code mysql}.
   */
  public static ConnectionFactoryOptions connectionOptions(SqlDialect dialect,
      ConnectionFactoryOptions parsed) {
    Object driver = parsed.getValue(ConnectionFactoryOptions.DRIVER);
    if (dialect instanceof MySqlDialect && driver != null
        && "mariadb".equalsIgnoreCase(driver.toString())) {
      return ConnectionFactoryOptions.builder().from(parsed)
          .option(ConnectionFactoryOptions.DRIVER, "mysql").build();
    }
    return parsed;
  }

  /**
   * Whether the driver must hold a connection open for its whole life so that the database
   * outlives idle pooled connections: an in-memory H2 database closes with its last session
   * unless DB_CLOSE_DELAY says otherwise; an in-memory SQLite database
   * ({@code r2dbc:sqlite:mem:///name}) lives while a connection is open.
   */
  public static boolean needsKeepAlive(SqlDialect dialect, ConnectionFactoryOptions options) {
    Object protocol = options.getValue(ConnectionFactoryOptions.PROTOCOL);
    Object database = options.getValue(ConnectionFactoryOptions.DATABASE);
    if (dialect instanceof H2Dialect) {
      boolean delayInName = database != null
          && database.toString().toUpperCase(Locale.ROOT).contains("DB_CLOSE_DELAY");
      return "mem".equals(protocol) && !delayInName && !options.hasOption(DB_CLOSE_DELAY)
          && !options.hasOption(Option.valueOf("db_close_delay"));
    }
    if (dialect instanceof SqliteDialect) {
      return "mem".equalsIgnoreCase(String.valueOf(protocol)) || ":memory:".equals(database);
    }
    return false;
  }

  /**
   * Whether the database runs inside this JVM (H2 in memory or on a file, without a server), so
   * that a connection can only break by being closed and local validation need not ask it.
   */
  public static boolean embedded(SqlDialect dialect, ConnectionFactoryOptions options) {
    Object protocol = options.getValue(ConnectionFactoryOptions.PROTOCOL);
    return dialect instanceof H2Dialect && ("mem".equals(protocol) || "file".equals(protocol));
  }
}
