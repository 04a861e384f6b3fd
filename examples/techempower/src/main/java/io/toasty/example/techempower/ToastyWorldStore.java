package io.toasty.example.techempower;

import io.toasty.Statement;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Toasty, as a user writes it from the guide: a get by key, a query of every fortune, and one
 * update by key per world, the request's updates in one batch, which writes them with one
 * {@code UPDATE .. CASE} statement (docs/batches.md, "Updates by key together"). The same code
 * runs on either transport; the {@link Db} decides (R2DBC from the Spring Boot starter, Vert.x
 * from a {@code vertx:} URL).
 *
 * <p>Both {@code Db}s are built with coalescing off ({@code toasty.coalesce-*=false} and
 * {@code DbBuilder.coalesce*(false)}): TechEmpower demands one query per World read and forbids
 * merging the reads of a request into an {@code IN} list, and Toasty's coalescing would merge
 * the gets (and updates) of concurrent requests that wait for a connection
 * (docs/operations.md, "Gets under load"). The verifier tests count the statements on the wire
 * ({@code StatementCountingProxy}) and fail if they are fewer than the rules demand.
 */
public final class ToastyWorldStore implements WorldStore {
  private final Db db;

  /** A store on {@code db}, whose models include {@link World} and {@link Fortune}. */
  public ToastyWorldStore(Db db) {
    this.db = db;
  }

  // snippet: techempower-toasty
  @Override
  public Mono<World> world(int id) {
    return Worlds.getById(db, id);
  }

  @Override
  public Mono<List<Fortune>> fortunes() {
    return Fortunes.all().collect(db);
  }

  @Override
  public Mono<Void> update(List<World> worlds) {
    // one batch: one transaction, one UPDATE .. CASE, one commit; in key order, so that two
    // requests lock their rows in the same order and cannot deadlock
    List<Statement<Long>> updates = worlds.stream()
        .sorted(Comparator.comparingInt(World::id))
        .map(w -> (Statement<Long>) Worlds.updateById(w.id()).randomNumber(w.randomNumber()))
        .toList();
    return Toasty.batch(updates).exec(db).then();
  }
  // end-snippet
}
