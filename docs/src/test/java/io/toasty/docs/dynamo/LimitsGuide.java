package io.toasty.docs.dynamo;

import io.toasty.Row;
import io.toasty.error.CardinalityException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.io.PrintStream;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The relation limits example of {@code docs/dynamodb.md}, run against DynamoDB Local by
 * {@link LimitsGuideTest}. It blocks because it is a command-line program.
 */
public final class LimitsGuide {
  private LimitsGuide() {}

  /** Runs the example against {@code url}, printing what it does to {@code out}. */
  public static void run(String url, PrintStream out) {
    Db db = Toasty.builder().models(Crews.MODEL, Divers.MODEL).url(url).build();
    db.schema().push().block();
    try {
      tour(db, out);
    } finally {
      db.close().block();
    }
  }

  private static void tour(Db db, PrintStream out) {
    // snippet: dynamo-limits
    Crew crew = Crews.create().name("Reef").exec(db).block();
    // ten creates race for three places: each is one TransactWriteItems with the crew's
    // counter, conditioned on it, so exactly three commit
    int landed = Flux.range(0, 10)
        .flatMap(i -> Divers.create().name("d" + i).crewId(crew.id()).exec(db).thenReturn(1)
            .onErrorResume(CardinalityException.class, full -> Mono.just(0)), 10)
        .reduce(0, Integer::sum).block();
    out.println(landed + " of 10 landed");                     // 3 of 10 landed

    Diver one = Divers.filterByCrewId(crew.id()).first(db).block();
    Divers.deleteById(one.id()).exec(db).block();              // the counter goes down too
    Divers.create().name("Kai").crewId(crew.id()).exec(db).block();   // room again
    try {
      Divers.create().name("Lee").crewId(crew.id()).exec(db).block();
    } catch (CardinalityException full) {
      out.println(full.relation() + " " + full.count() + " > " + full.limit());  // divers 4 > 3
    }
    List<Row> items = db.partiql(
            "SELECT \"toasty.count.divers\" FROM \"crews\" WHERE \"id\" = :id")
        .bind("id", crew.id()).rows().collectList().block();
    out.println("counter " + items.get(0).get("toasty.count.divers", Long.class));  // counter 3
    // end-snippet
  }
}
