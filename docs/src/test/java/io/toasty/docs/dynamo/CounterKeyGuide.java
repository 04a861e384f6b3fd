package io.toasty.docs.dynamo;

import io.toasty.reactive.Db;
import io.toasty.reactive.RetryPolicy;
import io.toasty.reactive.Toasty;
import io.toasty.reactive.TxOptions;
import java.io.PrintStream;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The counter-key example of {@code docs/dynamodb.md} (increasing integer keys without
 * database-generated ones), run against DynamoDB Local by {@link CounterKeyGuideTest}. It blocks
 * because it is a command-line program.
 */
public final class CounterKeyGuide {
  private CounterKeyGuide() {}

  /** Runs the example against {@code url}, printing what it does to {@code out}. */
  public static void run(String url, PrintStream out) {
    Db db = Toasty.builder().models(KeyCounters.MODEL, Bookings.MODEL).url(url).build();
    db.schema().push().block();
    try {
      KeyCounters.create().name("booking").last(0).exec(db).block();
      List<Long> numbers = Flux.range(0, 3)
          .flatMap(i -> book(db, "guest" + i).map(Booking::number))
          .sort().collectList().block();
      out.println("numbers " + numbers);
    } finally {
      db.close().block();
    }
  }

  // snippet: dynamo-counter-key
  // the next number: read the counter, move it on and create the record in one optimistic
  // transaction; of two at once one commits, the other conflicts and its retry reads the
  // moved counter, so no number is handed out twice
  static Mono<Booking> book(Db db, String guest) {
    TxOptions retried = TxOptions.defaults().retry(RetryPolicy.transientErrors(10));
    return db.transactionMono(retried, tx -> KeyCounters.getByName(tx, "booking")
        .flatMap(counter -> KeyCounters.update(counter).last(counter.last() + 1).exec(tx)
            .then(Bookings.create().number(counter.last() + 1).guest(guest).exec(tx))));
  }
  // end-snippet
}
