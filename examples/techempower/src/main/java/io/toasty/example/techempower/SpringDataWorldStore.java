package io.toasty.example.techempower;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import java.util.List;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Data R2DBC's {@link R2dbcEntityTemplate}, as its guide writes it: a select by id, a
 * select of every fortune, and {@code update(entity)} per world, sent concurrently. Its entities
 * ({@link SpringWorld}, {@link SpringFortune}) become the records the other implementations
 * return, so the HTTP side writes the same JSON and HTML.
 */
public final class SpringDataWorldStore implements WorldStore {
  private final R2dbcEntityTemplate template;

  /** A store on {@code template}. */
  public SpringDataWorldStore(R2dbcEntityTemplate template) {
    this.template = template;
  }

  @Override
  public Mono<World> world(int id) {
    return template.select(SpringWorld.class).matching(query(where("id").is(id))).one()
        .map(w -> new World(w.id(), w.randomNumber()));
  }

  @Override
  public Mono<List<Fortune>> fortunes() {
    return template.select(SpringFortune.class).all()
        .map(f -> new Fortune(f.id(), f.message()))
        .collectList();
  }

  @Override
  public Mono<Void> update(List<World> worlds) {
    return Flux.fromIterable(worlds)
        .flatMap(w -> template.update(new SpringWorld(w.id(), w.randomNumber())), worlds.size())
        .then();
  }
}
