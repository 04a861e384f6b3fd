package io.toasty.docs.dynamo;

import io.toasty.dynamo.DynamoDriver;
import io.toasty.error.ItemTooLargeException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.io.PrintStream;
import java.util.List;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The example of {@code docs/dynamodb.md}, run against DynamoDB Local by
 * {@link DynamoGuideTest}. It blocks because it is a command-line program.
 */
public final class DynamoGuide {
  private DynamoGuide() {}

  /** Runs the example against {@code url}, printing what it does to {@code out}. */
  public static void run(String url, PrintStream out) {
    // snippet: dynamo-connect
    Db db = Toasty.builder()
        .models(Tasks.MODEL, Readings.MODEL)
        .url(url)      // e.g. "dynamodb://localhost:8000?tablePrefix=demo_"
        .build();
    db.schema().push().block();   // a table per model, a GSI per index, waits until ACTIVE
    // end-snippet
    try {
      tour(db, out);
    } finally {
      db.close().block();
    }
  }

  /** A driver over a client of your own, for full control of credentials and HTTP settings. */
  static Db withClient(DynamoDbAsyncClient client) {
    // snippet: dynamo-client
    Db db = Toasty.builder()
        .models(Tasks.MODEL)
        .driverFactory(config -> DynamoDriver.builder()
            .client(client)               // yours: the driver does not close it
            .schema(config.schema())
            .tablePrefix("demo_")
            .build())
        .build();
    // end-snippet
    return db;
  }

  private static void tour(Db db, PrintStream out) {
    // snippet: dynamo-create
    Task write = Tasks.create().owner("ann").title("Write the guide").status("open")
        .slug("write-guide").exec(db).block();
    Tasks.create().owner("ann").title("Review it").status("open").slug("review")
        .exec(db).block();
    Tasks.create().owner("bob").title("Ship it").status("done").slug("ship")
        .exec(db).block();
    // end-snippet
    out.println("created " + write.title());

    // snippet: dynamo-unique
    try {
      Tasks.create().owner("bob").title("Again").status("open").slug("review")
          .exec(db).block();
    } catch (UniqueViolationException e) {
      out.println(e.getMessage());   // Task.slug: another record has the same value (...)
    }
    // end-snippet

    // snippet: dynamo-create-many
    try {
      Tasks.createMany(List.of(
              Tasks.create().owner("cy").title("Plan").status("open").slug("cy-plan"),
              Tasks.create().owner("cy").title("Review").status("open").slug("review")))
          .exec(db).block();                       // one TransactWriteItems: all or nothing
    } catch (UniqueViolationException e) {
      int cys = Tasks.filter(Tasks.OWNER.eq("cy")).collect(db).block().size();
      out.println("createMany refused, cy has " + cys + " tasks");   // 0: "Plan" was not written
    }
    // end-snippet

    // snippet: dynamo-queries
    // partition key equality: one Query on the table, in sort key (creation) order
    List<Task> anns = Tasks.filter(Tasks.OWNER.eq("ann")).collect(db).block();
    // an indexed field: one Query on its GSI, which returns the items; startsWith filters
    List<Task> open = Tasks.filterByStatus("open").filter(Tasks.TITLE.startsWith("Write"))
        .collect(db).block();
    // an OR of two partition keys: one Query per key, concatenated
    List<Task> both = Tasks.filter(Tasks.OWNER.eq("ann").or(Tasks.OWNER.eq("bob")))
        .collect(db).block();
    // a unique field: read strongly consistently through its uniqueness item
    Task review = Tasks.getBySlug(db, "review").block();
    // end-snippet
    out.println("ann has " + anns.size() + " tasks; " + open.size() + " open to write; "
        + both.size() + " for ann or bob; found " + review.title());

    // snippet: dynamo-explain
    String plan = db.explain(Tasks.filterByStatus("open").filter(Tasks.TITLE.startsWith("Write"))
        .untyped());
    // ... plan (MIR, capability dynamodb)
    //    %0 FindPkByIndex tasks.tasks_status_idx where tasks.status = $0 items from the index
    //       (eventually consistent) columns (owner, id, title, status, slug, note)
    //    %1 Filter %0 where tasks.title STARTS_WITH $1
    // end-snippet
    out.println(plan.contains("FindPkByIndex tasks.tasks_status_idx") && !plan.contains("GetByKey")
        ? "plan reads the GSI alone" : "unexpected plan:\n" + plan);

    // snippet: dynamo-consistency
    // the keys from the status index's Query, then each item by key: two requests
    List<Task> openNow = Tasks.filterByStatus("open").stronglyConsistent()
        .collect(db).block();
    // every query of a Db: Toasty.builder()...stronglyConsistentReads().build()
    // a unique field from its GSI as well: Tasks.filterBySlug(..).eventuallyConsistent()
    // end-snippet
    String strongPlan = db.explain(Tasks.filterByStatus("open").stronglyConsistent()
        .untyped());
    out.println(openNow.size() + " open read again by key, "
        + (strongPlan.contains("FindPkByIndex") && strongPlan.contains("GetByKey")
        ? "two requests" : "unexpected plan:\n" + strongPlan));

    // snippet: dynamo-unsupported
    try {
      db.transaction(tx -> Tasks.filter(Tasks.OWNER.eq("ann")).forUpdate().collect(tx))
          .blockLast();
    } catch (UnsupportedFeatureException e) {
      out.println(e.feature() + " on " + e.backend());   // ROW_LOCKS on dynamodb
    }
    // end-snippet

    // snippet: dynamo-residual
    // DynamoDB's conditions have no ends-with and no case-insensitive match: the read sends
    // what they can hold (owner = "ann", a partition Query) and the engine checks the rest
    List<Task> its = Tasks.filter(Tasks.OWNER.eq("ann").and(Tasks.TITLE.endsWithIgnoreCase(" IT")))
        .collect(db).block();                    // [Review it]
    // end-snippet
    out.println(its.size() + " of ann's tasks end in it");

    // snippet: dynamo-sort-key
    // ordered by the sort key within one partition: the Query reads it backward
    List<Task> newest = Tasks.filter(Tasks.OWNER.eq("ann")).orderBy(Tasks.ID.desc()).limit(1)
        .collect(db).block();                    // [Review it]: created last
    // end-snippet
    out.println("ann's newest: " + newest.get(0).title());

    // snippet: dynamo-sort-in-memory
    // not the sort key: the engine sorts what the read returns, then takes the first two
    List<Task> byTitle = Tasks.all().orderBy(Tasks.TITLE.asc()).limit(2)
        .collect(db).block();                    // [Review it, Ship it]
    // end-snippet
    out.println("sorted: " + byTitle.stream().map(Task::title).toList());

    Long closed = Tasks.updateBySlug("review").status("done").exec(db).block();
    Long deleted = Tasks.filter(Tasks.OWNER.eq("bob")).delete().exec(db).block();
    out.println("closed " + closed + ", deleted " + deleted);

    // snippet: dynamo-bulk
    // every key generated, no unique field: BatchWriteItem, 25 readings a request
    List<Reading> stored = Readings.createAll(Flux.range(0, 60)
            .map(i -> Readings.create().sensor("s" + i % 3).celsius(20 + i % 5)))
        .nonAtomic()
        .exec(db).collectList().block();
    // end-snippet
    out.println("stored " + stored.size() + " readings, "
        + Readings.all().collect(db).block().size() + " read back");

    // snippet: dynamo-computed-update
    // SET can add and subtract; a product is computed from each item as read and written on
    // condition that the field is still as read (changed meanwhile: read again, compute again)
    Long recalibrated = Readings.filter(Readings.SENSOR.eq("s0")).update()
        .celsius(Readings.CELSIUS.times(1.5).minus(10.0)).exec(db).block();   // 20
    // end-snippet
    double lowest = Readings.filter(Readings.SENSOR.eq("s0")).collect(db).block().stream()
        .mapToDouble(Reading::celsius).min().orElseThrow();
    out.println("recalibrated " + recalibrated + " readings, lowest now " + lowest);

    // snippet: dynamo-upsert-unique
    // by the unique slug: its uniqueness item names the task that holds "review", which is
    // updated under its own key; no task holds "triage", so that one is created
    Task again = Tasks.upsert().owner("dee").title("Review it again").status("open")
        .slug("review").onConflict(Tasks.SLUG).exec(db).block();        // ann's task
    Task triage = Tasks.upsert().owner("dee").title("Triage").status("open")
        .slug("triage").onConflict(Tasks.SLUG).ignoreConflict().exec(db).block();   // created
    // end-snippet
    out.println("upserted " + again.owner() + "'s " + again.title() + "; created "
        + triage.owner() + "'s " + triage.title());

    // snippet: dynamo-item-size
    try {
      Tasks.create().owner("eve").title("t".repeat(250 * 1024)).status("open").slug("huge")
          .note("x".repeat(250 * 1024))           // 500 KB in all: more than one item holds
          .exec(db).block();
    } catch (ItemTooLargeException e) {
      // "[dynamodb] a Task record of 512... bytes is larger than the 409600 bytes (400 KB) ..."
      out.println(e.model().orElseThrow() + " refused: " + e.size() + " > " + e.limit()
          + " bytes, eve has " + Tasks.filter(Tasks.OWNER.eq("eve")).collect(db).block().size()
          + " tasks");
    }
    // end-snippet
  }
}
