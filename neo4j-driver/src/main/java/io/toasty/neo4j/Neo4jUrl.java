package io.toasty.neo4j;

import io.toasty.neo4j.cypher.CypherDialect;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Neo4j URL as the engine takes it: {@code neo4j://user:password@host:7687/database?labelPrefix=app_}
 * (also {@code bolt://} and the {@code +s}/{@code +ssc} TLS schemes), or a Memgraph server's
 * {@code memgraph://host:7687} (Bolt, rendered in {@link CypherDialect#MEMGRAPH}). The user and
 * password, the database (the path) and the label prefix are taken out; what is left is the URI
 * the Neo4j driver connects to.
 *
 * @param server      the URI for the Neo4j driver, without user, path or query
 * @param user        the user, or null for no authentication
 * @param password    the password, or null
 * @param database    the database, or null for the server's default
 * @param labelPrefix the label prefix, {@code ""} for none
 * @param dialect     the server's Cypher
 */
record Neo4jUrl(URI server, @Nullable String user, @Nullable String password,
    @Nullable String database, String labelPrefix,
    CypherDialect dialect) {
  static final Set<String> SCHEMES = Set.of("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s",
      "bolt+ssc", "memgraph", "memgraph+s", "memgraph+ssc");
  private static final String MEMGRAPH = "memgraph";

  static boolean supports(String url) {
    int colon = url.indexOf("://");
    return colon > 0 && SCHEMES.contains(url.substring(0, colon).toLowerCase(Locale.ROOT));
  }

  /**
   * Parses {@code url}.
   *
   * @throws IllegalArgumentException naming the URL's fault (the password is never repeated)
   */
  static Neo4jUrl parse(String url) {
    if (!supports(url)) {
      throw new IllegalArgumentException(
          "not a Neo4j URL (neo4j://, bolt://, memgraph://, with +s or +ssc): "
          + url.replaceAll("//[^@/]*@", "//***@"));
    }
    URI uri = URI.create(url);
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("a Neo4j URL names a host: "
          + url.replaceAll("//[^@/]*@", "//***@"));
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : "";
    }
    String path = uri.getPath();
    String database = path == null || path.isEmpty() || path.equals("/") ? null
        : path.substring(1);
    String prefix = "";
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv[0].equals("labelPrefix") && kv.length == 2) {
          prefix = decode(kv[1]);
        } else {
          throw new IllegalArgumentException("a Neo4j URL takes labelPrefix only, not " + kv[0]);
        }
      }
    }
    // Memgraph has no routing: its URL is a direct Bolt connection.
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean memgraph = scheme.startsWith(MEMGRAPH);
    URI server = URI.create((memgraph ? "bolt" + scheme.substring(MEMGRAPH.length()) : scheme)
        + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    return new Neo4jUrl(server, user, password, database, prefix,
        memgraph ? CypherDialect.MEMGRAPH : CypherDialect.NEO4J);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
