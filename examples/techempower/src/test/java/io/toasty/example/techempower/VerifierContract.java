package io.toasty.example.techempower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TechEmpower's verifier (toolset/test_types/{db,query,fortune,update} and verifications.py of
 * TechEmpower/FrameworkBenchmarks) as JUnit checks against one implementation's endpoints:
 * headers, JSON shapes and types, the {@code queries} parameter's clamping, the fortunes page,
 * updates read back from the database, and the statements each request runs, counted on the
 * wire by {@link StatementCountingProxy}. Each implementation's test names its path prefix.
 */
abstract class VerifierContract {
  private static final Pattern JSON =
      Pattern.compile("^application/json(; ?charset=(UTF|utf)-8)?$");
  private static final Pattern HTML = Pattern.compile("^text/html; ?charset=(UTF|utf)-8$");
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US);
  private static final Pattern WORLD = Pattern.compile("(?i)\\bworld\\b");
  private static final Pattern FORTUNE = Pattern.compile("(?i)\\bfortune\\b");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final TestServer server = TestServer.get();

  /** The implementation's path prefix, e.g. {@code toasty-r2dbc}. */
  abstract String prefix();

  /**
   * The {@code UPDATE} statements of one {@code /updates?queries=20}: 1 where the twenty worlds
   * go as one bulk statement (the raw code's, Toasty's batch: docs/batches.md, "Updates by key
   * together"), 20 where each is its own.
   */
  abstract int updatesOfTwenty();

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + server.port + "/" + prefix() + path);
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return response;
  }

  /** Server, a current Date, the Content-Type, and Content-Length or Transfer-Encoding. */
  private static void checkHeaders(HttpResponse<String> response, Pattern contentType) {
    var headers = response.headers();
    assertTrue(headers.firstValue("server").isPresent(), "Server");
    String date = headers.firstValue("date").orElseThrow();
    ZonedDateTime sent = ZonedDateTime.parse(date, HTTP_DATE);
    long skew = Math.abs(Duration.between(sent, ZonedDateTime.now(ZoneOffset.UTC)).toSeconds());
    assertTrue(skew <= 5, "Date " + date + " is not now");
    String type = headers.firstValue("content-type").orElseThrow();
    assertTrue(contentType.matcher(type).matches(), "Content-Type " + type);
    assertTrue(headers.firstValue("content-length").isPresent()
        || headers.firstValue("transfer-encoding").isPresent(), "a size header");
  }

  /** {"id": 1..10000, "randomNumber": 1..10000}, keys case-insensitive, nothing else. */
  private static void checkWorld(JsonNode world) {
    assertTrue(world.isObject(), "an object: " + world);
    Map<String, JsonNode> fields = world.properties().stream()
        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    assertEquals(Set.of("id", "randomnumber"), fields.keySet());
    assertTrue(fields.get("id").isInt() && fields.get("randomnumber").isInt(), "ints: " + world);
    int id = fields.get("id").intValue();
    int number = fields.get("randomnumber").intValue();
    assertTrue(id >= 1 && id <= 10_000, "id " + id);
    assertTrue(number >= 1 && number <= 10_000, "randomNumber " + number);
  }

  private static JsonNode worlds(HttpResponse<String> response, int expected) {
    checkHeaders(response, JSON);
    JsonNode array = MAPPER.readTree(response.body());
    assertTrue(array.isArray(), "an array: " + response.body());
    assertEquals(expected, array.size());
    array.forEach(VerifierContract::checkWorld);
    return array;
  }

  private long worldSelects() {
    return server.proxy.executions(sql -> WORLD.matcher(sql).find() && sql.trim()
        .regionMatches(true, 0, "select", 0, 6));
  }

  private long worldUpdates() {
    return server.proxy.executions(sql -> WORLD.matcher(sql).find() && sql.trim()
        .regionMatches(true, 0, "update", 0, 6));
  }

  @Test
  void singleQueryIsOneWorldByOneQuery() throws Exception {
    long before = worldSelects();
    HttpResponse<String> response = get("/db");
    assertEquals(1, worldSelects() - before, "queries of one /db");
    checkHeaders(response, JSON);
    checkWorld(MAPPER.readTree(response.body()));
  }

  @Test
  void queriesClampsItsParameter() throws Exception {
    String[][] cases = {{"?queries=2", "2"}, {"?queries=0", "1"}, {"?queries=foo", "1"},
        {"?queries=501", "500"}, {"?queries=", "1"}, {"", "1"}, {"?queries=1", "1"},
        {"?queries=500", "500"}};
    for (String[] c : cases) {
      worlds(get("/queries" + c[0]), Integer.parseInt(c[1]));
    }
  }

  @Test
  void twentyQueriesAreTwentyQueries() throws Exception {
    long before = worldSelects();
    worlds(get("/queries?queries=20"), 20);
    assertEquals(20, worldSelects() - before, "queries of one /queries?queries=20");
  }

  @Test
  void fortunesIsTechEmpowersPage() throws Exception {
    long before = server.proxy.executions(sql -> FORTUNE.matcher(sql).find());
    HttpResponse<String> response = get("/fortunes");
    assertEquals(1, server.proxy.executions(sql -> FORTUNE.matcher(sql).find()) - before,
        "queries of one /fortunes");
    checkHeaders(response, HTML);
    assertEquals(ReferenceFortunes.normalized(), ReferenceFortunes.normalize(response.body()));
  }

  @Test
  void updatesClampItsParameter() throws Exception {
    String[][] cases = {{"?queries=2", "2"}, {"?queries=0", "1"}, {"?queries=foo", "1"},
        {"?queries=", "1"}, {"", "1"}};
    for (String[] c : cases) {
      worlds(get("/updates" + c[0]), Integer.parseInt(c[1]));
    }
  }

  /**
   * Twenty reads and either one bulk update or twenty updates ({@link #updatesOfTwenty}),
   * writing twenty rows: the two counts TechEmpower's verifier accepts (verify_queries_count's
   * bulk and per-row cases).
   */
  @Test
  void twentyUpdatesReadTwentyAndWriteTwenty() throws Exception {
    long selects = worldSelects();
    long updates = worldUpdates();
    long rows = server.proxy.rowsUpdated();
    worlds(get("/updates?queries=20"), 20);
    assertEquals(20, worldSelects() - selects, "reads of one /updates?queries=20");
    assertEquals(updatesOfTwenty(), worldUpdates() - updates,
        "updates of one /updates?queries=20");
    assertEquals(20, server.proxy.rowsUpdated() - rows, "rows written");
  }

  /** 501 is clamped to 500 worlds, each stored with the number the response shows. */
  @Test
  void updatesArePersisted() throws Exception {
    Map<Integer, Integer> before = WorldTable.read();
    JsonNode worlds = worlds(get("/updates?queries=501"), 500);
    Map<Integer, Integer> after = WorldTable.read();
    List<Integer> ids = new ArrayList<>();
    int changed = 0;
    for (JsonNode w : worlds) {
      int id = w.get("id").intValue();
      ids.add(id);
      assertEquals(w.get("randomNumber").intValue(), after.get(id), "world " + id);
      if (!before.get(id).equals(after.get(id))) {
        changed++;
      }
    }
    assertEquals(500, Set.copyOf(ids).size(), "distinct ids");
    assertTrue(changed > 450, "rows changed: " + changed);
  }
}
