package io.toasty.bench.store;

import io.toasty.bench.model.Author;
import io.toasty.bench.model.AuthorWithBooks;
import io.toasty.bench.model.Book;
import io.toasty.bench.model.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.reactivestreams.ReactiveSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Neo4j Java driver's reactive API by hand, as a careful user writes it: a
 * {@link ReactiveSession} per operation from the driver's pool of 10, one auto-commit statement
 * of hand-written Cypher with its values as parameters, properties returned (not nodes) and read
 * by position into the records the other implementations return. Reads never {@code MERGE};
 * each looks a node up through the constraint or index on the property it matches. The include
 * is one statement: the authors by a range of their key, each one's books along their
 * {@code AUTHOR} relationships, as flat rows joined in a map.
 */
public final class Neo4jRawStore implements Store {
  private static final String USER = " RETURN u.id, u.name, u.email, u.team, u.region, u.score";
  private static final String GET = "MATCH (u:users {id: $v})" + USER;
  private static final String BY_EMAIL = "MATCH (u:users {email: $v})" + USER;
  private static final String BY_TEAM = "MATCH (u:users {team: $v})" + USER;
  private static final String BY_REGION = "MATCH (u:users {region: $v})" + USER;
  private static final String INCLUDE = "MATCH (a:authors) WHERE a.id <= $v"
      + " OPTIONAL MATCH (b:books)-[:AUTHOR]->(a)"
      + " RETURN a.id, a.name, b.id, b.title, b.pages";

  /** Why Neo4j measures writes with neither implementation yet. */
  public static final String NO_WRITES = "writes are not measured on Neo4j yet: only get by "
      + "key, the 100-row filter and the include are";
  /** Why Neo4j measures no concurrent workload yet. */
  public static final String NO_CONCURRENT = "concurrent workloads are not measured on Neo4j "
      + "yet: only get by key, the 100-row filter and the include are";

  private final Driver driver;

  /** A store that owns {@code driver} and closes it. */
  public Neo4jRawStore(Driver driver) {
    this.driver = driver;
  }

  /**
   * Why neither implementation runs {@code workload} on Neo4j, or empty: the same for Toasty
   * and the raw driver, so that both measure the same set.
   */
  public static Optional<String> notMeasured(Workload workload) {
    if (workload.fromIndex()) {
      return Optional.of(DYNAMO_ONLY);
    }
    if (workload.concurrent() || workload == Workload.INCLUDE_CONCURRENT) {
      return Optional.of(NO_CONCURRENT);
    }
    return workload.writes() ? Optional.of(NO_WRITES) : Optional.empty();
  }

  private static User user(Record r) {
    return new User(r.get(0).asLong(), r.get(1).asString(), r.get(2).asString(),
        r.get(3).asInt(), r.get(4).asInt(), r.get(5).asInt());
  }

  /** The records of one auto-commit statement, on a session closed however it ends. */
  private Flux<Record> records(String cypher, Object value) {
    return Flux.usingWhen(Mono.fromSupplier(() -> driver.session(ReactiveSession.class)),
        s -> Flux.from(s.run(cypher, Map.of("v", value))).concatMap(r -> Flux.from(r.records())),
        s -> Mono.from(s.close()));
  }

  @Override
  public Mono<User> get(long id) {
    return records(GET, id).map(Neo4jRawStore::user).next();
  }

  @Override
  public Mono<List<User>> filterOne(String email) {
    return records(BY_EMAIL, email).map(Neo4jRawStore::user).collectList();
  }

  @Override
  public Mono<List<User>> filterHundred(int team) {
    return records(BY_TEAM, team).map(Neo4jRawStore::user).collectList();
  }

  @Override
  public Mono<List<User>> filterTenThousand(int region) {
    return records(BY_REGION, region).map(Neo4jRawStore::user).collectList();
  }

  @Override
  public Mono<List<AuthorWithBooks>> include(long maxAuthorId) {
    return records(INCLUDE, maxAuthorId).collect(Joined::new, Joined::add).map(Joined::list);
  }

  /** The include's rows (an author and one of its books, or none) joined by author. */
  private static final class Joined {
    private final Map<Long, Author> authors = new LinkedHashMap<>();
    private final Map<Long, List<Book>> books = new HashMap<>();

    void add(Record r) {
      long id = r.get(0).asLong();
      List<Book> own = books.get(id);
      if (own == null) {
        authors.put(id, new Author(id, r.get(1).asString()));
        own = new ArrayList<>();
        books.put(id, own);
      }
      Value book = r.get(2);
      if (!book.isNull()) {
        own.add(new Book(book.asLong(), id, r.get(3).asString(), r.get(4).asInt()));
      }
    }

    List<AuthorWithBooks> list() {
      List<AuthorWithBooks> out = new ArrayList<>(authors.size());
      authors.forEach((id, a) -> out.add(new AuthorWithBooks(a, books.get(id))));
      return out;
    }
  }

  @Override
  public Optional<String> unsupported(Workload workload) {
    Optional<String> none = notMeasured(workload);
    return none.isPresent() ? none : batchOnly(workload);
  }

  @Override
  public Mono<User> insertOne(User user) {
    return Mono.error(new UnsupportedOperationException(NO_WRITES));
  }

  @Override
  public Mono<List<User>> insertMany(List<User> users) {
    return Mono.error(new UnsupportedOperationException(NO_WRITES));
  }

  @Override
  public Mono<Long> updateByKey(long id, int score) {
    return Mono.error(new UnsupportedOperationException(NO_WRITES));
  }

  @Override
  public void close() {
    driver.close();
  }
}
