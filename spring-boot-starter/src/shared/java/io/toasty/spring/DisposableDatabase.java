package io.toasty.spring;

import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether a database URL names a database whose data {@code toasty.schema=reset} may drop at
 * every start without being forced ({@code toasty.force-schema-reset}): one in this JVM's memory
 * ({@code r2dbc:h2:mem:..}, {@code r2dbc:sqlite:mem:..}, {@code r2dbc:sqlite:///:memory:}) or a
 * SQLite file in the temporary directory ({@code java.io.tmpdir}). Anything else (a server, an
 * H2 file, a SQLite file elsewhere, DynamoDB, a URL the starter cannot read) may hold data
 * someone wants.
 */
final class DisposableDatabase {
  private DisposableDatabase() {}

  /** Whether {@code url} (null: unknown) names a database that may be dropped at every start. */
  static boolean is(@Nullable String url) {
    if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("r2dbc:")) {
      return false;
    }
    ConnectionFactoryOptions options;
    try {
      options = ConnectionFactoryOptions.parse(url);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String driver = lower(options.getValue(ConnectionFactoryOptions.DRIVER));
    String protocol = lower(options.getValue(ConnectionFactoryOptions.PROTOCOL));
    if (driver.equals("pool")) { // r2dbc:pool:h2:mem:..: the pooled driver leads the protocol
      int colon = protocol.indexOf(':');
      driver = colon < 0 ? protocol : protocol.substring(0, colon);
      protocol = colon < 0 ? "" : protocol.substring(colon + 1);
    }
    String database = String.valueOf(options.getValue(ConnectionFactoryOptions.DATABASE));
    return switch (driver) {
      case "h2" -> protocol.equals("mem");
      case "sqlite" -> protocol.equals("mem") || database.equals(":memory:")
          || inTemporaryDirectory(database);
      default -> false;
    };
  }

  private static boolean inTemporaryDirectory(String file) {
    try {
      Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
      Path path = Path.of(file).toAbsolutePath().normalize();
      return path.startsWith(temporary) && !path.equals(temporary);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static String lower(Object value) {
    return value == null ? "" : value.toString().toLowerCase(Locale.ROOT);
  }
}
