package io.toasty.bench.store;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import io.r2dbc.pool.ConnectionPool;
import io.toasty.bench.fixture.Database;
import io.toasty.bench.model.Author;
import io.toasty.bench.model.AuthorWithBooks;
import io.toasty.bench.model.Book;
import io.toasty.bench.model.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.r2dbc.convert.MappingR2dbcConverter;
import org.springframework.data.r2dbc.convert.R2dbcCustomConversions;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.r2dbc.dialect.H2Dialect;
import org.springframework.data.r2dbc.dialect.PostgresDialect;
import org.springframework.data.r2dbc.dialect.R2dbcDialect;
import org.springframework.data.r2dbc.mapping.R2dbcMappingContext;
import org.springframework.data.r2dbc.repository.support.R2dbcRepositoryFactory;
import org.springframework.data.relational.core.query.Update;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Data R2DBC 4.1 as its users write it: {@link R2dbcEntityTemplate} for single
 * statements, a repository's {@code saveAll} in a transaction for many rows, and a derived
 * repository query per parent for relations (Spring Data R2DBC has no relation loading).
 *
 * <p>Identifiers are plain (unquoted), as in the raw SQL: quoted ones fail on H2. Every insert
 * ends in {@code RETURNING id} (generated values), as the raw and Toasty inserts do.
 */
public final class SpringStore implements Store {

  /** The repository {@code saveAll} goes through. */
  public interface UserRepository extends ReactiveCrudRepository<User, Long> {}

  /** The repository the per-parent loading goes through. */
  public interface BookRepository extends ReactiveCrudRepository<Book, Long> {
    Flux<Book> findByAuthorId(long authorId);
  }

  private final ConnectionPool pool;
  private final R2dbcEntityTemplate template;
  private final UserRepository users;
  private final BookRepository books;
  private final TransactionalOperator tx;

  public SpringStore(ConnectionPool pool, Database db) {
    this.pool = pool;
    R2dbcDialect dialect = db.postgres() ? PostgresDialect.INSTANCE : H2Dialect.INSTANCE;
    R2dbcMappingContext mapping = R2dbcMappingContext.forPlainIdentifiers();
    MappingR2dbcConverter converter = new MappingR2dbcConverter(mapping,
        R2dbcCustomConversions.of(dialect, List.of()));
    this.template = new R2dbcEntityTemplate(DatabaseClient.create(pool), dialect, converter);
    R2dbcRepositoryFactory repositories = new R2dbcRepositoryFactory(template);
    this.users = repositories.getRepository(UserRepository.class);
    this.books = repositories.getRepository(BookRepository.class);
    this.tx = TransactionalOperator.create(new R2dbcTransactionManager(pool));
  }

  private Mono<List<User>> select(String column, Object value) {
    return template.select(query(where(column).is(value)), User.class).collectList();
  }

  @Override
  public Mono<User> get(long id) {
    return template.selectOne(query(where("id").is(id)), User.class);
  }

  @Override
  public Mono<List<User>> filterOne(String email) {
    return select("email", email);
  }

  @Override
  public Mono<List<User>> filterHundred(int team) {
    return select("team", team);
  }

  @Override
  public Mono<List<User>> filterTenThousand(int region) {
    return select("region", region);
  }

  @Override
  public Mono<User> insertOne(User user) {
    return template.insert(user);
  }

  @Override
  public Mono<List<User>> insertMany(List<User> list) {
    return users.saveAll(list).collectList().as(tx::transactional);
  }

  @Override
  public Mono<Long> updateByKey(long id, int score) {
    return template.update(User.class)
        .matching(query(where("id").is(id)))
        .apply(Update.update("score", score));
  }

  /** The parents with the template, then one repository query per parent, in order. */
  /**
   * Spring Data has no relation loading: its include is a query per parent, so 64 at once would
   * be 64,000 queries per operation. Not measured concurrently.
   */
  @Override
  public Optional<String> unsupported(Workload workload) {
    if (batchOnly(workload).isPresent()) {
      return batchOnly(workload);
    }
    if (workload.fromIndex()) {
      return Optional.of(DYNAMO_ONLY);
    }
    return workload == Workload.INCLUDE_CONCURRENT
        ? Optional.of("Spring Data R2DBC loads relations with a query per parent: 64,000 "
            + "queries per operation")
        : Optional.empty();
  }

  @Override
  public Mono<List<AuthorWithBooks>> include(long maxAuthorId) {
    return template.select(query(where("id").lessThanOrEquals(maxAuthorId)), Author.class)
        .concatMap(a -> books.findByAuthorId(a.id()).collectList()
            .map(children -> new AuthorWithBooks(a, children)))
        .collectList();
  }

  @Override
  public void close() {
    pool.disposeLater().block(Duration.ofSeconds(30));
  }
}
