package io.toasty.docs.dynamo;

import io.toasty.error.SerializationFailureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.RetryPolicy;
import io.toasty.reactive.Toasty;
import io.toasty.reactive.Tx;
import io.toasty.reactive.TxOptions;
import java.io.PrintStream;
import reactor.core.publisher.Mono;

/**
 * The transactions example of {@code docs/dynamodb.md}, run against DynamoDB Local by
 * {@link OptimisticGuideTest}. It blocks because it is a command-line program.
 */
public final class OptimisticGuide {
  private OptimisticGuide() {}

  /** Runs the example against {@code url}, printing what it does to {@code out}. */
  public static void run(String url, PrintStream out) {
    Db db = Toasty.builder().models(Tasks.MODEL).url(url).build();
    db.schema().push().block();
    try {
      Tasks.create().owner("ann").title("Write").status("open").slug("write").exec(db).block();
      tour(db, out);
    } finally {
      db.close().block();
    }
  }

  private static void tour(Db db, PrintStream out) {
    // snippet: dynamo-transaction
    // read, decide, write several records: all or nothing, and run again on a conflict
    TxOptions retried = TxOptions.defaults().retry(RetryPolicy.transientErrors(3));
    Task next = db.transactionMono(retried, tx ->
        Tasks.filter(Tasks.OWNER.eq("ann").and(Tasks.STATUS.eq("open"))).first(tx)
            .flatMap(open -> Tasks.update(open).status("done").exec(tx))
            .then(Tasks.create().owner("ann").title("Review").status("open").slug("review")
                .exec(tx)))
        .block();
    out.println("next: " + next.title());
    // end-snippet

    // snippet: dynamo-conflict
    Tx first = db.begin().block();
    Tx second = db.begin().block();
    Task seenByFirst = Tasks.filterBySlug("review").first(first).block();
    Task seenBySecond = Tasks.filterBySlug("review").first(second).block();
    Tasks.update(seenByFirst).note("first").exec(first).block();
    Tasks.update(seenBySecond).note("second").exec(second).block();  // buffered: nothing sent
    first.commit().block();
    try {
      second.commit().block();   // the item it read has changed: nothing of it is written
    } catch (SerializationFailureException e) {
      out.println("conflict, transient: " + e.isTransient());
    }
    out.println("note: " + Tasks.filterBySlug("review").first(db).block().note().orElse("-"));
    // end-snippet

    // snippet: dynamo-savepoint
    db.transaction(tx -> Tasks.create().owner("ann").title("Kept").status("open").slug("kept")
            .exec(tx)
            .then(tx.transactionMono(inner -> Tasks.create().owner("ann").title("Dropped")
                    .status("open").slug("dropped").exec(inner)
                    .then(Mono.error(new IllegalStateException("undo the inner writes"))))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty())))
        .blockLast();
    out.println("titles: " + Tasks.filter(Tasks.OWNER.eq("ann")).collect(db).block().stream()
        .map(Task::title).sorted().toList());
    // end-snippet
  }
}
