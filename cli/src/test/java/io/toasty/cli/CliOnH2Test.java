package io.toasty.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The jar as a CI pipeline runs it, against an H2 file database in a temporary folder: a model
 * change from generate to apply, status and drift with their exit codes, rollback, an edited
 * applied file, explain, and the usage errors; and (on a SQLite file, the one backend where push
 * cannot add everything in place) what push reports instead of doing.
 */
class CliOnH2Test {
  @TempDir Path work;

  @Test
  void aModelChangeFromGenerateToAppliedWithExitCodes() throws IOException {
    String url = "r2dbc:h2:file:///" + work.resolve("db").toString().replace('\\', '/');
    String v1 = ModelJars.jar(work, "v1").toString();
    String v2 = ModelJars.directory(work, "v2").toString();
    String dir = work.resolve("migrations").toString();

    CliProcess.run(work, "migrate", "generate", "--models", v1, "--dir", dir,
        "--name", "create accounts").exits(0).says("V1__create_accounts written")
        .says("create table cli_accounts");
    assertTrue(Files.exists(work.resolve("migrations/h2/V1__create_accounts.sql")));
    CliProcess.run(work, "migrate", "status", "--url", url, "--dir", dir, "--check")
        .exits(ExitCodes.PENDING).says("V1__create_accounts  pending").warns("pending");
    CliProcess.run(work, "migrate", "apply", "--url", url, "--dir", dir).exits(0)
        .warnsInOrder("applying V1__create_accounts\n",
            "  step 1/1: create table cli_accounts ... done (",
            "applied V1__create_accounts (")
        .says("applied 1 migration");
    CliProcess.run(work, "migrate", "status", "--url", url, "--dir", dir, "--check",
        "--models", v1).exits(0).says("V1__create_accounts  applied").says("no drift");

    // The model changes: the database drifts from it until the migration is applied.
    CliProcess.run(work, "schema", "diff", "--classpath", v2, "--dir", dir, "--check")
        .exits(ExitCodes.DRIFT).says("add column cli_accounts.nickname");
    CliProcess.run(work, "schema", "diff", "--live", "--url", url, "--classpath", v2,
        "--check").exits(ExitCodes.DRIFT).says("cli_accounts.nickname is missing")
        .says("is missing");
    CliProcess.run(work, "migrate", "generate", "--classpath", v2, "--dir", dir, "-n",
        "nickname and name index").exits(0).says("V2__nickname_and_name_index written");
    CliProcess.run(work, "migrate", "apply", "--url", url, "--dir", dir).exits(0)
        .warnsInOrder("applying V2__nickname_and_name_index\n",
            "  step 1/2: add column cli_accounts.nickname ... done (",
            "  step 2/2: create index cli_accounts_name_idx ... done (",
            "applied V2__nickname_and_name_index (");
    CliProcess.run(work, "migrate", "status", "--url", url, "--dir", dir, "--check",
        "--classpath", v2).exits(0).says("at V2, 0 pending").says("no drift");

    // Back to V1: the database drifts from V2's models again; a V2 model is then missing.
    CliProcess.run(work, "migrate", "rollback", "--url", url, "--dir", dir, "--target", "1")
        .exits(0).warnsInOrder("rolling back V2__nickname_and_name_index\n",
            "  step 1/2: drop index cli_accounts_name_idx ... done (",
            "  step 2/2: drop column cli_accounts.nickname ... done (",
            "rolled back V2__nickname_and_name_index (");
    CliProcess.run(work, "migrate", "status", "--url", url, "--dir", dir, "--check",
        "--models", v1).exits(ExitCodes.PENDING).says("V2__nickname_and_name_index  pending");

    // Going back on the model would drop a column: refused without the flag.
    CliProcess.run(work, "migrate", "generate", "--models", v1, "--dir", dir, "-n", "undo")
        .exits(ExitCodes.DESTRUCTIVE).warns("--allow-destructive");

    // An applied file edited afterwards: status and apply stop with the mismatch code.
    Path first = work.resolve("migrations/h2/V1__create_accounts.sql");
    Files.writeString(first, Files.readString(first) + "\n-- edited\n");
    CliProcess.run(work, "migrate", "status", "--url", url, "--dir", dir)
        .exits(ExitCodes.CHECKSUM_MISMATCH).says("CHECKSUM MISMATCH").warns("V1__create_accounts");
    CliProcess.run(work, "migrate", "apply", "--url", url, "--dir", dir)
        .exits(ExitCodes.CHECKSUM_MISMATCH).warns("V1__create_accounts");
  }

  /**
   * Schema push on an empty database: the models' tables made, then no drift between them and the
   * database; older models see the newer column as drift.
   */
  @Test
  void pushCreatesWhatTheModelsNeedAndTheDatabaseThenMatchesThem() {
    String url = "r2dbc:h2:file:///" + work.resolve("pushed").toString().replace('\\', '/');
    String v1 = ModelJars.jar(work, "v1").toString();
    String v2 = ModelJars.jar(work, "v2").toString();
    CliProcess.run(work, "schema", "push", "--url", url, "--models", v2).exits(0)
        .says("pushed: [cli_accounts]").warnsInOrder("pushing 1 model to ", " ... done (");
    CliProcess.run(work, "schema", "diff", "--live", "--url", url, "--models", v2, "--check")
        .exits(0).says("no drift");
    CliProcess.run(work, "schema", "push", "--url", url, "--models", v2).exits(0)
        .says("pushed: [cli_accounts]");
    CliProcess.run(work, "schema", "diff", "--live", "--url", url, "--models", v1, "--check")
        .exits(ExitCodes.DRIFT).says("cli_accounts.nickname (")
        .says("index cli_accounts_name_idx");
  }

  /**
   * A table pushed by older models lacks the newer models' index: {@code schema diff --push}
   * shows it with its statement, push adds it, and the diff is then clean.
   */
  @Test
  void diffPushShowsWhatPushAddsToAnExistingTable() {
    String url = "r2dbc:h2:file:///" + work.resolve("older").toString().replace('\\', '/');
    String v1 = ModelJars.jar(work, "v1").toString();
    String v2 = ModelJars.jar(work, "v2").toString();
    CliProcess.run(work, "schema", "push", "--url", url, "--models", v1).exits(0);
    CliProcess.run(work, "schema", "diff", "--push", "--url", url, "--models", v2, "--check")
        .exits(ExitCodes.DRIFT).says("cli_accounts:")
        .says("  cli_accounts: missing index cli_accounts_name_idx (push adds it)")
        .says("    CREATE INDEX IF NOT EXISTS \"cli_accounts_name_idx\" ON \"cli_accounts\" "
            + "(\"name\");");
    CliProcess.run(work, "schema", "push", "--url", url, "--models", v2).exits(0);
    CliProcess.run(work, "schema", "diff", "--push", "--url", url, "--models", v2, "--check")
        .exits(0).says("push would add nothing");
  }

  /**
   * On SQLite a table made without its range CHECK cannot get it in place: push says so with
   * the statements that rebuild the table, and {@code schema diff --push} shows the same.
   */
  @Test
  void pushPrintsWhatItCannotAddInPlaceOnSqlite() {
    String url = "r2dbc:sqlite:///" + work.resolve("older.db").toString().replace('\\', '/');
    ConnectionFactory factory = ConnectionFactories.get(url);
    Mono.usingWhen(factory.create(),
        c -> Flux.from(c.createStatement("CREATE TABLE \"cli_accounts\" "
            + "(\"id\" TEXT NOT NULL, \"name\" TEXT NOT NULL, \"age\" INTEGER NOT NULL, "
            + "PRIMARY KEY (\"id\"))").execute()).then(),
        Connection::close).block();
    String v1 = ModelJars.jar(work, "v1").toString();
    CliProcess.run(work, "schema", "push", "--url", url, "--models", v1).exits(0)
        .says("push cannot add these in place; run the statements:")
        .says("  cli_accounts: missing range check cli_accounts_age_range (push cannot add it "
            + "in place: run the statements below)")
        .says("    PRAGMA foreign_keys = OFF;");
    CliProcess.run(work, "schema", "diff", "--push", "--url", url, "--models", v1, "--check")
        .exits(ExitCodes.DRIFT).says("cli_accounts_age_range")
        .says("    ALTER TABLE \"cli_accounts__rebuild\" RENAME TO \"cli_accounts\";");
  }

  /**
   * {@code --naming} names what the models did not name, as the application's Db does: the
   * declared table is kept, and every command of one run agrees; an unknown strategy is a usage
   * error.
   */
  @Test
  void aNamingStrategyIsTheApplicationsOwn() {
    String url = "r2dbc:h2:file:///" + work.resolve("named").toString().replace('\\', '/');
    String v2 = ModelJars.jar(work, "v2").toString();
    CliProcess.run(work, "schema", "push", "--url", url, "--models", v2, "--naming", "graph")
        .exits(0).says("pushed: [cli_accounts]");
    CliProcess.run(work, "schema", "diff", "--live", "--url", url, "--models", v2, "--naming",
        "graph", "--check").exits(0).says("no drift");
    CliProcess.run(work, "schema", "push", "--url", url, "--models", v2, "--naming", "camel")
        .exits(ExitCodes.USAGE).warns("--naming camel: not a naming strategy");
  }

  @Test
  void explainPlansAFilterWithoutTouchingTheDatabase() {
    String url = "r2dbc:h2:mem:///explain";
    String v2 = ModelJars.jar(work, "v2").toString();
    CliProcess.run(work, "explain", "--url", url, "--models", v2, "--model", "Account",
        "--query", "{\"filter\": {\"name\": \"ann\"}, \"sort\": \"-age\", \"limit\": 5}")
        .exits(0).says("cli_accounts");
    CliProcess.run(work, "explain", "--url", url, "--models", v2, "--model", "Account",
        "--query", "{\"filter\": {\"shoeSize\": 3}}")
        .exits(ExitCodes.USAGE).warns("shoeSize");
  }

  @Test
  void usageErrorsAndAnUnreachableDatabaseHaveTheirCodes() {
    CliProcess.run(work).exits(ExitCodes.USAGE).warns("a command is needed");
    CliProcess.run(work, "--help").exits(0).says("Exit codes:").says("migrate");
    CliProcess.run(work, "migrate", "apply", "--no-such-option").exits(ExitCodes.USAGE)
        .warns("--no-such-option");
    CliProcess.run(work, "migrate", "status", "--dir", "x").exits(ExitCodes.USAGE)
        .warns("--url");
    CliProcess.run(work, "schema", "push", "--url", "r2dbc:h2:mem:///none", "--classpath",
        work.toString()).exits(ExitCodes.USAGE).warns("no models");
    CliProcess.Result down = CliProcess.run(work, "migrate", "status", "--url",
        "r2dbc:postgresql://postgres:s3cret-pw@127.0.0.1:1/test", "--dir", "x")
        .exits(ExitCodes.CONNECTION).warns("cannot connect");
    assertFalse((down.out() + down.err()).contains("s3cret-pw"), down.err());
    assertTrue(down.err().contains("postgres:***@"), down.err());
  }
}
