package io.toasty.example.techempower;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The database work of TechEmpower's four tests, as one implementation does it; the HTTP side
 * ({@link TestHandlers}) is the same for all of them, so the implementations differ only here.
 * No method throws: failures are signals.
 */
public interface WorldStore {

  /** The World of {@code id}, read by one query. */
  Mono<World> world(int id);

  /** Every Fortune row, read by one query, in any order, as one list. */
  Mono<List<Fortune>> fortunes();

  /**
   * Stores each world's number; completes when every row is written. The worlds of one request
   * come with distinct ids ({@link TestHandlers#updates}).
   */
  Mono<Void> update(List<World> worlds);
}
