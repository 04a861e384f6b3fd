package io.toasty.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Connection;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.DriverException;
import io.toasty.schema.Schema;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.value.Type;
import io.toasty.value.Value;
import io.toasty.vertx.codec.VertxCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What vertx-pg-client alone would get wrong, against the build's PostgreSQL server (as
 * {@link VertxDriverTest}): a document's exact numbers, a set's items of an untyped array
 * parameter, a statement whose cached plan a migration made stale, and sessions the server ended
 * while idle in the pool.
 */
class PostgresFidelityTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SERVER = System.getProperty("toasty.vertx.postgresql",
      "vertx:postgresql://postgres@127.0.0.1:5432/test");
  private static final String FEE = "12345678901234567890.25";
  private static final VertxCodec CODEC = new VertxCodec(PostgresDialect.INSTANCE);

  private String schema;
  private final List<VertxDriver> opened = new ArrayList<>();

  @BeforeEach
  void open() {
    schema = "vx_" + UUID.randomUUID().toString().replace("-", "");
    rows(driver("", 1), "CREATE SCHEMA " + schema, false);
  }

  @AfterEach
  void close() {
    try {
      rows(driver("", 1), "DROP SCHEMA " + schema + " CASCADE", false);
    } finally {
      opened.forEach(d -> d.close().block(WAIT));
    }
  }

  private VertxDriver driver(String options, int poolSize) {
    VertxDriver d = VertxDriver.postgresql(new DriverConfig(SERVER + "?schema=" + schema
        + options, Schema.of(List.of()), poolSize, Duration.ofSeconds(10), Duration.ofMinutes(1),
        null));
    opened.add(d);
    return d;
  }

  private static List<Value.Record> rows(VertxDriver d, String text, boolean returnsRows,
      Value... args) {
    return Mono.usingWhen(d.connect(), c -> rows(c, text, returnsRows, args), Connection::close)
        .block(WAIT);
  }

  private static Mono<List<Value.Record>> rows(Connection c, String text, boolean returnsRows,
      Value... args) {
    // the text's pieces around its values, each marked ? here
    return c.exec(new Operation.RawSql(List.of(text.split("\\?", -1)), List.of(args),
        returnsRows, List.of()))
        .flatMap(r -> r instanceof ExecResponse.Rows rows
            ? rows.rows().collectList() : Mono.just(List.<Value.Record>of()));
  }

  /** The values of a raw row, without its labels. */
  private static Value.Record values(Value.Record row) {
    return (Value.Record) row.get(1);
  }

  @Test
  void aDocumentsNumbersGoInAndComeBackWithEveryDigit() {
    VertxDriver d = driver("", 1);
    rows(d, "CREATE TABLE docs (id int PRIMARY KEY, doc jsonb)", false);
    // bound through ExactJson: Vert.x's own decoding would have rounded the fee to 17 digits
    rows(d, "INSERT INTO docs VALUES (1, ?)", false,
        Value.Json.ofText("{\"fee\":" + FEE + ",\"n\":[1,2.5]}"));
    assertTrue(rows(d, "SELECT doc::text FROM docs", true).get(0).toString().contains(FEE));
    // read through JsonAsText: the row's jsonb column comes as the document's text
    String read = JsonAsText.wrap("SELECT id, doc FROM docs", List.of(Type.Scalar.I32,
        Type.Scalar.JSON), CODEC::jsonb);
    Value doc = values(rows(d, read, true).get(0)).get(1);
    assertEquals(new Value.Str("{\"n\": [1, 2.5], \"fee\": " + FEE + "}"), doc);
    // a write's RETURNING is wrapped the same way
    String returning = JsonAsText.wrap("UPDATE docs SET doc = doc RETURNING doc",
        List.of(Type.Scalar.JSON), CODEC::jsonb);
    assertTrue(values(rows(d, returning, true).get(0)).get(0).toString().contains(FEE));
    assertEquals("SELECT id FROM docs", JsonAsText.wrap("SELECT id FROM docs",
        List.of(Type.Scalar.I32), CODEC::jsonb));
  }

  @Test
  void aSetGainsItemsFromAnArrayParameterCastToItsType() {
    VertxDriver d = driver("", 1);
    rows(d, "CREATE TABLE tagged (id int PRIMARY KEY, tags text[])", false);
    rows(d, "INSERT INTO tagged VALUES (1, '{a}')", false);
    Value items = new Value.Items(new Type.CollectionOf(Type.CollectionOf.Shape.SET,
        Type.Scalar.STRING), List.of(new Value.Str("a"), new Value.Str("b")));
    // vertx-pg-client prepares without the parameter's type: PostgreSQL cannot choose an unnest
    Throwable refused = Mono.usingWhen(d.connect(),
        c -> rows(c, "SELECT x FROM unnest(?) AS t(x)", true, items), Connection::close)
        .map(r -> (Throwable) null).onErrorResume(Mono::just).block(WAIT);
    assertInstanceOf(DriverException.class, refused);
    assertTrue(refused.getMessage().contains("42725"), refused.getMessage());
    // what CollectionChangeSql writes for a set's added items
    rows(d, "UPDATE tagged SET tags = array_cat(COALESCE(tags, '{}'), ARRAY(SELECT x FROM "
        + "unnest(CAST(? AS TEXT[])) WITH ORDINALITY AS t(x, i) WHERE x <> ALL(COALESCE(tags, "
        + "'{}')) ORDER BY i))", false, items);
    assertEquals(new Value.Str("{a,b}"),
        values(rows(d, "SELECT tags::text FROM tagged", true).get(0)).get(0));
  }

  @Test
  void aStatementWhoseCachedPlanAMigrationMadeStaleRunsAgain() {
    VertxDriver d = driver("", 1);
    rows(d, "CREATE TABLE t (id int PRIMARY KEY)", false);
    rows(d, "INSERT INTO t VALUES (1)", false);
    assertEquals(1, values(rows(d, "SELECT * FROM t", true).get(0)).size());
    // the pool's one connection has the SELECT's plan cached; its result type now changes
    rows(d, "ALTER TABLE t ADD COLUMN b int DEFAULT 7", false);
    assertEquals(2, values(rows(d, "SELECT * FROM t", true).get(0)).size());
    rows(d, "ALTER TABLE t DROP COLUMN b", false);
    assertEquals(1, rows(d, "UPDATE t SET id = 2 RETURNING *", true).size());
  }

  @Test
  void aSessionTheServerEndedWhileIdleFailsOneBorrowerAtMost() {
    String app = "vx" + UUID.randomUUID().toString().replace("-", "");
    int pool = 3;
    VertxDriver d = driver("&applicationName=" + app, pool);
    VertxDriver admin = driver("", 1);
    for (int round = 0; round < 5; round++) {
      List<Connection> held = new ArrayList<>();
      for (int i = 0; i < pool; i++) {
        Connection c = d.connect().block(WAIT);
        rows(c, "SELECT 1", true).block(WAIT);
        held.add(c);
      }
      held.forEach(c -> c.close().block(WAIT));
      rows(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
          + "application_name = '" + app + "' AND state = 'idle'", true);
      // each dead session fails the read that meets it, once; then the pool has new ones
      int failed = 0;
      while (true) {
        try {
          rows(d, "SELECT 1", true);
          break;
        } catch (ConnectionLostException e) {
          failed++;
          assertTrue(failed <= pool, "round " + round + ": " + failed + " reads failed on a "
              + "pool of " + pool + " dead sessions: " + e);
        }
      }
    }
  }
}
