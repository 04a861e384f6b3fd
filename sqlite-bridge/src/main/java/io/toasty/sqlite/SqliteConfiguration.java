package io.toasty.sqlite;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a connection factory's database is and how its connections are set up, read from
 * {@link ConnectionFactoryOptions} (see {@link SqliteConnectionFactoryProvider} for the URL
 * forms).
 *
 * @param key         the database's identity: connections with the same key share one bridge
 *                    thread and one write permit ({@code mem:name} or {@code file:/abs/path})
 * @param jdbcUrl     the sqlite-jdbc URL
 * @param inMemory    whether the database is a shared in-memory one
 * @param journalMode the journal mode to set on a file, or {@code null}
 * @param busyTimeout how long to wait for a lock before failing
 * @param fetchSize   rows read per batch by a cursor
 */
record SqliteConfiguration(String key, String jdbcUrl, boolean inMemory,
    @Nullable String journalMode,
    Duration busyTimeout, int fetchSize) {

  static final String MEMORY_PROTOCOL = "mem";
  static final String FILE_PROTOCOL = "file";
  static final String MEMORY_DATABASE = ":memory:";
  static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
  static final int DEFAULT_FETCH_SIZE = 128;
  private static final Set<String> JOURNAL_MODES =
      Set.of("WAL", "DELETE", "TRUNCATE", "PERSIST", "MEMORY", "OFF");

  SqliteConfiguration {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(busyTimeout, "busyTimeout");
  }

  /**
   * Reads the options.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  static SqliteConfiguration from(ConnectionFactoryOptions options) {
    Objects.requireNonNull(options, "options");
    String protocol = string(options, ConnectionFactoryOptions.PROTOCOL);
    String database = string(options, ConnectionFactoryOptions.DATABASE);
    String host = string(options, ConnectionFactoryOptions.HOST);
    Duration busyTimeout = duration(options);
    int fetchSize = fetchSize(options);
    String journalMode = journalMode(options);
    if (MEMORY_PROTOCOL.equalsIgnoreCase(nullToEmpty(protocol))
        || (protocol == null && MEMORY_DATABASE.equals(database))) {
      String name = database == null || database.isEmpty() || MEMORY_DATABASE.equals(database)
          ? host : database;
      if (name == null || name.isEmpty()) {
        // One private database per connection factory, shared by its connections.
        name = "anonymous-" + UUID.randomUUID();
      }
      return new SqliteConfiguration("mem:" + name,
          "jdbc:sqlite:file:" + uriEncode(name) + "?mode=memory&cache=shared", true, null,
          busyTimeout, fetchSize);
    }
    if (protocol != null && !FILE_PROTOCOL.equalsIgnoreCase(protocol)) {
      throw new IllegalArgumentException("unknown r2dbc:sqlite protocol '" + protocol
          + "': use r2dbc:sqlite:mem:///name for an in-memory database or "
          + "r2dbc:sqlite:///path for a file");
    }
    if (host != null && !host.isEmpty()) {
      throw new IllegalArgumentException("an SQLite URL has no host ('" + host + "'): write "
          + "r2dbc:sqlite:///relative/path.db or r2dbc:sqlite:////absolute/path.db");
    }
    if (database == null || database.isEmpty()) {
      throw new IllegalArgumentException("an SQLite file URL needs a path: "
          + "r2dbc:sqlite:///relative/path.db or r2dbc:sqlite:////absolute/path.db");
    }
    Path path = Path.of(database).toAbsolutePath().normalize();
    return new SqliteConfiguration("file:" + path, "jdbc:sqlite:" + path, false,
        journalMode, busyTimeout, fetchSize);
  }

  private static String journalMode(ConnectionFactoryOptions options) {
    String mode = string(options, SqliteOptions.JOURNAL_MODE);
    if (mode == null) {
      return "WAL";
    }
    String upper = mode.toUpperCase(Locale.ROOT);
    if (!JOURNAL_MODES.contains(upper)) {
      throw new IllegalArgumentException("journalMode must be one of " + JOURNAL_MODES + ", not '"
          + mode + "'");
    }
    return upper;
  }

  private static Duration duration(ConnectionFactoryOptions options) {
    Object value = options.getValue(SqliteOptions.BUSY_TIMEOUT);
    String name = SqliteOptions.BUSY_TIMEOUT.name();
    if (value == null) {
      value = options.getValue(ConnectionFactoryOptions.LOCK_WAIT_TIMEOUT);
      name = ConnectionFactoryOptions.LOCK_WAIT_TIMEOUT.name();
    }
    if (value == null) {
      return DEFAULT_BUSY_TIMEOUT;
    }
    Duration d;
    if (value instanceof Duration duration) {
      d = duration;
    } else if (value instanceof Number n) {
      d = Duration.ofMillis(n.longValue());
    } else {
      String text = value.toString().strip();
      try {
        d = text.chars().allMatch(Character::isDigit) && !text.isEmpty()
            ? Duration.ofMillis(Long.parseLong(text))
            : Duration.parse(text);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(name + " must be milliseconds or an ISO-8601 duration "
            + "such as PT5S, not '" + text + "'", e);
      }
    }
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
    return d;
  }

  private static int fetchSize(ConnectionFactoryOptions options) {
    Object value = options.getValue(SqliteOptions.FETCH_SIZE);
    if (value == null) {
      return DEFAULT_FETCH_SIZE;
    }
    int size;
    try {
      size = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("fetchSize must be a number, not '" + value + "'", e);
    }
    if (size < 1) {
      throw new IllegalArgumentException("fetchSize must be at least 1, not " + size);
    }
    return size;
  }

  private static @Nullable String string(ConnectionFactoryOptions options, Option<?> option) {
    Object value = options.getValue(option);
    return value == null ? null : value.toString();
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  /** {@code name} with every byte outside {@code [A-Za-z0-9._~-]} percent-encoded. */
  private static String uriEncode(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '~' || c == '-') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
