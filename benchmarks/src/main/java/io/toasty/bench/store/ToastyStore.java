package io.toasty.bench.store;

import io.toasty.Statement;
import io.toasty.bench.fixture.Database;
import io.toasty.bench.model.Author;
import io.toasty.bench.model.AuthorWithBooks;
import io.toasty.bench.model.Book;
import io.toasty.bench.model.LinkedAuthor;
import io.toasty.bench.model.LinkedAuthors;
import io.toasty.bench.model.LinkedBook;
import io.toasty.bench.model.LinkedBooks;
import io.toasty.bench.model.User;
import io.toasty.bench.model.UserCreate;
import io.toasty.bench.model.Users;
import io.toasty.reactive.Db;
import io.toasty.reactive.DbBuilder;
import io.toasty.reactive.Toasty;
import io.toasty.reactive.observe.LoggingObserver;
import io.toasty.schema.naming.NamingStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This library, used as its guide shows: the generated entry classes over a {@link Db}. On SQL the
 * database assigns ids; on DynamoDB and Neo4j, which cannot, inserts set them from a counter, as
 * the raw DynamoDB store does.
 */
public final class ToastyStore implements Store {

  /** Why the 10,000-row insert is not measured through Toasty on DynamoDB. */
  public static final String NO_INSERT_MANY_ON_DYNAMO = "Toasty writes a multi-row insert on "
      + "DynamoDB as one TransactWriteItems (all rows or none), which takes at most 100 items: "
      + "10,000 rows are refused with an UnsupportedFeatureException before anything is written "
      + "(the raw client's batch writes are not atomic)";

  /** Whether {@link #filterHundred} asks for strongly consistent items (DynamoRawStore's flag). */
  private static final boolean BY_KEYS = Boolean.getBoolean("probe.dynamo.byKeys");

  /** Whether Toasty coalesces waiting reads of one value ({@code -Dprobe.coalesceLists}). */
  private static final boolean LISTS =
      Boolean.parseBoolean(System.getProperty("probe.coalesceLists", "true"));

  /** Whether Toasty coalesces waiting gets by key ({@code -Dprobe.coalesceGets}). */
  private static final boolean GETS =
      Boolean.parseBoolean(System.getProperty("probe.coalesceGets", "true"));

  /**
   * Whether every statement is observed by a {@code LoggingObserver}, as the Spring Boot
   * starter's {@code Db} is ({@code -Dprobe.observed}).
   */
  private static final boolean OBSERVED = Boolean.getBoolean("probe.observed");

  private final Db db;
  private final Database database;
  /** Ids for inserts where the database assigns none; null where it does. */
  private final LongSupplier ids;

  private ToastyStore(Db db, Database database) {
    this.db = db;
    this.database = database;
    this.ids = database.sql() ? null : Ids.randomBlock();
  }

  /**
   * A store over {@code url}, a URL of {@code database}.
   *
   * @throws UnsupportedOperationException when no installed Toasty driver serves the URL
   */
  public static ToastyStore open(Database database, String url) {
    Db db;
    try {
      // The fixtures load every database, Neo4j included, under the tables' snake-case names
      // (users, author_id), which the raw stores read too: the same names on every backend.
      DbBuilder builder = Toasty.builder()
          .models(Users.MODEL, LinkedAuthors.MODEL, LinkedBooks.MODEL).url(url)
          .naming(NamingStrategy.declared()).coalesceLists(LISTS).coalesceGets(GETS);
      if (OBSERVED) {
        builder.observer(new LoggingObserver(Duration.ofSeconds(1)));
      }
      db = builder.build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UnsupportedOperationException("Toasty cannot open " + url + ": " + e.getMessage(),
          e);
    }
    return new ToastyStore(db, database);
  }

  /** The {@code Db}, for profiling and plan-cache statistics. */
  public Db db() {
    return db;
  }

  @Override
  public Mono<User> get(long id) {
    return Users.getById(db, id);
  }

  @Override
  public Mono<List<User>> filterOne(String email) {
    return Users.filterByEmail(email).collect(db);
  }

  @Override
  public Mono<List<User>> filterHundred(int team) {
    // DynamoDB: -Dprobe.dynamo.byKeys=true compares the two-request read on both sides
    return BY_KEYS ? Users.filterByTeam(team).stronglyConsistent().collect(db)
        : Users.filterByTeam(team).collect(db);
  }

  @Override
  public Mono<List<User>> filterOneFromIndex(String email) {
    return Users.filterByEmail(email).eventuallyConsistent().collect(db);
  }

  @Override
  public Mono<List<User>> filterHundredFromIndex(int team) {
    return Users.filterByTeam(team).eventuallyConsistent().collect(db);
  }

  @Override
  public Mono<List<User>> filterTenThousand(int region) {
    return Users.filterByRegion(region).collect(db);
  }

  @Override
  public Mono<User> insertOne(User user) {
    return create(user).exec(db);
  }

  @Override
  public Mono<List<User>> insertMany(List<User> users) {
    List<UserCreate> creates = new ArrayList<>(users.size());
    for (User u : users) {
      creates.add(create(u));
    }
    return Users.createMany(creates).exec(db);
  }

  private UserCreate create(User u) {
    UserCreate c = Users.create().name(u.name()).email(u.email()).team(u.team())
        .region(u.region()).score(u.score());
    return ids == null ? c : c.id(ids.getAsLong());
  }

  @Override
  public Mono<List<User>> getFiveBatch(long first) {
    List<Statement<User>> reads = new ArrayList<>(5);
    for (long id = first; id < first + 5; id++) {
      reads.add(Users.filterById(id).asOne());
    }
    return Toasty.batch(reads).exec(db);
  }

  @Override
  public Mono<Long> createAll(List<User> users) {
    return Users.createAll(Flux.fromIterable(users).map(this::create)).exec(db).count();
  }

  @Override
  public Mono<Long> updateByKey(long id, int score) {
    return Users.updateById(id).score(score).exec(db);
  }

  @Override
  public Optional<String> unsupported(Workload workload) {
    if (database == Database.NEO4J) {
      return Neo4jRawStore.notMeasured(workload);
    }
    if (workload.includes() && !database.sql()) {
      return Optional.of(DynamoRawStore.NO_INCLUDE);
    }
    if (workload.fromIndex() && database.sql()) {
      return Optional.of(DYNAMO_ONLY);
    }
    if (workload == Workload.CREATE_ALL && database == Database.DYNAMO) {
      return Optional.of("not measured on DynamoDB Local yet (chunks of 25 records per "
          + "TransactWriteItems); the raw client has no atomic equivalent");
    }
    if (workload == Workload.INSERT_MANY && database == Database.DYNAMO) {
      return Optional.of(NO_INSERT_MANY_ON_DYNAMO);
    }
    return Optional.empty();
  }

  /** The authors with their books preloaded ({@code include}): Toasty's own records. */
  @Override
  public Mono<List<LinkedAuthor>> include(long maxAuthorId) {
    return LinkedAuthors.filter(LinkedAuthors.ID.le(maxAuthorId))
        .include(LinkedAuthors.BOOKS)
        .stream(db)
        .collectList();
  }

  /** The authors, their loaded books read through the relation, as the fixture's records. */
  @Override
  public List<AuthorWithBooks> checkable(List<?> included) {
    List<AuthorWithBooks> out = new ArrayList<>(included.size());
    for (Object a : included) {
      out.add(withBooks((LinkedAuthor) a));
    }
    return out;
  }

  private static AuthorWithBooks withBooks(LinkedAuthor a) {
    List<LinkedBook> loaded = a.books().get();
    List<Book> books = new ArrayList<>(loaded.size());
    for (LinkedBook b : loaded) {
      books.add(new Book(b.id(), b.authorId(), b.title(), b.pages()));
    }
    return new AuthorWithBooks(new Author(a.id(), a.name()), books);
  }

  @Override
  public void close() {
    db.close().block(Duration.ofSeconds(30));
  }
}
