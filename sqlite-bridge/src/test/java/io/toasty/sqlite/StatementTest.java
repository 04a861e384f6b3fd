package io.toasty.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Statement, Batch and Result. */
class StatementTest {
  private Connection c;

  @BeforeEach
  void open() {
    c = Db.connect(Db.memory());
    Db.update(c, "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER)");
  }

  @AfterEach
  void close() {
    Db.close(c);
  }

  @Test
  void bindsByIndexAndName() {
    Db.await(Flux.from(c.createStatement("INSERT INTO users(name, age) VALUES (:name, ?2)")
        .bind("name", "ann").bind(1, 31).execute()).concatMap(Result::getRowsUpdated).then());
    Db.await(Flux.from(c.createStatement("INSERT INTO users(name, age) VALUES (@n, $a)")
        .bind("@n", "bob").bindNull("a", Integer.class).execute())
        .concatMap(Result::getRowsUpdated).then());
    assertEquals(List.of("ann 31", "bob null"), Db.query(c,
        "SELECT name, age FROM users ORDER BY id",
        r -> r.get("name", String.class) + " " + r.get("AGE", Integer.class)));
  }

  @Test
  void bindingMistakesAreRefused() {
    Statement s = c.createStatement("INSERT INTO users(name, age) VALUES (?, ?)");
    assertThrows(IndexOutOfBoundsException.class, () -> s.bind(2, "x"));
    assertThrows(IndexOutOfBoundsException.class, () -> s.bind(-1, "x"));
    assertThrows(IllegalArgumentException.class, () -> s.bind(0, null));
    assertThrows(IllegalArgumentException.class, () -> s.bindNull(0, null));
    assertThrows(NoSuchElementException.class, () -> s.bind("nope", 1));
    assertThrows(IllegalArgumentException.class, () -> s.bind(0, new Object()));
    s.bind(0, "x");
    IllegalStateException incomplete = assertThrows(IllegalStateException.class, s::add);
    assertTrue(incomplete.getMessage().contains("[1]"), incomplete.getMessage());
    StepVerifier.create(Flux.from(s.execute()).subscribeOn(Schedulers.parallel()))
        .expectError(IllegalStateException.class).verify(Db.WAIT);
  }

  @Test
  void addRunsOnceForEachBindingSet() {
    Statement s = c.createStatement("INSERT INTO users(name) VALUES (?)");
    s.bind(0, "a").add().bind(0, "b").add().bind(0, "c");
    List<Long> counts = Db.awaitAll(Flux.from(s.execute()).concatMap(Result::getRowsUpdated));
    assertEquals(List.of(1L, 1L, 1L), counts);
    assertEquals(3, Db.count(c, "users"));
  }

  @Test
  void updateCountsOfDmlAndDdl() {
    Db.update(c, "INSERT INTO users(name) VALUES ('a'), ('b'), ('c')");
    assertEquals(2, Db.update(c, "UPDATE users SET age = 1 WHERE name <> ?", "a"));
    assertEquals(0, Db.update(c, "CREATE TABLE other(x)"));
    assertEquals(3, Db.update(c, "DELETE FROM users"));
  }

  @Test
  void generatedKeysOfAMultiRowInsertComeInInsertOrder() {
    Statement s = c.createStatement("INSERT INTO users(id, name) VALUES (?, 'x'), (?, 'y'), "
        + "(NULL, 'z')").bind(0, 50).bind(1, 7).returnGeneratedValues("id", "name");
    List<String> keys = Db.awaitAll(Flux.from(s.execute())
        .concatMap(r -> r.map((row, md) -> row.get("id", Long.class) + row.get(1, String.class))));
    assertEquals(List.of("50x", "7y", "51z"), keys);
  }

  @Test
  void generatedKeysOfEachBindingSetAndTheirUpdateCount() {
    Statement s = c.createStatement("INSERT INTO users(name) VALUES (?)")
        .bind(0, "a").add().bind(0, "b").returnGeneratedValues("id");
    List<Long> ids = Db.awaitAll(Flux.from(s.execute())
        .concatMap(r -> r.map(row -> row.get(0, Long.class))));
    assertEquals(List.of(1L, 2L), ids);
    Statement counted = c.createStatement("INSERT INTO users(name) VALUES ('c'), ('d')")
        .returnGeneratedValues();
    assertEquals(List.of(2L),
        Db.awaitAll(Flux.from(counted.execute()).concatMap(Result::getRowsUpdated)));
  }

  @Test
  void resultSegmentsAndFilter() {
    Db.update(c, "INSERT INTO users(name) VALUES ('a'), ('b')");
    List<String> segments = Db.awaitAll(Flux.from(c.createStatement(
            "UPDATE users SET age = 2 RETURNING name").execute())
        .concatMap(r -> r.flatMap(seg -> Mono.just(seg instanceof Result.RowSegment row
            ? "row " + row.row().get(0, String.class)
            : "count " + ((Result.UpdateCount) seg).value()))));
    assertEquals(List.of("row a", "row b", "count 2"), segments);
    List<Long> filtered = Db.awaitAll(Flux.from(c.createStatement(
            "UPDATE users SET age = 3 RETURNING name").execute())
        .concatMap(r -> r.filter(seg -> seg instanceof Result.UpdateCount).getRowsUpdated()));
    assertEquals(List.of(2L), filtered);
  }

  @Test
  void aQueryResultHasNoUpdateCountAndIsConsumedOnce() {
    Db.update(c, "INSERT INTO users(name) VALUES ('a')");
    Result result = Db.await(Mono.from(c.createStatement("SELECT * FROM users").execute()));
    assertEquals(null, Db.await(Mono.from(result.getRowsUpdated())));
    StepVerifier.create(Flux.from(result.map(r -> 1)).subscribeOn(Schedulers.parallel()))
        .expectError(IllegalStateException.class).verify(Db.WAIT);
    Db.flush(c); // getRowsUpdated queues the cursor's close on the bridge thread
    assertEquals(0, Db.unwrap(c).session().openCursors());
  }

  @Test
  void mappingErrorsAreSignals() {
    Db.update(c, "INSERT INTO users(name) VALUES ('a')");
    StepVerifier.create(Flux.from(c.createStatement("SELECT name FROM users").execute())
            .concatMap(r -> r.map(row -> row.get(0, Integer.class)))
            .subscribeOn(Schedulers.parallel()))
        .expectErrorSatisfies(e -> assertTrue(e.getMessage().contains("column 'name'"),
            e.getMessage()))
        .verify(Db.WAIT);
  }

  @Test
  void severalStatementsInOneStringGiveAResultEach() {
    List<Long> counts = Db.awaitAll(Flux.from(c.createStatement(
            "INSERT INTO users(name) VALUES ('a'); INSERT INTO users(name) VALUES ('b'), ('c');"
                + " SELECT 1").execute())
        .concatMap(r -> Mono.from(r.getRowsUpdated()).defaultIfEmpty(-1L)));
    assertEquals(List.of(1L, 2L, -1L), counts);
    assertThrows(IndexOutOfBoundsException.class,
        () -> c.createStatement("SELECT ?; SELECT ?").bind(0, 1));
  }

  @Test
  void batchRunsItsStatementsInOrder() {
    List<Long> counts = Db.awaitAll(Flux.from(c.createBatch()
            .add("INSERT INTO users(name) VALUES ('a')")
            .add("UPDATE users SET name = 'b'")
            .add("DELETE FROM users")
            .execute())
        .concatMap(Result::getRowsUpdated));
    assertEquals(List.of(1L, 1L, 1L), counts);
    assertThrows(IllegalArgumentException.class, () -> c.createBatch().add("SELECT ?"));
  }

  @Test
  void nothingRunsUntilSubscribed() {
    Flux<? extends Result> unsubscribed =
        Flux.from(c.createStatement("INSERT INTO users(name) VALUES ('a')").execute());
    assertEquals(0, Db.count(c, "users"));
    Db.awaitAll(unsubscribed.concatMap(Result::getRowsUpdated));
    assertEquals(1, Db.count(c, "users"));
  }

  @Test
  void closedConnectionRefusesWork() {
    Connection other = Db.connect(Db.memory());
    Db.close(other);
    Db.close(other); // twice is fine
    StepVerifier.create(Flux.from(other.createStatement("SELECT 1").execute())
            .subscribeOn(Schedulers.parallel()))
        .expectErrorSatisfies(e -> assertEquals("08003",
            ((R2dbcException) e).getSqlState()))
        .verify(Db.WAIT);
    assertEquals(false, Db.await(Mono.from(other.validate(ValidationDepth.LOCAL))));
    assertEquals(false, Db.await(Mono.from(other.validate(ValidationDepth.REMOTE))));
    assertEquals(true, Db.await(Mono.from(c.validate(ValidationDepth.REMOTE))));
    assertEquals(true, Db.await(Mono.from(c.validate(ValidationDepth.LOCAL))));
  }

  @Test
  void statementTimeoutFailsASlowStatement() {
    Db.await(Mono.from(c.setStatementTimeout(Duration.ofMillis(50))));
    StepVerifier.create(Flux.from(c.createStatement("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                + "SELECT i + 1 FROM n WHERE i < 2000000) SELECT count(*) FROM n").execute())
            .subscribeOn(Schedulers.parallel()))
        .expectError(R2dbcTimeoutException.class).verify(Db.WAIT);
    Db.await(Mono.from(c.setStatementTimeout(Duration.ZERO)));
    assertEquals(1L, Db.query(c, "SELECT 1", r -> r.get(0)).get(0));
  }
}
