package io.toasty.docs.neo4j;

import io.toasty.Row;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.migrate.MigrationGenerator;
import io.toasty.migrate.Migrator;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.schema.Schema;
import io.toasty.schema.naming.NamingStrategy;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The example of {@code docs/neo4j.md}, run against Neo4j in the test JVM by
 * {@link Neo4jGuideTest}. It blocks because it is a command-line program.
 */
public final class Neo4jGuide {
  private Neo4jGuide() {}

  /** Runs the example against {@code url}, printing what it does to {@code out}. */
  public static void run(String url, PrintStream out) {
    // snippet: neo4j-connect
    Db db = Toasty.builder()
        .models(Movies.MODEL, Directors.MODEL, Pictures.MODEL, Stars.MODEL, Credits.MODEL)
        .url(url)      // e.g. "neo4j://neo4j:secret@localhost:7687/movies?labelPrefix=demo_"
        .poolMaxSize(10)
        .build();
    db.schema().push().block();   // uniqueness constraints and indexes, IF NOT EXISTS
    // end-snippet
    try {
      tour(db, out);
    } finally {
      db.close().block();
    }
    naming(url, out);
  }

  /**
   * A Db that names labels and properties as graph users write them, Neo4j's default, and one
   * that keeps the names as the models derive them.
   */
  private static void naming(String url, PrintStream out) {
    // snippet: neo4j-naming
    Db graph = Toasty.builder()
        .models(Bookmarks.MODEL)
        .url(url)                         // Neo4j's default: label Bookmark, property clickCount
        .build();
    graph.schema().push().block();
    Bookmarks.create().url("https://neo4j.com").clickCount(3).exec(graph).block();
    Row row = graph.cypher("MATCH (b:Bookmark) RETURN b.clickCount AS clicks, labels(b) AS l")
        .rows().next().block();
    out.println(row.get("clicks", Long.class) + " " + row.get("l", Object.class));
    // end-snippet
    graph.close().block();
    // snippet: neo4j-naming-declared
    Db snake = Toasty.builder()
        .models(Bookmarks.MODEL)
        .url(url)
        .naming(NamingStrategy.declared())  // label bookmarks, property click_count
        .build();
    snake.schema().push().block();
    Bookmarks.create().url("https://neo4j.com/docs").clickCount(5).exec(snake).block();
    Row kept = snake.cypher("MATCH (b:Bookmark) RETURN b.click_count AS clicks, labels(b) AS l")
        .rows().next().block();
    out.println(kept.get("clicks", Long.class) + " " + kept.get("l", Object.class));
    // end-snippet
    snake.close().block();
  }

  /**
   * Opens a Db on a Memgraph URL without reaching the server (the Neo4j driver connects on first
   * use), and prints the backend its capability names.
   */
  public static void memgraph(PrintStream out) {
    // snippet: neo4j-memgraph
    Db db = Toasty.builder()
        .models(Movies.MODEL)
        .url("memgraph://localhost:7687?labelPrefix=demo_") // Bolt, in Memgraph's Cypher dialect
        .build();
    out.println(db.capability().backend());                 // memgraph
    // end-snippet
    db.close().block();
  }

  private static void tour(Db db, PrintStream out) {
    // snippet: neo4j-crud
    Movie matrix = Movies.create().title("The Matrix").genre("sci-fi").released(1999)
        .tagline("Welcome to the Real World").exec(db).block();
    Movies.create().title("Alien").genre("sci-fi").released(1979).exec(db).block();
    Movies.create().title("Heat").genre("crime").released(1995).exec(db).block();
    // MATCH (n0:`Movie`) WHERE ((n0.`genre` = $p0) AND (n0.`released` > $p1))
    // RETURN .. ORDER BY n0.`released` DESC
    List<String> titles = Movies.filter(Movies.GENRE.eq("sci-fi").and(Movies.RELEASED.gt(1970)))
        .orderBy(Movies.RELEASED.desc()).collect(db).block()
        .stream().map(Movie::title).toList();
    long crime = Movies.filter(Movies.GENRE.eq("crime")).count(db).block();
    // end-snippet
    out.println(titles + ", " + crime + " crime; " + matrix.tagline().orElse(""));

    // snippet: neo4j-unique
    try {
      Movies.create().title("Heat").genre("crime").released(1995).exec(db).block();
    } catch (UniqueViolationException e) {
      out.println(e.model().orElse("?") + "." + e.field().orElse("?") + " taken"); // Movie.title
    }
    // end-snippet

    // snippet: neo4j-transaction
    try {
      db.transaction(tx -> Flux.concat(
              Movies.create().title("Ronin").genre("crime").released(1998).exec(tx),
              Movies.create().title("Alien").genre("sci-fi").released(1979).exec(tx)))
          .blockLast();
    } catch (UniqueViolationException e) {
      boolean ronin = Movies.filter(Movies.TITLE.eq("Ronin")).count(db).block() > 0;
      out.println("rolled back, Ronin stored: " + ronin);   // false
    }
    // end-snippet

    // snippet: neo4j-for-update
    Movie locked = db.transactionMono(tx -> Movies.filter(Movies.TITLE.eq("Heat")).forUpdate()
        .first(tx)
        .flatMap(m -> Movies.update(m).released(m.released() + 1).exec(tx))).block();
    // end-snippet
    out.println("Heat released " + locked.released());          // 1996

    rawCypher(db, out);
    explain(db, out);
    relations(db, out);

    // snippet: neo4j-refusals
    try {
      db.transaction(tx -> tx.transaction(inner -> Movies.all().collect(inner))).blockLast();
    } catch (UnsupportedFeatureException e) {
      out.println(e.feature() + " on " + e.backend());      // SAVEPOINTS on neo4j
    }
    // end-snippet
    migrations(db, tempDir(), out);
  }

  /** A row of the raw Cypher example, mapped by column name. */
  // snippet: neo4j-raw-cypher-record
  record Decade(long decade, long movies) {}
  // end-snippet

  private static void rawCypher(Db db, PrintStream out) {
    // snippet: neo4j-raw-cypher
    // rows mapped to a record by column name
    List<Decade> decades = db.cypher("MATCH (m:Movie) WHERE m.released >= $from"
            + " RETURN m.released / 10 * 10 AS decade, count(m) AS movies ORDER BY decade")
        .bind("from", 1970).as(Decade.class).collectList().block();
    // nodes mapped to the model, decoded as the typed API decodes them
    List<Movie> older = db.cypher("MATCH (m:Movie) WHERE m.released < $year RETURN m")
        .bind("year", 1990).as(Movies.MODEL).collectList().block();
    // in a transaction, a raw write rolls back with the rest
    try {
      db.transaction(tx -> tx.cypher("MATCH (m:Movie {title: $title}) SET m.released = $year")
              .bind("title", "Heat").bind("year", 2025).execute()
              .then(Mono.error(new IllegalStateException("changed my mind"))))
          .blockLast();
    } catch (IllegalStateException e) {
      int heat = Movies.filter(Movies.TITLE.eq("Heat")).collect(db).block().get(0).released();
      out.println(decades + " " + older.get(0).title() + " " + heat); // .. Alien 1996
    }
    // end-snippet
  }

  private static void explain(Db db, PrintStream out) {
    // snippet: neo4j-explain
    String plan = db.explain(Movies.filter(Movies.GENRE.eq("crime")).untyped());
    // ... the planner's phases, then:
    // -- Cypher (what the driver sends)
    //    $0 = MATCH (n0:`Movie`) WHERE (n0.`genre` = $p0) RETURN n0.`id` AS c0, ..
    //           $p0 = $0
    // end-snippet
    out.println(plan.lines().filter(l -> l.startsWith("-- ")).reduce((a, b) -> b).orElse("")
        + " " + plan.contains("MATCH (n0:`guide_Movie`) WHERE (n0.`genre` = $p0)"));
  }

  private static void migrations(Db db, Path dir, PrintStream out) {
    // snippet: neo4j-migrations
    MigrationGenerator.of(dir).generate(Schema.of(List.of(Movies.MODEL.schema())), "create movies");
    List<Integer> applied = Migrator.of(db, dir).apply().block();   // [1]
    // neo4j/V1__create_movies.cypher:
    // CREATE CONSTRAINT `${labelPrefix}Movie_pkey` IF NOT EXISTS FOR (n:`${labelPrefix}Movie`)
    //   REQUIRE (n.`id`) IS UNIQUE;  ..
    int recorded = Migrator.of(db, dir).history().block().size();    // 1 :ToastyMigration node
    // end-snippet
    out.println("migrations applied " + applied + ", " + recorded + " in the history");
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("neo4j-migrations");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void relations(Db db, PrintStream out) {
    // snippet: neo4j-relations
    Director wachowski = Directors.create().name("Lana Wachowski").exec(db).block();
    // CREATE (n:Picture) .. MATCH (t:Director {id: ..}) CREATE (n)-[:DIRECTOR]->(t)
    Picture matrix = wachowski.pictures().create(Pictures.create()).title("The Matrix")
        .exec(db).block();
    Pictures.create().director(wachowski).title("Cloud Atlas").exec(db).block();
    // the key is read back from the relationship's end node
    boolean linked = matrix.directorId().equals(wachowski.id());
    // a relation filter is a pattern over the relationship
    List<String> names = Directors.filter(Directors.PICTURES.any(Pictures.TITLE.eq("Cloud Atlas")))
        .collect(db).block().stream().map(Director::name).toList();
    // an include follows the relationship back to the pictures
    Director loaded = Directors.filter(Directors.ID.eq(wachowski.id()))
        .include(Directors.PICTURES).first(db).block();
    try {
      Pictures.create().directorId(UUID.randomUUID()).title("Lost").exec(db).block();
    } catch (ForeignKeyViolationException e) {
      out.println("no " + e.field().orElse("?") + " node");   // no directorId node
    }
    // end-snippet
    out.println(linked + " " + names + " " + loaded.pictures().get().size());
    joins(db, matrix, out);
  }

  private static void joins(Db db, Picture matrix, PrintStream out) {
    // snippet: neo4j-join
    Star keanu = Stars.create().name("Keanu Reeves").exec(db).block();
    // OPTIONAL MATCH (s:Star {id: ..}) OPTIONAL MATCH (p:Picture {id: ..}) ..
    // CREATE (s)-[c:Credit]->(p) SET c += {id: .., character: ..}
    Credits.create().star(keanu).picture(matrix).character("Neo").exec(db).block();
    // MATCH (s:Star)-[c:Credit]->(p:Picture) WHERE c.character = $p0
    // RETURN c.id, startNode(c).id, endNode(c).id, c.character
    Credit neo = Credits.filter(Credits.CHARACTER.eq("Neo")).first(db).block();
    // the include ends the relationship at the star it starts from: no join node to read
    Star loaded = Stars.filter(Stars.ID.eq(keanu.id())).include(Stars.PICTURES).first(db)
        .block();
    // a link creates the relationship, an unlink deletes it
    keanu.pictures().remove(db, matrix).block();
    // end-snippet
    out.println(neo.pictureId().equals(matrix.id()) + " " + loaded.pictures().get().size() + " "
        + Credits.all().count(db).block());
  }
}
