package io.toasty.bench.store;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.toasty.bench.fixture.Database;
import io.toasty.bench.fixture.Sql;
import io.toasty.bench.model.Author;
import io.toasty.bench.model.AuthorWithBooks;
import io.toasty.bench.model.Book;
import io.toasty.bench.model.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The R2DBC driver by hand, as a careful user writes it: a pooled connection per operation, SQL
 * text built once, parameters bound (never spliced), columns read by position into the same
 * records the other implementations return, and transactions where a write must be atomic.
 */
public final class RawR2dbcStore implements Store {
  private static final String USER_COLUMNS = "id, name, email, team, region, score";

  private final ConnectionPool pool;
  private final Database db;
  private final String get;
  private final String byEmail;
  private final String byTeam;
  private final String byRegion;
  private final String insert;
  private final String update;
  private final String authors;
  private final Map<Integer, String> booksOfAuthors = new ConcurrentHashMap<>();

  public RawR2dbcStore(ConnectionPool pool, Database db) {
    this.pool = pool;
    this.db = db;
    String select = "SELECT " + USER_COLUMNS + " FROM users WHERE ";
    this.get = select + "id = " + Sql.marker(db, 0);
    this.byEmail = select + "email = " + Sql.marker(db, 0);
    this.byTeam = select + "team = " + Sql.marker(db, 0);
    this.byRegion = select + "region = " + Sql.marker(db, 0);
    this.insert = "INSERT INTO users (name, email, team, region, score) VALUES ("
        + Sql.markers(db, 0, 5) + ")";
    this.update = "UPDATE users SET score = " + Sql.marker(db, 0) + " WHERE id = "
        + Sql.marker(db, 1);
    this.authors = "SELECT id, name FROM authors WHERE id <= " + Sql.marker(db, 0);
  }

  static User user(Readable row) {
    return new User(row.get(0, Long.class), row.get(1, String.class), row.get(2, String.class),
        row.get(3, Integer.class), row.get(4, Integer.class), row.get(5, Integer.class));
  }

  static Author author(Readable row) {
    return new Author(row.get(0, Long.class), row.get(1, String.class));
  }

  static Book book(Readable row) {
    return new Book(row.get(0, Long.class), row.get(1, Long.class), row.get(2, String.class),
        row.get(3, Integer.class));
  }

  /** Runs {@code work} on a pooled connection, released however the work ends. */
  private <T> Flux<T> withConnection(Function<Connection, Flux<T>> work) {
    return Flux.usingWhen(pool.create(), work, Connection::close, (c, e) -> c.close(),
        Connection::close);
  }

  /** Runs {@code work} on a pooled connection, released however the work ends. */
  private <T> Mono<T> onConnection(Function<Connection, Mono<T>> work) {
    return Mono.usingWhen(pool.create(), work, Connection::close, (c, e) -> c.close(),
        Connection::close);
  }

  /** Runs {@code work} in a transaction on a pooled connection. */
  private <T> Mono<T> inTransaction(Function<Connection, Mono<T>> work) {
    return onConnection(c -> Mono.from(c.beginTransaction()).then(work.apply(c))
        .flatMap(v -> Mono.from(c.commitTransaction()).thenReturn(v))
        .onErrorResume(e -> Mono.from(c.rollbackTransaction()).then(Mono.error(e))));
  }

  private Flux<User> users(String sql, Object value) {
    return withConnection(c -> Flux.from(c.createStatement(sql).bind(0, value).execute())
        .flatMap(r -> r.map(RawR2dbcStore::user)));
  }

  @Override
  public Mono<User> get(long id) {
    return users(get, id).next();
  }

  @Override
  public Mono<List<User>> filterOne(String email) {
    return users(byEmail, email).collectList();
  }

  @Override
  public Mono<List<User>> filterHundred(int team) {
    return users(byTeam, team).collectList();
  }

  @Override
  public Mono<List<User>> filterTenThousand(int region) {
    return users(byRegion, region).collectList();
  }

  private static Statement bindNew(Statement s, User u) {
    return s.bind(0, u.name()).bind(1, u.email()).bind(2, u.team()).bind(3, u.region())
        .bind(4, u.score());
  }

  @Override
  public Mono<User> insertOne(User user) {
    return withConnection(c -> Flux.from(bindNew(c.createStatement(insert), user)
            .returnGeneratedValues("id").execute())
        .flatMap(r -> r.map(row -> user.withId(row.get(0, Long.class)))))
        .single();
  }

  /** One prepared statement with a binding per row (R2DBC's batch), in one transaction. */
  @Override
  public Mono<List<User>> insertMany(List<User> users) {
    return inTransaction(c -> {
      Statement s = c.createStatement(insert);
      for (int i = 0; i < users.size(); i++) {
        if (i > 0) {
          s.add();
        }
        bindNew(s, users.get(i));
      }
      return Flux.from(s.returnGeneratedValues("id").execute())
          .concatMap(r -> r.map(row -> row.get(0, Long.class)))
          .index((i, id) -> users.get(i.intValue()).withId(id))
          .collectList();
    });
  }

  /** The most rows of one multi-row insert: as many as Toasty's createAll puts in a chunk. */
  static final int CHUNK = 1000;

  /**
   * The raw driver's best multi-row insert: chunks of {@value #CHUNK} rows, each one
   * {@code INSERT .. VALUES (..), (..), ..} statement returning the generated ids, one after the
   * other on one connection.
   */
  @Override
  public Mono<Long> createAll(List<User> users) {
    return withConnection(c -> Flux.range(0, (users.size() + CHUNK - 1) / CHUNK)
        .concatMap(k -> {
          List<User> chunk = users.subList(k * CHUNK, Math.min(users.size(), (k + 1) * CHUNK));
          Statement s = c.createStatement(multiRowInsert(chunk.size()));
          for (int i = 0; i < chunk.size(); i++) {
            User u = chunk.get(i);
            s.bind(5 * i, u.name()).bind(5 * i + 1, u.email()).bind(5 * i + 2, u.team())
                .bind(5 * i + 3, u.region()).bind(5 * i + 4, u.score());
          }
          return Flux.from(s.returnGeneratedValues("id").execute())
              .concatMap(r -> r.map(row -> row.get(0, Long.class)));
        }, 1))
        .count();
  }

  private final Map<Integer, String> multiRowInserts = new ConcurrentHashMap<>();

  private String multiRowInsert(int rows) {
    return multiRowInserts.computeIfAbsent(rows, n -> {
      StringBuilder sql = new StringBuilder("INSERT INTO users (name, email, team, region, "
          + "score) VALUES ");
      for (int i = 0; i < n; i++) {
        sql.append(i > 0 ? ", (" : "(").append(Sql.markers(db, 5 * i, 5)).append(')');
      }
      return sql.toString();
    });
  }

  @Override
  public Optional<String> unsupported(Workload workload) {
    if (workload.fromIndex()) {
      return Optional.of(DYNAMO_ONLY);
    }
    return workload == Workload.GET_FIVE_BATCH ? batchOnly(workload) : Optional.empty();
  }

  @Override
  public Mono<Long> updateByKey(long id, int score) {
    return withConnection(c -> Flux.from(c.createStatement(update).bind(0, score).bind(1, id)
            .execute())
        .flatMap(Result::getRowsUpdated))
        .reduce(0L, Long::sum);
  }

  /** Two queries on one connection: the authors, then all their books by an IN list. */
  @Override
  public Mono<List<AuthorWithBooks>> include(long maxAuthorId) {
    return onConnection(c -> Flux.from(c.createStatement(authors).bind(0, maxAuthorId)
            .execute())
        .flatMap(r -> r.map(RawR2dbcStore::author))
        .collectList()
        .flatMap(parents -> parents.isEmpty() ? Mono.just(List.<AuthorWithBooks>of())
            : books(c, parents).map(children -> join(parents, children))));
  }

  private Mono<List<Book>> books(Connection c, List<Author> parents) {
    String sql = booksOfAuthors.computeIfAbsent(parents.size(),
        n -> "SELECT id, author_id, title, pages FROM books WHERE author_id IN ("
            + Sql.markers(db, 0, n) + ")");
    Statement s = c.createStatement(sql);
    for (int i = 0; i < parents.size(); i++) {
      s.bind(i, parents.get(i).id());
    }
    return Flux.from(s.execute()).flatMap(r -> r.map(RawR2dbcStore::book)).collectList();
  }

  /** Each author with its books, in the authors' order; shared with {@link VertxRawStore}. */
  static List<AuthorWithBooks> join(List<Author> parents, List<Book> children) {
    Map<Long, List<Book>> byAuthor = new HashMap<>(parents.size() * 2);
    for (Book b : children) {
      byAuthor.computeIfAbsent(b.authorId(), k -> new ArrayList<>()).add(b);
    }
    List<AuthorWithBooks> out = new ArrayList<>(parents.size());
    for (Author a : parents) {
      out.add(new AuthorWithBooks(a, byAuthor.getOrDefault(a.id(), List.of())));
    }
    return out;
  }

  @Override
  public void close() {
    pool.disposeLater().block(Duration.ofSeconds(30));
  }
}
