package io.toasty.sqlite;

import io.r2dbc.spi.Option;
import java.time.Duration;

/**
 * The SQLite-specific options of an {@code r2dbc:sqlite:} URL or
 * {@link io.r2dbc.spi.ConnectionFactoryOptions}; in a URL they are query parameters
 * ({@code r2dbc:sqlite:///data/app.db?busyTimeout=PT10S&journalMode=WAL}).
 */
public final class SqliteOptions {

  /**
   * How long an operation waits for the database's write permit, or for a lock another
   * connection or process holds ({@code SQLITE_BUSY} / {@code SQLITE_LOCKED}), before it fails
   * with an {@link io.r2dbc.spi.R2dbcTransientResourceException}. A {@link Duration},
   * a number of milliseconds, or an ISO-8601 duration text ({@code PT5S}); default 5 seconds.
   * {@link io.r2dbc.spi.ConnectionFactoryOptions#LOCK_WAIT_TIMEOUT} is read too.
   */
  public static final Option<Object> BUSY_TIMEOUT = Option.valueOf("busyTimeout");

  /**
   * The journal mode of a database file ({@code WAL}, {@code DELETE}, {@code TRUNCATE},
   * {@code PERSIST}, {@code MEMORY}, {@code OFF}); default {@code WAL}, in which a reader never
   * blocks the writer. Ignored for in-memory databases.
   */
  public static final Option<String> JOURNAL_MODE = Option.valueOf("journalMode");

  /**
   * How many rows a cursor reads in one go on the bridge thread when nothing smaller is asked
   * for; default 128. {@link io.r2dbc.spi.Statement#fetchSize(int)} overrides it per statement.
   */
  public static final Option<Object> FETCH_SIZE = Option.valueOf("fetchSize");

  private SqliteOptions() {}
}
