package io.toasty.dynamo;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code dynamodb:} URL.
 *
 * <pre>
 * dynamodb://                                   AWS; region from ?region= or the AWS default chain
 * dynamodb://?region=eu-west-1                  AWS in eu-west-1
 * dynamodb://localhost:8000                     endpoint http://localhost:8000 (DynamoDB Local)
 * dynamodb:local                                http://localhost:8000, credentials "local"
 * dynamodb:local?endpoint=http://127.0.0.1:8123 any endpoint (https too)
 * </pre>
 *
 * <p>Parameters: {@code region}; {@code endpoint}; {@code accessKeyId}, {@code secretAccessKey}
 * and {@code sessionToken} (static credentials, for local use; otherwise the AWS default
 * credentials chain); {@code tablePrefix} (put before every table name, to keep several
 * applications or test runs apart); {@code pageSize} (the {@code Limit} of each Query and Scan
 * request). An endpoint without a region uses {@code us-east-1}.
 *
 * @param region    the region, or null for the AWS default chain
 * @param endpoint  the endpoint override, or null for AWS's endpoint of the region
 * @param accessKeyId     static credentials, or null for the default chain
 * @param secretAccessKey static credentials, or null
 * @param sessionToken    a session token with the static credentials, or null
 * @param tablePrefix     the table name prefix ("" for none)
 * @param pageSize        the page size of Query and Scan, or null for DynamoDB's 1 MB pages
 */
record DynamoUrl(@Nullable String region, @Nullable URI endpoint, @Nullable String accessKeyId,
    @Nullable String secretAccessKey, @Nullable String sessionToken, String tablePrefix,
    @Nullable Integer pageSize) {
  static final String SCHEME = "dynamodb:";
  private static final Set<String> PARAMETERS = Set.of("region", "endpoint", "accessKeyId",
      "secretAccessKey", "sessionToken", "tablePrefix", "pageSize");

  /** Whether {@code url} is a {@code dynamodb:} URL. */
  static boolean matches(@Nullable String url) {
    return url != null && url.startsWith(SCHEME);
  }

  /**
   * The settings of {@code url}.
   *
   * @throws IllegalArgumentException naming what is wrong: the scheme, an unknown parameter, a
   *     bad number or endpoint
   */
  static DynamoUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    if (!matches(url)) {
      throw new IllegalArgumentException("not a DynamoDB URL (dynamodb:...): " + url);
    }
    String rest = url.substring(SCHEME.length());
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    Map<String, String> params = params(query, url);
    URI endpoint = null;
    boolean local = false;
    if (rest.startsWith("//")) {
      String host = rest.substring(2);
      if (host.endsWith("/")) {
        host = host.substring(0, host.length() - 1);
      }
      if (!host.isEmpty()) {
        endpoint = uri("http://" + host, url);
      }
    } else if (rest.equals("local")) {
      local = true;
      endpoint = URI.create("http://localhost:8000");
    } else if (!rest.isEmpty() && !rest.equals("aws")) {
      throw new IllegalArgumentException("unrecognized DynamoDB URL " + url + ": use dynamodb://, "
          + "dynamodb://host:port or dynamodb:local");
    }
    if (params.containsKey("endpoint")) {
      endpoint = uri(params.get("endpoint"), url);
    }
    String region = params.get("region");
    if (region == null && endpoint != null) {
      region = "us-east-1";
    }
    String key = params.get("accessKeyId");
    String secret = params.get("secretAccessKey");
    if (key == null && secret == null && local) {
      key = "local";
      secret = "local";
    }
    if (key == null != (secret == null)) {
      throw new IllegalArgumentException("accessKeyId and secretAccessKey go together: " + url);
    }
    Integer pageSize = null;
    if (params.containsKey("pageSize")) {
      try {
        pageSize = Integer.valueOf(params.get("pageSize"));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("pageSize must be a number: " + url, e);
      }
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1: " + url);
      }
    }
    return new DynamoUrl(region, endpoint, key, secret, params.get("sessionToken"),
        params.getOrDefault("tablePrefix", ""), pageSize);
  }

  private static Map<String, String> params(String query, String url) {
    Map<String, String> out = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!PARAMETERS.contains(name)) {
        throw new IllegalArgumentException("unknown DynamoDB URL parameter '" + name + "' in "
            + redact(url) + " (known: " + String.join(", ", new TreeSet<>(PARAMETERS))
            + ")");
      }
      out.put(name, value);
    }
    return out;
  }

  private static URI uri(String text, String url) {
    try {
      URI u = URI.create(text);
      if (u.getScheme() == null || u.getHost() == null) {
        throw new IllegalArgumentException("endpoint " + text + " needs a scheme and a host");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad DynamoDB endpoint in " + redact(url) + ": "
          + e.getMessage(), e);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** {@code url} without its secret, for messages. */
  static String redact(String url) {
    return url.replaceAll("(secretAccessKey|sessionToken)=[^&]*", "$1=***");
  }

  @Override
  public String toString() {
    return "DynamoUrl[region=" + region + ", endpoint=" + endpoint + ", accessKeyId="
        + accessKeyId + ", tablePrefix=" + tablePrefix + ", pageSize=" + pageSize + "]";
  }
}
