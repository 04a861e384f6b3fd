package io.toasty.r2dbc;

import static io.toasty.r2dbc.DriverHarness.count;
import static io.toasty.r2dbc.DriverHarness.insertUsers;
import static io.toasty.r2dbc.DriverHarness.list;
import static io.toasty.r2dbc.DriverHarness.selectUsers;
import static io.toasty.r2dbc.Fixtures.arg;
import static io.toasty.r2dbc.Fixtures.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.toasty.driver.Connection;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.driver.Operation.Transaction.Kind;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.DriverException;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.ToastyException;
import io.toasty.r2dbc.error.R2dbcErrors;
import io.toasty.r2dbc.pool.PoolPermits;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;

/**
 * What differs between the backends, checked against the real servers: pattern matching and
 * NULL-safe equality as rendered per dialect, the error translation of each driver's errors
 * (foreign key, serialization failure or deadlock, lost connection), and the pool options.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class BackendBehaviourTest {
  private static final Source.Table USERS = new Source.Table("users");

  @Parameter
  TestDatabase.Kind kind;

  private TestDatabase database;
  private final List<R2dbcDriver> drivers = new ArrayList<>();
  private R2dbcDriver driver;

  @BeforeEach
  void open() {
    database = TestDatabase.create(kind);
    driver = open(DriverHarness.config(database.url()));
    driver.pushSchema().block();
  }

  private R2dbcDriver open(DriverConfig config) {
    R2dbcDriver d = (R2dbcDriver) new R2dbcDriverProvider().open(config);
    drivers.add(d);
    return d;
  }

  @AfterEach
  void close() {
    try {
      for (R2dbcDriver d : drivers) {
        d.close().onErrorResume(e -> Mono.empty()).block();
      }
    } finally {
      database.close();
    }
  }

  private static ExecResponse exec(Connection c, Operation op) {
    return c.exec(op).block(Duration.ofSeconds(30));
  }

  private static Operation.Transaction tx(Kind kind) {
    return new Operation.Transaction(kind, null, false, null);
  }

  private List<String> names(ExprNode filter, Value... args) {
    return list(driver, selectUsers(filter, List.of(args), 1)).stream()
        .map(r -> ((Value.Str) r.get(0)).value()).toList();
  }

  // ---- patterns and NULL-safe equality -------------------------------------------------------

  private static ExprNode pattern(ExprNode.PatternKind kind, boolean ignoreCase) {
    return new ExprNode.Pattern(kind, col("users", 1), arg(0), ignoreCase);
  }

  @Test
  void literalPatternsMatchSpecialCharactersLiterally() {
    count(driver, insertUsers(new Returning.Count(), "50% off", "500 off", "a_b", "axb",
        "back\\slash", "star*", "q?", "[x]"));
    assertEquals(List.of("50% off"),
        names(pattern(ExprNode.PatternKind.STARTS_WITH, false), new Value.Str("50%")));
    assertEquals(List.of("a_b"),
        names(pattern(ExprNode.PatternKind.CONTAINS, false), new Value.Str("_")));
    assertEquals(List.of("back\\slash"),
        names(pattern(ExprNode.PatternKind.CONTAINS, false), new Value.Str("k\\s")));
    assertEquals(List.of("star*"),
        names(pattern(ExprNode.PatternKind.ENDS_WITH, false), new Value.Str("*")));
    assertEquals(List.of("q?"),
        names(pattern(ExprNode.PatternKind.ENDS_WITH, false), new Value.Str("?")));
    assertEquals(List.of("[x]"),
        names(pattern(ExprNode.PatternKind.STARTS_WITH, false), new Value.Str("[")));
  }

  @Test
  void likePatternsUseTheirWildcardsAndBackslashEscapes() {
    count(driver, insertUsers(new Returning.Count(), "a_b", "axb", "ab", "a%b"));
    assertEquals(List.of("a_b", "axb", "a%b"),
        names(pattern(ExprNode.PatternKind.LIKE, false), new Value.Str("a_b")));
    assertEquals(List.of("a_b"),
        names(pattern(ExprNode.PatternKind.LIKE, false), new Value.Str("a\\_b")));
    assertEquals(List.of("a_b", "axb", "ab", "a%b"),
        names(pattern(ExprNode.PatternKind.LIKE, false), new Value.Str("a%")));
    assertEquals(List.of("a%b"),
        names(pattern(ExprNode.PatternKind.LIKE, false), new Value.Str("%\\%%")));
  }

  @Test
  void patternsAreCaseSensitiveUnlessAskedNotToBe() {
    count(driver, insertUsers(new Returning.Count(), "Ann", "ann", "ANNA", "bob"));
    assertEquals(List.of("Ann"),
        names(pattern(ExprNode.PatternKind.STARTS_WITH, false), new Value.Str("An")));
    assertEquals(List.of("Ann", "ann", "ANNA"),
        names(pattern(ExprNode.PatternKind.STARTS_WITH, true), new Value.Str("an")));
    assertEquals(List.of("ann"),
        names(pattern(ExprNode.PatternKind.LIKE, false), new Value.Str("a%")));
    assertEquals(List.of("Ann", "ann", "ANNA"),
        names(pattern(ExprNode.PatternKind.LIKE, true), new Value.Str("a%")));
    assertEquals(List.of(), names(pattern(ExprNode.PatternKind.CONTAINS, false), Value.NULL));
  }

  @Test
  void stringEqualityIsExactOnEveryBackend() {
    count(driver, insertUsers(new Returning.Count(), "ann", "Ann", "ann "));
    assertEquals(List.of("ann"), names(ExprNode.eq(col("users", 1), arg(0)), new Value.Str("ann")));
    assertEquals(List.of("ann "), names(ExprNode.eq(col("users", 1), arg(0)),
        new Value.Str("ann ")));
  }

  @Test
  void nullSafeEqualityMatchesNullWithNull() {
    count(driver, insertUsers(new Returning.Count(), "ann", "bob"));
    UpdateNode nick = new UpdateNode(USERS, ExprNode.eq(col("users", 1), arg(1)),
        List.of(new Assignment(3, arg(0))), new Returning.Count());
    count(driver, new Operation.QuerySql(nick, List.of(new Value.Str("b"), new Value.Str("bob")),
        List.of()));
    ExprNode nullSafe = new ExprNode.IsNotDistinctFrom(col("users", 3), arg(0));
    assertEquals(List.of("ann"), names(nullSafe, Value.NULL));
    assertEquals(List.of("bob"), names(nullSafe, new Value.Str("b")));
    assertEquals(List.of(), names(ExprNode.eq(col("users", 3), arg(0)), Value.NULL));
  }

  // ---- lists of bound values (an array on PostgreSQL, markers elsewhere) ---------------------

  @Test
  void aListOfBoundValuesMatchesTheSameRowsOnEveryBackend() {
    count(driver, insertUsers(new Returning.Count(), "ann", "bob", "cid", "dan"));
    ExprNode names = new ExprNode.InList(col("users", 1), List.of(arg(0), arg(1), arg(2), arg(3)));
    assertEquals(List.of("ann", "cid"), names(names, new Value.Str("cid"), Value.NULL,
        new Value.Str("ann"), new Value.Str("cid")));
    assertEquals(List.of("bob", "dan"), names(new ExprNode.Not(names), new Value.Str("cid"),
        new Value.Str("ann"), new Value.Str("zed"), new Value.Str("Ann")));
    // With a NULL in the list, NOT IN is unknown for every row that is not in it.
    assertEquals(List.of(), names(new ExprNode.Not(names), new Value.Str("cid"), Value.NULL,
        new Value.Str("ann"), new Value.Str("ann")));
    ExprNode ids = new ExprNode.InList(col("users", 0), List.of(arg(0), arg(1), arg(2)));
    List<Value> keys = list(driver, selectUsers(ExprNode.TRUE, List.of(), 0)).stream()
        .map(r -> r.get(0)).toList();
    assertEquals(List.of("bob", "dan"), names(ids, keys.get(3), keys.get(1),
        new Value.I64(-1)));
    // An int column compared with long values, as a marker per value would be.
    ExprNode counts = new ExprNode.InList(col("users", 4), List.of(arg(0), arg(1)));
    assertEquals(List.of("ann", "bob", "cid", "dan"), names(counts, new Value.I64(0),
        new Value.I64(5)));
  }

  @Test
  void aListOfUuidsAndSmallIntegersMatchesByValue() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    int uuid = 1 + Fixtures.SCALARS.indexOf(Type.Scalar.UUID);
    int i16 = 1 + Fixtures.SCALARS.indexOf(Type.Scalar.I16);
    InsertNode rows =
        new InsertNode(
            new Source.Table("all_types"),
            List.of(0, uuid, i16),
            List.of(
                ExprNode.Record.of(arg(0), arg(1), arg(2)),
                ExprNode.Record.of(arg(3), arg(4), arg(5))),
            new Returning.Count());
    count(driver, new Operation.Insert(rows, List.of(new Value.I64(1), new Value.Uuid(a),
        new Value.I16((short) 10), new Value.I64(2), new Value.Uuid(b),
        new Value.I16((short) 20)), List.of()));
    assertEquals(List.of(new Value.I64(2)), allTypesIds(new ExprNode.InList(
        new ExprNode.Column("all_types", uuid), List.of(arg(0), arg(1))),
        new Value.Uuid(b), new Value.Uuid(UUID.randomUUID())));
    assertEquals(List.of(new Value.I64(1), new Value.I64(2)), allTypesIds(new ExprNode.InList(
        new ExprNode.Column("all_types", i16), List.of(arg(0), arg(1), arg(2))),
        new Value.I16((short) 20), new Value.I16((short) 10), Value.NULL));
  }

  /**
   * PostgreSQL's protocol counts markers in 16 bits, so 70,000 markers are refused there, and H2
   * refuses an array of more than 65,536 elements: each backend takes the form it can.
   */
  @Test
  void aListOfSeventyThousandValuesMatchesOnEveryBackend() {
    count(driver, insertUsers(new Returning.Count(), "ann", "bob"));
    List<Value> keys = list(driver, selectUsers(ExprNode.TRUE, List.of(), 0)).stream()
        .map(r -> r.get(0)).toList();
    int n = 70_000;
    List<ExprNode> items = new ArrayList<>(n);
    List<Value> args = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(arg(i));
      args.add(i == n - 1 ? keys.get(1) : new Value.I64(-i - 1));
    }
    ExprNode ids = new ExprNode.InList(col("users", 0), items);
    assertEquals(List.of("bob"), names(ids, args.toArray(new Value[0])));
  }

  private List<Value> allTypesIds(ExprNode filter, Value... args) {
    Query q = new Query(new Source.Table("all_types"), filter,
        new Returning.Project(List.of(new ExprNode.Column("all_types", 0))),
        List.of(new OrderBy(new ExprNode.Column("all_types", 0),
            OrderBy.Direction.ASC)), null);
    return list(driver, new Operation.QuerySql(q, List.of(args),
        List.of(Type.Scalar.I64))).stream().map(r -> r.get(0)).toList();
  }

  // ---- errors --------------------------------------------------------------------------------

  private void addForeignKey() {
    if (kind == TestDatabase.Kind.SQLITE) {
      // SQLite adds no constraint to a table: make it again, with the foreign key.
      database.execute("DROP TABLE \"posts\"", "CREATE TABLE \"posts\" (\"id\" INTEGER PRIMARY "
          + "KEY AUTOINCREMENT NOT NULL, \"user_id\" INTEGER NOT NULL, \"title\" TEXT NOT NULL, "
          + "CONSTRAINT \"posts_user_id_fkey\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" "
          + "(\"id\"))");
      return;
    }
    database.execute("ALTER TABLE " + database.quote("posts") + " ADD CONSTRAINT "
        + database.quote("posts_user_id_fkey") + " FOREIGN KEY (" + database.quote("user_id")
        + ") REFERENCES " + database.quote("users") + " (" + database.quote("id") + ")");
  }

  private static Operation.Insert insertPost(long userId, String title) {
    return new Operation.Insert(new InsertNode(new Source.Table("posts"), List.of(1, 2),
        List.of(ExprNode.Record.of(arg(0), arg(1))), new Returning.Count()),
        List.of(new Value.I64(userId), new Value.Str(title)), List.of());
  }

  @Test
  void aMissingReferenceIsAForeignKeyViolationNamingTheField() {
    addForeignKey();
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> count(driver, insertPost(999, "orphan")));
    assertEquals(Optional.of("Post"), e.model());
    // SQLite's message names no column ("FOREIGN KEY constraint failed").
    assertEquals(kind == TestDatabase.Kind.SQLITE ? Optional.empty() : Optional.of("userId"),
        e.field());
    R2dbcException cause = assertInstanceOf(R2dbcException.class, e.getCause());
    assertEquals(switch (kind) {
      case H2 -> "23506";
      case POSTGRESQL, SQLITE -> "23503";
      case MARIADB -> "23000";
    }, cause.getSqlState());
    // The database's text may echo values of the row: it stays in the cause, out of the message.
    assertTrue(!e.getMessage().contains(cause.getMessage()), e::getMessage);
  }

  @Test
  void deletingAReferencedRecordIsAForeignKeyViolationOfThatModel() {
    addForeignKey();
    long ann = ((Value.I64) list(driver, insertUsers(new Returning.Keys(List.of(0)), "ann"))
        .get(0).get(0)).value();
    count(driver, insertPost(ann, "hello"));
    DeleteNode d =
        new DeleteNode(USERS, ExprNode.eq(col("users", 0), arg(0)), new Returning.Count());
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> count(driver, new Operation.QuerySql(d, List.of(new Value.I64(ann)), List.of())));
    assertEquals(Optional.of("User"), e.model());
    // SQLite's message names no table: the delete tells which side was violated.
    assertTrue(e.getMessage().contains(kind == TestDatabase.Kind.SQLITE
        ? "another record still refers to it" : "Post still refers to it"), e::getMessage);
    assertEquals(1, DriverHarness.userCount(driver));
  }

  /**
   * Two transactions lock two rows in opposite orders: the database breaks the deadlock (or a
   * lock wait times out) by failing one of them, which arrives as a transient
   * {@link SerializationFailureException}.
   */
  @Test
  void aDeadlockIsASerializationFailure() {
    if (kind == TestDatabase.Kind.SQLITE) {
      writersTakeTurnsAndAWaitPastTheBusyTimeoutIsASerializationFailure();
      return;
    }
    if (kind == TestDatabase.Kind.H2) {
      database.execute("SET LOCK_TIMEOUT 500");
    }
    List<Value.Record> ids =
        list(driver, insertUsers(new Returning.Keys(List.of(0)), "ann", "bob"));
    Value ann = ids.get(0).get(0);
    Value bob = ids.get(1).get(0);
    Connection a = driver.connect().block();
    Connection b = driver.connect().block();
    try {
      exec(a, tx(Kind.BEGIN));
      exec(b, tx(Kind.BEGIN));
      exec(a, touch(ann));
      exec(b, touch(bob));
      // a waits for bob's row (on its own thread: r2dbc-h2 waits on the caller's), then b asks
      // for ann's: one of the two must fail.
      Mono<Throwable> aWaits = a.exec(touch(bob)).then(Mono.<Throwable>empty())
          .onErrorResume(Mono::just).subscribeOn(Schedulers.boundedElastic()).cache();
      aWaits.subscribe();
      sleep(300);
      Throwable bFailure = b.exec(touch(ann)).then(Mono.<Throwable>empty())
          .onErrorResume(Mono::just).subscribeOn(Schedulers.boundedElastic())
          .block(Duration.ofSeconds(30));
      Throwable failure = bFailure;
      if (failure == null) {
        exec(b, tx(Kind.ROLLBACK)); // lets a go on, if a was the one chosen to wait
        failure = aWaits.block(Duration.ofSeconds(30));
      } else {
        exec(b, tx(Kind.ROLLBACK));
        aWaits.block(Duration.ofSeconds(30));
      }
      SerializationFailureException e = assertInstanceOf(SerializationFailureException.class,
          failure, () -> "expected a serialization failure, got " + bFailure);
      assertTrue(e.isTransient());
      assertTrue(e.getMessage().startsWith("[" + kind.backend() + "] "), e::getMessage);
      assertInstanceOf(R2dbcException.class, e.getCause());
    } finally {
      a.exec(tx(Kind.ROLLBACK)).onErrorResume(x -> Mono.empty()).block();
      a.close().block();
      b.close().block();
    }
  }

  /**
   * SQLite (through the bridge) lets one write transaction in at a time: no deadlock can happen,
   * and a transaction that waits past the busy timeout fails with a serialization failure.
   */
  private void writersTakeTurnsAndAWaitPastTheBusyTimeoutIsASerializationFailure() {
    R2dbcDriver impatient = open(DriverHarness.config(database.url() + "?busyTimeout=300"));
    Connection a = impatient.connect().block();
    Connection b = impatient.connect().block();
    try {
      exec(a, tx(Kind.BEGIN));
      exec(a, insertUsers(new Returning.Count(), "ann"));
      Throwable e = assertThrows(Throwable.class, () -> exec(b, tx(Kind.BEGIN)));
      SerializationFailureException s = assertInstanceOf(SerializationFailureException.class, e,
          () -> "expected a serialization failure, got " + e);
      assertTrue(s.isTransient());
      exec(a, tx(Kind.COMMIT));
      exec(b, tx(Kind.BEGIN));
      exec(b, tx(Kind.ROLLBACK));
    } finally {
      a.close().block();
      b.close().block();
    }
  }

  /** Updates the user with key {@code id}: locks its row. */
  private static Operation.QuerySql touch(Value id) {
    UpdateNode u =
        new UpdateNode(
            USERS,
            ExprNode.eq(col("users", 0), arg(0)),
            List.of(
                new Assignment(
                    4, new ExprNode.Arith(ExprNode.ArithOp.ADD, col("users", 4), arg(1)))),
            new Returning.Count());
    return new Operation.QuerySql(u, List.of(id, new Value.I32(1)), List.of());
  }

  @Test
  void aConnectionEndedByTheServerIsAConnectionLostException() {
    if (kind == TestDatabase.Kind.SQLITE) {
      // Embedded: no server can end the session. The translation still holds for class 08.
      Throwable t = R2dbcErrors.translator(driver.dialect(), Fixtures.SCHEMA)
          .translate(new R2dbcNonTransientResourceException("gone", "08006"), null);
      assertInstanceOf(ConnectionLostException.class, t);
      return;
    }
    Connection c = driver.connect().block();
    try {
      exec(c, DriverHarness.countUsers()); // the session exists
      database.killSessions();
      sleep(200);
      Throwable e = assertThrows(Throwable.class, () -> c.exec(DriverHarness.countUsers())
          .flatMap(r -> r instanceof ExecResponse.Rows rows ? rows.rows().then() : Mono.empty())
          .block(Duration.ofSeconds(30)));
      ConnectionLostException lost = assertInstanceOf(ConnectionLostException.class, e,
          () -> "expected a lost connection, got " + e);
      assertTrue(lost.isTransient());
      assertTrue(lost.getCause() != null, "the driver's error is the cause");
    } finally {
      c.close().onErrorResume(x -> Mono.empty()).block();
    }
  }

  // ---- cancellation --------------------------------------------------------------------------

  /**
   * A BEGIN cancelled at once, then the ROLLBACK the engine sends on cancel: the session must be
   * outside any transaction afterwards, even when the R2DBC driver had not yet read BEGIN's answer
   * (r2dbc-postgresql would skip its rollback then), so that the next statement on the connection
   * commits on its own and is seen by other connections.
   */
  @Test
  void aRollbackRightAfterACancelledBeginEndsTheTransaction() {
    R2dbcDriver counter = open(DriverHarness.config(database.url()));
    for (int i = 0; i < 150; i++) {
      Connection c = driver.connect().block();
      try {
        c.exec(tx(Kind.BEGIN)).subscribe().dispose();
        exec(c, tx(Kind.ROLLBACK));
        exec(c, insertUsers(new Returning.Count(), "u" + i));
      } finally {
        c.close().block();
      }
      assertEquals(i + 1, DriverHarness.userCount(counter), "after run " + i);
    }
  }

  @Test
  void closingAConnectionWhoseBeginWasCancelledRollsBack() {
    for (int i = 0; i < 50; i++) {
      Connection c = driver.connect().block();
      c.exec(tx(Kind.BEGIN)).subscribe().dispose();
      c.close().block();
      Connection next = driver.connect().block();
      try {
        exec(next, insertUsers(new Returning.Count(), "u" + i));
      } finally {
        next.close().block();
      }
    }
    R2dbcDriver counter = open(DriverHarness.config(database.url()));
    assertEquals(50, DriverHarness.userCount(counter));
  }

  /**
   * A write whose subscriber cancels before its turn is never sent. The engine hands its turn to
   * the ROLLBACK as soon as a statement's subscriber cancels, so the ROLLBACK can take its place
   * on the connection before the cancelled INSERT does; sent after it, the INSERT would commit
   * alone. Here a read holds the connection while a ROLLBACK and then two INSERTs (one returning
   * keys, one a count) queue behind it, the INSERTs cancelled at once.
   */
  @Test
  void aWriteCancelledBeforeItsTurnIsNeverSent() {
    count(driver, insertUsers(new Returning.Count(), "a", "b", "c"));
    R2dbcDriver counter = open(DriverHarness.config(database.url()));
    Connection c = driver.connect().block();
    try {
      exec(c, tx(Kind.BEGIN));
      exec(c, insertUsers(new Returning.Count(), "inside"));
      BaseSubscriber<Value.Record> reader = new reactor.core.publisher
          .BaseSubscriber<>() {
        @Override
        protected void hookOnSubscribe(Subscription s) {
          s.request(1); // the read holds the connection until it ends
        }
      };
      c.exec(selectUsers(ExprNode.TRUE, List.of(), 1)).flatMapMany(DriverHarness::rowsOf)
          .subscribe(reader);
      Mono<ExecResponse> rollback = c.exec(tx(Kind.ROLLBACK)).cache();
      rollback.subscribe();
      c.exec(insertUsers(new Returning.Keys(List.of(0)), "keys")).flatMapMany(DriverHarness::rowsOf)
          .subscribe().dispose();
      c.exec(insertUsers(new Returning.Count(), "count")).subscribe().dispose();
      reader.dispose();
      rollback.block(Duration.ofSeconds(30));
      exec(c, insertUsers(new Returning.Count(), "after"));
    } finally {
      c.close().block();
    }
    assertEquals(List.of("a", "b", "c", "after"),
        list(counter, selectUsers(ExprNode.TRUE, List.of(), 1)).stream()
            .map(r -> ((Value.Str) r.get(0)).value()).toList());
  }

  /**
   * A write whose subscriber has cancelled before subscribing is never sent, also when the
   * connection is idle (its turn would come at once). That is the engine's race: a statement's
   * cancel hands the turn to the ROLLBACK while another thread is still subscribing the
   * statement, and the ROLLBACK can be over before the statement reaches the driver. Sent then,
   * after the ROLLBACK, the INSERT would commit on its own.
   */
  @Test
  void aWriteWhoseSubscriberCancelledBeforeSubscribingIsNeverSent() {
    R2dbcDriver counter = open(DriverHarness.config(database.url()));
    Connection c = driver.connect().block();
    try {
      exec(c, tx(Kind.BEGIN));
      exec(c, insertUsers(new Returning.Count(), "inside"));
      exec(c, tx(Kind.ROLLBACK));
      ExecResponse keys = exec(c, insertUsers(new Returning.Keys(List.of(0)), "keys"));
      DriverHarness.rowsOf(keys).subscribe(new CancelledAlready<>());
      c.exec(insertUsers(new Returning.Count(), "count")).subscribe(new CancelledAlready<>());
      c.exec(tx(Kind.BEGIN)).subscribe(new CancelledAlready<>());
      exec(c, insertUsers(new Returning.Count(), "after"));
    } finally {
      c.close().block();
    }
    assertEquals(List.of("after"), list(counter, selectUsers(ExprNode.TRUE, List.of(), 1)).stream()
        .map(r -> ((Value.Str) r.get(0)).value()).toList());
  }

  /** A subscriber that cancels as it is subscribed, as one whose cancel came first does. */
  private static final class CancelledAlready<T> extends BaseSubscriber<T> {
    @Override
    protected void hookOnSubscribe(Subscription s) {
      s.cancel();
    }
  }

  /**
   * Transactions of three statements, cancelled at random moments, ended the way the engine ends
   * them (the connection sealed against further statements, then ROLLBACK, then release): every
   * group of rows is committed whole or not at all, and every connection comes back. The driver's
   * part: a statement cancelled mid-flight still finishes before the ROLLBACK runs.
   */
  @Test
  void transactionsCancelledAtRandomCommitAllOrNothing() {
    R2dbcDriver pooled = open(new DriverConfig(database.url(), Fixtures.SCHEMA, 2,
        Duration.ofSeconds(10), Duration.ofMinutes(5), null));
    Random random = new Random(42);
    int runs = 600;
    List<Mono<Boolean>> all = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      long org = run;
      // Half of the runs are cancelled right after a chosen step (the cancel then races the next
      // statement), half at a random moment up to 4 ms.
      Sinks.Empty<Void> trigger = Sinks.empty();
      int after = random.nextBoolean() ? random.nextInt(5) : -1;
      IntFunction<Mono<Void>> step = k -> k == after
          ? Mono.fromRunnable(trigger::tryEmitEmpty) : Mono.empty();
      Mono<Void> work = Mono.usingWhen(pooled.connect().map(Sealable::new),
          c -> c.exec(tx(Kind.BEGIN)).then(step.apply(0))
              .then(c.exec(insertMember(org, 0))).then(step.apply(1))
              .then(c.exec(insertMember(org, 1, 2))).then(step.apply(2))
              .then(c.exec(insertMember(org, 3))).then(step.apply(3))
              .then(c.exec(tx(Kind.COMMIT))).then(step.apply(4)),
          Sealable::close,
          (c, e) -> c.end(),
          Sealable::end);
      Mono<Void> cancel = after >= 0 ? trigger.asMono()
          : Mono.delay(Duration.ofNanos(random.nextInt(4_000_000))).then();
      all.add(work.thenReturn(true)
          .takeUntilOther(cancel)
          .defaultIfEmpty(false));
    }
    List<Boolean> done = Flux.fromIterable(all)
        .flatMapSequential(m -> m, 4).collectList().block(Duration.ofSeconds(120));
    assertEveryConnectionComesBack(pooled);
    Map<Long, Integer> rows = new HashMap<>();
    Operation.QuerySql orgs = new Operation.QuerySql(new Query(
        new Source.Table("memberships"), ExprNode.TRUE,
        new Returning.Project(List.of(col("memberships", 0))), List.of(), null), List.of(),
        List.of(Type.Scalar.I64));
    for (Value.Record r : list(pooled, orgs)) {
      rows.merge(((Value.I64) r.get(0)).value(), 1, Integer::sum);
    }
    List<String> partial = new ArrayList<>();
    rows.forEach((org, n) -> {
      if (n != 4) {
        partial.add(org + " has " + n);
      }
    });
    assertEquals(List.of(), partial, "partial commits");
    for (int run = 0; run < runs; run++) {
      if (done.get(run)) {
        assertEquals(4, rows.getOrDefault((long) run, 0), "run " + run + " completed");
      }
    }
    long cancelled = done.stream().filter(d -> !d).count();
    assertTrue(cancelled >= runs / 10, "[" + kind + "] only " + cancelled + " of " + runs
        + " runs cancelled");
  }

  /**
   * A connection as the engine holds one in a transaction: a statement starts only while the
   * connection is not sealed, and sealing and the start of the ROLLBACK are one step, so that no
   * statement of the cancelled work starts after it.
   */
  private static final class Sealable {
    private final Connection connection;
    private boolean sealed;

    Sealable(Connection connection) {
      this.connection = connection;
    }

    Mono<Void> exec(Operation op) {
      return Mono.defer(() -> {
        Mono<Void> started;
        synchronized (this) {
          if (sealed) {
            return Mono.error(new IllegalStateException("sealed"));
          }
          // The statement runs when its rows are subscribed (an INSERT .. RETURNING), so they
          // are subscribed here, in the same step as the seal check, as the engine's
          // SerialConnection does within one turn; a ROLLBACK sealed after this comes after it.
          started = connection.exec(op).flatMap(BackendBehaviourTest::drain).cache();
          started.subscribe(r -> { }, e -> { });
        }
        return started;
      });
    }

    Mono<Void> end() {
      Mono<ExecResponse> rollback;
      synchronized (this) {
        sealed = true;
        rollback = connection.exec(tx(Kind.ROLLBACK)).cache();
        rollback.subscribe(r -> { }, e -> { });
      }
      return rollback.onErrorResume(e -> Mono.empty()).then(connection.close());
    }

    Mono<Void> close() {
      return connection.close();
    }
  }

  private static Mono<Void> drain(ExecResponse response) {
    return response instanceof ExecResponse.Rows rows ? rows.rows().then() : Mono.empty();
  }

  private static Operation.Insert insertMember(long org, long... users) {
    List<ExprNode.Record> records = new ArrayList<>();
    List<Value> args = new ArrayList<>();
    for (long user : users) {
      int a = args.size();
      records.add(ExprNode.Record.of(arg(a), arg(a + 1), arg(a + 2)));
      args.add(new Value.I64(org));
      args.add(new Value.I64(user));
      args.add(new Value.Str("member"));
    }
    return new Operation.Insert(new InsertNode(new Source.Table("memberships"), List.of(0, 1, 2),
        records, new Returning.Count()), args, List.of());
  }

  // ---- pool options --------------------------------------------------------------------------

  @Test
  void thePoolHonoursMaxSizeAcquireTimeoutAndValidationQuery() {
    R2dbcDriver pooled = open(new DriverConfig(database.url(), Fixtures.SCHEMA, 2,
        Duration.ofMillis(300), Duration.ofMinutes(5), "SELECT 1"));
    Connection one = pooled.connect().block();
    Connection two = pooled.connect().block();
    try {
      assertEquals(2, pooled.poolMetrics().orElseThrow().acquiredSize());
      long start = System.nanoTime();
      DriverException e = assertThrows(DriverException.class,
          () -> pooled.connect().block(Duration.ofSeconds(10)));
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertTrue(waited >= 250 && waited < 5_000, "waited " + waited + " ms: " + e);
    } finally {
      one.close().block();
      two.close().block();
    }
    Connection again = pooled.connect().block();
    assertEquals(0L, ((Value.I64) DriverHarness.rowsOf(exec(again, DriverHarness.countUsers()))
        .blockFirst().get(0)).value());
    again.close().block();
    assertEquals(2, pooled.poolMetrics().orElseThrow().allocatedSize());

    R2dbcDriver invalid = open(new DriverConfig(database.url(), Fixtures.SCHEMA, 1,
        Duration.ofSeconds(2), Duration.ofMinutes(5), "SELECT no_such_column"));
    ToastyException refused = assertThrows(ToastyException.class,
        () -> invalid.connect().block(Duration.ofSeconds(10)));
    assertTrue(refused instanceof DriverException, () -> "got " + refused);
  }

  /**
   * Acquisitions cancelled at random moments, some while the pool hands the connection over:
   * every connection goes back exactly once, whichever side of the hand-over the cancel lands on.
   * A second release shows only as reactor-pool's "Too many permits returned", an error the pool
   * drops, so the test listens for dropped errors.
   */
  @Test
  void acquisitionsCancelledAtRandomReturnEachConnectionOnce() {
    R2dbcDriver pooled = open(new DriverConfig(database.url(), Fixtures.SCHEMA, 2,
        Duration.ofSeconds(10), Duration.ofMinutes(5), null));
    List<Throwable> dropped = new CopyOnWriteArrayList<>();
    Hooks.onErrorDropped(dropped::add);
    try {
      Random random = new Random(7);
      List<Mono<Boolean>> runs = new ArrayList<>();
      for (int i = 0; i < 1_500; i++) {
        Mono<Boolean> use = Mono.usingWhen(pooled.connect(), c -> Mono.just(true),
            Connection::close, (c, e) -> c.close(), Connection::close);
        // Random cancel points land on every side of the hand-over; a run in ten is never
        // cancelled and one is cancelled at once, so that both outcomes occur however fast or
        // loaded the machine is (under load every random point fell before the hand-over).
        Mono<Long> cancel = i % 10 == 0 ? Mono.never() : i % 10 == 1 ? Mono.just(0L)
            : Mono.delay(Duration.ofNanos(random.nextInt(300_000)));
        runs.add(use.flux().takeUntilOther(cancel).next().defaultIfEmpty(false));
      }
      List<Boolean> used = Flux.fromIterable(runs)
          .flatMap(m -> m, 8).collectList().block(Duration.ofSeconds(120));
      assertEveryConnectionComesBack(pooled);
      assertEquals(List.of(), dropped.stream().map(Throwable::toString).distinct().toList());
      assertEquals(0, pooled.permitsReturnedTwice(), "connections released twice");
      long cut = used.stream().filter(u -> !u).count();
      assertTrue(cut > 0 && cut < used.size(), cut + " of " + used.size() + " cut short");
    } finally {
      Hooks.resetOnErrorDropped();
    }
    // both connections can be held at once again
    Tuple2<Connection, Connection> two = Mono.zip(pooled.connect(),
        pooled.connect()).block(Duration.ofSeconds(15));
    two.getT1().close().then(two.getT2().close()).block();
  }

  /**
   * Closing a driver right after its last connection came back: reactor-pool may then return
   * that connection's permit twice (its release finishing on another thread while the pool is
   * disposed), which its own allocation strategy throws on, failing the close and leaving the
   * idle connections after it open. {@link PoolPermits} takes the extra permit instead. With an
   * embedded database this happened in about one run of three.
   */
  @Test
  void closingTheDriverRightAfterTheLastReleaseSucceeds() {
    List<Throwable> dropped = new CopyOnWriteArrayList<>();
    Hooks.onErrorDropped(dropped::add);
    try {
      for (int i = 0; i < 60; i++) {
        R2dbcDriver d = (R2dbcDriver) new R2dbcDriverProvider().open(
            DriverHarness.config(database.url()));
        try {
          d.resetSchema().block(); // a connection's first use, on the pool's allocating thread
          Connection c = d.connect().block();
          c.close().block();
        } finally {
          d.close().block(Duration.ofSeconds(10));
        }
        assertEquals(0, d.permitsReturnedTwice(), "run " + i);
      }
      assertEquals(List.of(), dropped.stream().map(Throwable::toString).distinct().toList());
    } finally {
      Hooks.resetOnErrorDropped();
    }
  }

  @Test
  void idleConnectionsAreClosedAfterTheMaxIdleTime() {
    R2dbcDriver pooled = open(new DriverConfig(database.url(), Fixtures.SCHEMA, 2,
        Duration.ofSeconds(5), Duration.ofMillis(200), null));
    Connection c = pooled.connect().block();
    c.close().block();
    assertEquals(1, pooled.poolMetrics().orElseThrow().allocatedSize());
    long deadline = System.currentTimeMillis() + 10_000;
    while (pooled.poolMetrics().orElseThrow().allocatedSize() > 0
        && System.currentTimeMillis() < deadline) {
      sleep(50);
    }
    assertEquals(0, pooled.poolMetrics().orElseThrow().allocatedSize());
    assertEquals(List.of(), list(pooled, selectUsers(ExprNode.TRUE, List.of(), 1)));
  }

  /** Waits up to 10 s for the pool's connections to be back (cleanups finish after a cancel). */
  private static void assertEveryConnectionComesBack(R2dbcDriver pooled) {
    long start = System.currentTimeMillis();
    while (pooled.poolMetrics().orElseThrow().acquiredSize() > 0
        && System.currentTimeMillis() - start < 10_000) {
      sleep(20);
    }
    assertEquals(0, pooled.poolMetrics().orElseThrow().acquiredSize(), "connections in use");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
