package io.toasty.bench.store;

import io.toasty.bench.model.AuthorWithBooks;
import io.toasty.bench.model.User;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every workload, as one implementation (this library, a raw driver, Spring Data) runs it. The
 * benchmarks call these and block; {@code Check} holds every implementation to the same answers.
 * A workload an implementation cannot run yet fails with {@link UnsupportedOperationException}
 * saying why.
 */
public interface Store extends AutoCloseable {

  /** Get by primary key. */
  Mono<User> get(long id);

  /** A filter that returns one row: the user with {@code email} (a unique column). */
  Mono<List<User>> filterOne(String email);

  /** A filter that returns 100 rows: the users of {@code team} (an indexed column). */
  Mono<List<User>> filterHundred(int team);

  /** A filter that returns 10,000 rows: the users of {@code region} (an indexed column). */
  Mono<List<User>> filterTenThousand(int region);

  /**
   * {@link #filterOne}, accepting an eventually consistent read: on DynamoDB the items straight
   * from the index's Query. A store whose index read returns the items anyway keeps this.
   */
  default Mono<List<User>> filterOneFromIndex(String email) {
    return filterOne(email);
  }

  /** {@link #filterHundred}, accepting an eventually consistent read (as above). */
  default Mono<List<User>> filterHundredFromIndex(int team) {
    return filterHundred(team);
  }

  /** Why the index reads are not measured on SQL databases. */
  String DYNAMO_ONLY = "an eventually consistent read from a secondary index is DynamoDB's";

  /** Inserts one user (its id unset, 0 on SQL) and returns it as stored, with its id. */
  Mono<User> insertOne(User user);

  /** Inserts many users atomically and returns them as stored, in order. */
  Mono<List<User>> insertMany(List<User> users);

  /** Sets the score of user {@code id}; the number of rows updated. */
  Mono<Long> updateByKey(long id, int score);

  /** Users {@code first} to {@code first + 4}, each read by key after the previous one. */
  default Mono<List<User>> getFiveSequential(long first) {
    return Flux.range(0, 5).concatMap(i -> get(first + i), 1).collectList();
  }

  /** Users {@code first} to {@code first + 4}, read by key in one batch. */
  default Mono<List<User>> getFiveBatch(long first) {
    return Mono.error(new UnsupportedOperationException(NO_BATCH));
  }

  /**
   * Inserts any number of users, streamed in chunks of multi-row inserts (each chunk atomic);
   * how many were stored.
   */
  default Mono<Long> createAll(List<User> users) {
    return Mono.error(new UnsupportedOperationException(NO_CREATE_ALL));
  }

  /** Why a store has no batch of reads. */
  String NO_BATCH = "a typed batch of statements is Toasty's; compare with 5 sequential reads";

  /** Why a store has no chunked stream of inserts. */
  String NO_CREATE_ALL = "no chunked multi-row insert stream here";

  /** Why this store cannot run a typed batch or a {@code createAll} stream, or empty. */
  default Optional<String> batchOnly(Workload workload) {
    return switch (workload) {
      case GET_FIVE_BATCH -> Optional.of(NO_BATCH);
      case CREATE_ALL -> Optional.of(NO_CREATE_ALL);
      default -> Optional.empty();
    };
  }

  /**
   * Authors with id 1 to {@code maxAuthorId}, each with its books, as this implementation's own
   * records: what its user holds, with nothing copied for the benchmark's sake ({@link
   * #checkable} turns them into the fixture's form, outside the measured span).
   */
  Mono<? extends List<?>> include(long maxAuthorId);

  /** {@link #include}'s result as the fixture's records, for the check before measuring. */
  @SuppressWarnings("unchecked")
  default List<AuthorWithBooks> checkable(List<?> included) {
    return (List<AuthorWithBooks>) included;
  }

  /** Why this store cannot run {@code workload}, or empty when it can. */
  default Optional<String> unsupported(Workload workload) {
    return Optional.empty();
  }

  /** Releases the store's pool or client. */
  @Override
  void close();
}
