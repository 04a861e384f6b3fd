package io.toasty.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The jar against the shared PostgreSQL server, in a schema this test creates and drops (the
 * URL's {@code schema} parameter), with a password in the URL that must never be printed.
 */
class CliOnPostgresTest {
  private static final String SERVER = "r2dbc:postgresql://postgres@127.0.0.1:5432/test";
  private static final String SECRET = "pw-never-printed";

  @TempDir Path work;
  private final String schema = "toasty_cli_" + UUID.randomUUID().toString().substring(0, 8);
  private final List<CliProcess.Result> runs = new ArrayList<>();

  @BeforeEach
  void createSchema() {
    sql("CREATE SCHEMA " + schema);
  }

  @AfterEach
  void dropSchema() {
    sql("DROP SCHEMA " + schema + " CASCADE");
  }

  @Test
  void migratesChecksDriftAndRollsBack() {
    // Trust authentication ignores the password; the tool must still never show it.
    String url = "r2dbc:postgresql://postgres:" + SECRET + "@127.0.0.1:5432/test?schema="
        + schema;
    String v1 = ModelJars.jar(work, "v1").toString();
    String v2 = ModelJars.jar(work, "v2").toString();
    String dir = work.resolve("migrations").toString();

    run("migrate", "generate", "--models", v1, "--dir", dir, "-n", "create accounts").exits(0);
    run("migrate", "generate", "--models", v2, "--dir", dir, "-n", "nickname").exits(0);
    run("migrate", "status", "--url", url, "--dir", dir, "--check")
        .exits(ExitCodes.PENDING).says("at V0, 2 pending").says(":***@")
        .warns("check failed: 2 migration(s) pending");
    run("migrate", "apply", "--url", url, "--dir", dir, "--target", "1").exits(0)
        .warnsInOrder("applying V1__create_accounts\n",
            "  step 1/1: create table cli_accounts ... done (", "applied V1__create_accounts (")
        .says("is at V1");
    run("schema", "diff", "--live", "--url", url, "--models", v2, "--check")
        .exits(ExitCodes.DRIFT).says("cli_accounts.nickname is missing (TEXT expected)")
        .says("index cli_accounts_name_idx");
    JsonNode json = json(run("migrate", "status", "--url", url, "--dir", dir, "--models", v2,
        "--json").exits(0));
    assertEquals(1, json.get("current").asInt());
    assertEquals("PENDING", json.at("/migrations/1/state").asText());
    assertTrue(json.get("database").asText().contains(":***@"), json.toString());
    List<String> kinds = new ArrayList<>();
    json.get("drift").forEach(d -> kinds.add(d.get("kind").asText() + " "
        + (d.has("column") ? d.get("column") : d.get("index")).asText()));
    assertEquals(List.of("MissingColumn nickname", "MissingIndex cli_accounts_name_idx"), kinds);
    run("migrate", "apply", "--url", url, "--dir", dir).exits(0)
        .warnsInOrder("applying V2__nickname\n",
            "  step 1/2: add column cli_accounts.nickname ... done (",
            "  step 2/2: create index cli_accounts_name_idx ... done (", "applied V2__nickname (");
    run("migrate", "status", "--url", url, "--dir", dir, "--models", v2, "--check").exits(0)
        .says("no drift");
    // The history table is Toasty's; a table no model has is drift unless told to ignore it.
    sql("CREATE TABLE " + schema + ".someone_elses (id INT)");
    run("schema", "diff", "--live", "--url", url, "--models", v2, "--check")
        .exits(ExitCodes.DRIFT).says("table someone_elses is not in the models");
    run("schema", "diff", "--live", "--url", url, "--models", v2, "--check",
        "--ignore-extra-tables").exits(0).says("no drift");
    run("migrate", "rollback", "--url", url, "--dir", dir, "--target", "0").exits(0)
        .warnsInOrder("rolling back V2__nickname\n", "rolled back V2__nickname (",
            "rolling back V1__create_accounts\n", "  step 1/1: drop table cli_accounts ... done (",
            "rolled back V1__create_accounts (");
    run("schema", "diff", "--live", "--url", url, "--models", v1, "--ignore-extra-tables")
        .exits(0).says("table cli_accounts is missing");
    for (CliProcess.Result r : runs) {
      assertFalse((r.out() + r.err()).contains(SECRET), r.out() + r.err());
    }
  }

  private CliProcess.Result run(String... args) {
    CliProcess.Result r = CliProcess.run(work, args);
    runs.add(r);
    return r;
  }

  private static JsonNode json(CliProcess.Result r) {
    try {
      return new ObjectMapper().readTree(r.out());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.out(), e);
    }
  }

  private static void sql(String statement) {
    ConnectionFactory factory = ConnectionFactories.get(SERVER);
    Mono.usingWhen(Mono.from(factory.create()),
        (Connection c) -> Flux.from(c.createStatement(statement).execute())
            .flatMap(r -> r.getRowsUpdated()).then(),
        Connection::close).block(Duration.ofMinutes(1));
  }
}
