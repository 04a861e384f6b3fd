package io.toasty.vertx;

import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.pgclient.PgConnectOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Vert.x URL, {@code vertx:postgresql://user:password@host:port/database?options} or
 * {@code vertx:mariadb://..} ({@code vertx:mysql://..}), as the client's connect options: the part
 * after {@code vertx:} is the client's own URI (vertx-pg-client's, vertx-mysql-client's). On
 * PostgreSQL Toasty's R2DBC option names are taken too, so that one URL's options work on both
 * transports: {@code schema} (the search path) and {@code applicationName}.
 */
final class VertxUrl {
  private static final String PREFIX = "vertx:";

  private VertxUrl() {}

  /** Whether {@code url} names PostgreSQL over Vert.x. */
  static boolean isPostgresql(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("vertx:postgresql:") || lower.startsWith("vertx:postgres:");
  }

  /** Whether {@code url} names MariaDB over Vert.x. */
  static boolean isMariadb(String url) {
    return url.toLowerCase(Locale.ROOT).startsWith("vertx:mariadb:");
  }

  /** Whether {@code url} names MySQL over Vert.x (or whichever server answers there). */
  static boolean isMysql(String url) {
    return url.toLowerCase(Locale.ROOT).startsWith("vertx:mysql:");
  }

  /**
   * The connect options of a {@code vertx:mariadb:} or {@code vertx:mysql:} URL: its URI as
   * vertx-mysql-client reads it (its attributes as the client's options).
   *
   * @throws IllegalArgumentException when the URL is not one, or vertx-mysql-client cannot
   *                                  parse it
   */
  static MySQLConnectOptions mysql(String url) {
    if (!isMariadb(url) && !isMysql(url)) {
      throw new IllegalArgumentException("not a vertx:mariadb: or vertx:mysql: URL: " + url);
    }
    // the client's parser takes its scheme in lower case only
    String uri = url.substring(PREFIX.length());
    int colon = uri.indexOf(':');
    return MySQLConnectOptions.fromUri(uri.substring(0, colon).toLowerCase(Locale.ROOT)
        + uri.substring(colon));
  }

  /**
   * The connect options of a {@code vertx:postgresql:} URL.
   *
   * @throws IllegalArgumentException when the URL is not one, or vertx-pg-client cannot parse it
   */
  static PgConnectOptions postgresql(String url) {
    if (!isPostgresql(url)) {
      throw new IllegalArgumentException("not a vertx:postgresql: URL: " + url);
    }
    String uri = url.substring(PREFIX.length());
    int q = uri.indexOf('?');
    String base = q < 0 ? uri : uri.substring(0, q);
    List<String> kept = new ArrayList<>();
    String schema = null;
    String application = null;
    for (String pair : q < 0 ? new String[0] : uri.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? ""
          : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      switch (key) {
        case "schema", "search_path" -> schema = value;
        case "applicationName", "application_name" -> application = value;
        default -> {
          if (!pair.isEmpty()) {
            kept.add(pair);
          }
        }
      }
    }
    PgConnectOptions options = PgConnectOptions.fromUri(
        kept.isEmpty() ? base : base + "?" + String.join("&", kept));
    // added to the client's default properties (its encoding, date style), not in their place
    if (schema != null) {
      options.addProperty("search_path", schema);
    }
    if (application != null) {
      options.addProperty("application_name", application);
    }
    return options;
  }
}
