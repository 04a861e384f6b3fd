package io.toasty.bench.store;

import io.toasty.bench.model.Author;
import io.toasty.bench.model.AuthorWithBooks;
import io.toasty.bench.model.Book;
import io.toasty.bench.model.User;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * vertx-pg-client by hand on PostgreSQL, as a careful user writes it: one Vert.x {@link Pool} of
 * the size the other stores' pools have, prepared queries (cached per connection, as Toasty's
 * Vert.x transport caches them), SQL text built once, columns read by position into the same
 * records the other implementations return, the include as two queries on one connection (as
 * {@link RawR2dbcStore} does it), and a transaction where a write must be atomic. A result comes
 * whole in one {@link RowSet}; each Vert.x future becomes a {@link Mono} when subscribed.
 */
public final class VertxRawStore implements Store {
  private static final String USER_COLUMNS = "id, name, email, team, region, score";
  private static final String SELECT = "SELECT " + USER_COLUMNS + " FROM users WHERE ";
  private static final String GET = SELECT + "id = $1";
  private static final String BY_EMAIL = SELECT + "email = $1";
  private static final String BY_TEAM = SELECT + "team = $1";
  private static final String BY_REGION = SELECT + "region = $1";
  private static final String INSERT = "INSERT INTO users (name, email, team, region, score)"
      + " VALUES ($1, $2, $3, $4, $5) RETURNING id";
  private static final String UPDATE = "UPDATE users SET score = $1 WHERE id = $2";
  private static final String AUTHORS = "SELECT id, name FROM authors WHERE id <= $1";
  /** Prepared statements each connection keeps, as many as Toasty's transport keeps. */
  private static final int STATEMENT_CACHE = 256;

  private final Vertx vertx;
  private final Pool pool;
  private final Map<Integer, String> booksOfAuthors = new ConcurrentHashMap<>();

  private VertxRawStore(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /**
   * A store over the PostgreSQL database of {@code r2dbcUrl} (the other stores' URL, {@code
   * r2dbc:postgresql://user@host:port/db?schema=s}), with a pool of {@code poolSize}.
   */
  public static VertxRawStore open(String r2dbcUrl, int poolSize) {
    Vertx vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(poolSize))
        .connectingTo(connectOptions(r2dbcUrl))
        .using(vertx)
        .build();
    return new VertxRawStore(vertx, pool);
  }

  /** The client's own URI is the R2DBC one without {@code r2dbc:}; the schema a search path. */
  private static PgConnectOptions connectOptions(String r2dbcUrl) {
    String uri = r2dbcUrl.substring(r2dbcUrl.indexOf(':') + 1);
    int q = uri.indexOf('?');
    PgConnectOptions options = PgConnectOptions.fromUri(q < 0 ? uri : uri.substring(0, q))
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(STATEMENT_CACHE);
    for (String pair : q < 0 ? new String[0] : uri.substring(q + 1).split("&")) {
      if (pair.startsWith("schema=")) {
        options.addProperty("search_path",
            URLDecoder.decode(pair.substring("schema=".length()), StandardCharsets.UTF_8));
      }
    }
    return options;
  }

  /** The future {@code start} returns, as a Mono: started on subscription, not before. */
  private static <T> Mono<T> mono(Supplier<Future<T>> start) {
    return Mono.create(sink -> start.get().onComplete(sink::success, sink::error));
  }

  static User user(Row row) {
    return new User(row.getLong(0), row.getString(1), row.getString(2), row.getInteger(3),
        row.getInteger(4), row.getInteger(5));
  }

  private static Author author(Row row) {
    return new Author(row.getLong(0), row.getString(1));
  }

  private static Book book(Row row) {
    return new Book(row.getLong(0), row.getLong(1), row.getString(2), row.getInteger(3));
  }

  private static List<User> users(RowSet<Row> rows) {
    List<User> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      out.add(user(row));
    }
    return out;
  }

  private Mono<List<User>> users(String sql, Object value) {
    return mono(() -> pool.preparedQuery(sql).execute(Tuple.of(value))).map(VertxRawStore::users);
  }

  @Override
  public Mono<User> get(long id) {
    return mono(() -> pool.preparedQuery(GET).execute(Tuple.of(id)))
        .mapNotNull(rows -> rows.size() == 0 ? null : user(rows.iterator().next()));
  }

  @Override
  public Mono<List<User>> filterOne(String email) {
    return users(BY_EMAIL, email);
  }

  @Override
  public Mono<List<User>> filterHundred(int team) {
    return users(BY_TEAM, team);
  }

  @Override
  public Mono<List<User>> filterTenThousand(int region) {
    return users(BY_REGION, region);
  }

  private static Tuple values(User u) {
    return Tuple.of(u.name(), u.email(), u.team(), u.region(), u.score());
  }

  @Override
  public Mono<User> insertOne(User user) {
    return mono(() -> pool.preparedQuery(INSERT).execute(values(user)))
        .map(rows -> user.withId(rows.iterator().next().getLong(0)));
  }

  /** One prepared statement run for every row ({@code executeBatch}), in one transaction. */
  @Override
  public Mono<List<User>> insertMany(List<User> users) {
    List<Tuple> batch = new ArrayList<>(users.size());
    for (User u : users) {
      batch.add(values(u));
    }
    return mono(() -> pool.withTransaction(c -> c.preparedQuery(INSERT).executeBatch(batch)))
        .map(first -> {
          List<User> out = new ArrayList<>(users.size());
          RowSet<Row> rows = first;
          for (User u : users) {
            out.add(u.withId(rows.iterator().next().getLong(0)));
            rows = rows.next();
          }
          return out;
        });
  }

  @Override
  public Mono<Long> updateByKey(long id, int score) {
    return mono(() -> pool.preparedQuery(UPDATE).execute(Tuple.of(score, id)))
        .map(rows -> (long) rows.rowCount());
  }

  @Override
  public Optional<String> unsupported(Workload workload) {
    if (workload.fromIndex()) {
      return Optional.of(DYNAMO_ONLY);
    }
    return batchOnly(workload);
  }

  /** Two queries on one connection: the authors, then all their books by an IN list. */
  @Override
  public Mono<List<AuthorWithBooks>> include(long maxAuthorId) {
    return mono(() -> pool.withConnection(c -> c.preparedQuery(AUTHORS)
        .execute(Tuple.of(maxAuthorId))
        .compose(rows -> {
          List<Author> parents = new ArrayList<>(rows.size());
          for (Row row : rows) {
            parents.add(author(row));
          }
          return parents.isEmpty() ? Future.succeededFuture(List.<AuthorWithBooks>of())
              : books(c, parents).map(children -> RawR2dbcStore.join(parents, children));
        })));
  }

  private Future<List<Book>> books(SqlClient c, List<Author> parents) {
    String sql = booksOfAuthors.computeIfAbsent(parents.size(), VertxRawStore::booksSql);
    Tuple ids = Tuple.tuple();
    for (Author a : parents) {
      ids.addLong(a.id());
    }
    return c.preparedQuery(sql).execute(ids).map(rows -> {
      List<Book> out = new ArrayList<>(rows.size());
      for (Row row : rows) {
        out.add(book(row));
      }
      return out;
    });
  }

  private static String booksSql(int n) {
    StringBuilder sql = new StringBuilder(
        "SELECT id, author_id, title, pages FROM books WHERE author_id IN (");
    for (int i = 0; i < n; i++) {
      sql.append(i > 0 ? ", $" : "$").append(i + 1);
    }
    return sql.append(')').toString();
  }

  /** Closes the pool, then the Vert.x instance the store made. */
  @Override
  public void close() {
    mono(pool::close).then(mono(vertx::close)).block(Duration.ofSeconds(30));
  }
}
