package io.toasty.bench.store;

import io.toasty.bench.fixture.Fixture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Ids for inserts where the database assigns none (DynamoDB): consecutive ids from a block of a
 * million picked at random above the fixture's, so that forks sharing one DynamoDB Local never
 * insert the same id.
 */
final class Ids {
  private Ids() {}

  static LongSupplier randomBlock() {
    AtomicLong next = new AtomicLong(Fixture.FIRST_NEW_ID
        + ThreadLocalRandom.current().nextLong(1, 1L << 40) * 1_000_000L);
    return next::getAndIncrement;
  }
}
