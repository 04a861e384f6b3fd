package io.toasty.docs.graph;

import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

/**
 * The example of docs/neo4j.md, "Modelling relationships", run by {@link RelationshipGuideTest}
 * on Neo4j in the test JVM and on H2: the same models and calls, the same output. It blocks
 * because it is a command-line program.
 */
public final class RelationshipGuide {
  private RelationshipGuide() {}

  /** Runs the example against {@code url}, printing what it reads to {@code out}. */
  public static void run(String url, PrintStream out) {
    Db db = Toasty.builder()
        .models(Persons.MODEL, Companies.MODEL, Posts.MODEL, Follows.MODEL)
        .url(url)
        .build();
    try {
      db.schema().push().block();
      tour(db, out);
    } finally {
      db.close().block();
    }
  }

  private static void tour(Db db, PrintStream out) {
    // snippet: graph-relationships
    Company acme = Companies.create().name("Acme").exec(db).block();
    // (ann)-[:WORKS_AT]->(acme)
    Person ann = Persons.create().name("Ann").company(acme).exec(db).block();
    Person bob = Persons.create().name("Bob").company(acme).exec(db).block();
    // (ann)-[:WROTE]->(post): declared on Person.posts, so it points from the author
    ann.posts().create(Posts.create()).title("Graphs").exec(db).block();
    // (bob)-[:FOLLOWS {id, since, muted: false}]->(ann): a record of the join model
    Follow follow = Follows.create().follower(bob).followed(ann)
        .since(LocalDate.of(2024, 5, 1)).muted(false).exec(db).block();
    // properties are read, filtered and updated through the join model
    Follows.update(follow).muted(true).note("too many posts").exec(db).block();
    List<String> muted = Follows.filter(Follows.MUTED.eq(true)).collect(db).block().stream()
        .map(f -> f.note().orElse("")).toList();
    // relation filters and includes follow the relationships, whichever way they point
    List<String> authors = Persons.filter(Persons.POSTS.any(Posts.TITLE.eq("Graphs")))
        .collect(db).block().stream().map(Person::name).toList();
    Company loaded = Companies.filter(Companies.ID.eq(acme.id())).include(Companies.STAFF)
        .first(db).block();
    // end-snippet
    out.println("muted " + muted + ", authors " + authors + ", staff "
        + loaded.staff().get().stream().map(Person::name).sorted().toList());
  }
}
