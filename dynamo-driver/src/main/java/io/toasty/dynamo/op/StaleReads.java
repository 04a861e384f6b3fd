package io.toasty.dynamo.op;

import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether an optimistic transaction decided on stale reads, asked where one of its statements
 * fails on a stored record (a key another record holds): each item it read is read again,
 * strongly consistent, and the first that changed is the error instead, the
 * {@code SerializationFailureException} its COMMIT would have met, which the retry policy runs
 * again. Two transactions that read a counter and create the record numbered by it: the later
 * one's create finds the earlier one's record, and its counter has moved (docs'
 * {@code CounterKeyGuideTest}). Only on that failure path: a statement that succeeds reads
 * nothing more.
 */
final class StaleReads {
  private StaleReads() {}

  /** Fails with the first changed read's conflict, else with {@code error}. */
  static <T> Mono<T> orError(TxLedger l, RuntimeException error) {
    return Flux.fromIterable(l.reads().entrySet())
        .concatMap(read -> UniqueWrites.read(l.context(), read.getKey().table(),
                read.getKey().key())
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .filter(now -> !same(now, read.getValue()))
            .map(now -> (RuntimeException) SeenCondition.changed(read.getKey().table(),
                read.getKey().key(), error)))
        .next()
        .defaultIfEmpty(error)
        .flatMap(Mono::error);
  }

  private static boolean same(Optional<Map<String, AttributeValue>> now,
      Optional<Map<String, AttributeValue>> seen) {
    return now.equals(seen);
  }
}
