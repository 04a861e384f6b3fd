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
import io.toasty.ConnectionLostException;
import io.toasty.DriverException;
import io.toasty.ForeignKeyViolationException;
import io.toasty.SerializationFailureException;
import io.toasty.ToastyException;
import io.toasty.driver.Connection;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.driver.Operation.Transaction.Kind;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.Delete;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Insert;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.Update;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

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

  private List<String> names(Expr filter, Value... args) {
    return list(driver, selectUsers(filter, List.of(args), 1)).stream()
        .map(r -> ((Value.Str) r.get(0)).value()).toList();
  }

  // ---- patterns and NULL-safe equality -------------------------------------------------------

  private static Expr pattern(Expr.PatternKind kind, boolean ignoreCase) {
    return new Expr.Pattern(kind, col("users", 1), arg(0), ignoreCase);
  }

  @Test
  void literalPatternsMatchSpecialCharactersLiterally() {
    count(driver, insertUsers(new Returning.Count(), "50% off", "500 off", "a_b", "axb",
        "back\\slash", "star*", "q?", "[x]"));
    assertEquals(List.of("50% off"),
        names(pattern(Expr.PatternKind.STARTS_WITH, false), new Value.Str("50%")));
    assertEquals(List.of("a_b"),
        names(pattern(Expr.PatternKind.CONTAINS, false), new Value.Str("_")));
    assertEquals(List.of("back\\slash"),
        names(pattern(Expr.PatternKind.CONTAINS, false), new Value.Str("k\\s")));
    assertEquals(List.of("star*"),
        names(pattern(Expr.PatternKind.ENDS_WITH, false), new Value.Str("*")));
    assertEquals(List.of("q?"),
        names(pattern(Expr.PatternKind.ENDS_WITH, false), new Value.Str("?")));
    assertEquals(List.of("[x]"),
        names(pattern(Expr.PatternKind.STARTS_WITH, false), new Value.Str("[")));
  }

  @Test
  void likePatternsUseTheirWildcardsAndBackslashEscapes() {
    count(driver, insertUsers(new Returning.Count(), "a_b", "axb", "ab", "a%b"));
    assertEquals(List.of("a_b", "axb", "a%b"),
        names(pattern(Expr.PatternKind.LIKE, false), new Value.Str("a_b")));
    assertEquals(List.of("a_b"),
        names(pattern(Expr.PatternKind.LIKE, false), new Value.Str("a\\_b")));
    assertEquals(List.of("a_b", "axb", "ab", "a%b"),
        names(pattern(Expr.PatternKind.LIKE, false), new Value.Str("a%")));
    assertEquals(List.of("a%b"),
        names(pattern(Expr.PatternKind.LIKE, false), new Value.Str("%\\%%")));
  }

  @Test
  void patternsAreCaseSensitiveUnlessAskedNotToBe() {
    count(driver, insertUsers(new Returning.Count(), "Ann", "ann", "ANNA", "bob"));
    assertEquals(List.of("Ann"),
        names(pattern(Expr.PatternKind.STARTS_WITH, false), new Value.Str("An")));
    assertEquals(List.of("Ann", "ann", "ANNA"),
        names(pattern(Expr.PatternKind.STARTS_WITH, true), new Value.Str("an")));
    assertEquals(List.of("ann"),
        names(pattern(Expr.PatternKind.LIKE, false), new Value.Str("a%")));
    assertEquals(List.of("Ann", "ann", "ANNA"),
        names(pattern(Expr.PatternKind.LIKE, true), new Value.Str("a%")));
    assertEquals(List.of(), names(pattern(Expr.PatternKind.CONTAINS, false), Value.NULL));
  }

  @Test
  void stringEqualityIsExactOnEveryBackend() {
    count(driver, insertUsers(new Returning.Count(), "ann", "Ann", "ann "));
    assertEquals(List.of("ann"), names(Expr.eq(col("users", 1), arg(0)), new Value.Str("ann")));
    assertEquals(List.of("ann "), names(Expr.eq(col("users", 1), arg(0)),
        new Value.Str("ann ")));
  }

  @Test
  void nullSafeEqualityMatchesNullWithNull() {
    count(driver, insertUsers(new Returning.Count(), "ann", "bob"));
    Update nick = new Update(USERS, Expr.eq(col("users", 1), arg(1)),
        List.of(new Assignment(3, arg(0))), new Returning.Count());
    count(driver, new Operation.QuerySql(nick, List.of(new Value.Str("b"), new Value.Str("bob")),
        List.of()));
    Expr nullSafe = new Expr.IsNotDistinctFrom(col("users", 3), arg(0));
    assertEquals(List.of("ann"), names(nullSafe, Value.NULL));
    assertEquals(List.of("bob"), names(nullSafe, new Value.Str("b")));
    assertEquals(List.of(), names(Expr.eq(col("users", 3), arg(0)), Value.NULL));
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
    return new Operation.Insert(new Insert(new Source.Table("posts"), List.of(1, 2),
        List.of(Expr.Record.of(arg(0), arg(1))), new Returning.Count()),
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
    assertTrue(e.getMessage().contains(cause.getMessage()), e::getMessage);
  }

  @Test
  void deletingAReferencedRecordIsAForeignKeyViolationOfThatModel() {
    addForeignKey();
    long ann = ((Value.I64) list(driver, insertUsers(new Returning.Keys(List.of(0)), "ann"))
        .get(0).get(0)).value();
    count(driver, insertPost(ann, "hello"));
    Delete d = new Delete(USERS, Expr.eq(col("users", 0), arg(0)), new Returning.Count());
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
    List<Value.Record> ids = list(driver, insertUsers(new Returning.Keys(List.of(0)), "ann", "bob"));
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
    Update u = new Update(USERS, Expr.eq(col("users", 0), arg(0)),
        List.of(new Assignment(4, new Expr.Arith(Expr.ArithOp.ADD, col("users", 4), arg(1)))),
        new Returning.Count());
    return new Operation.QuerySql(u, List.of(id, new Value.I32(1)), List.of());
  }

  @Test
  void aConnectionEndedByTheServerIsAConnectionLostException() {
    if (kind == TestDatabase.Kind.SQLITE) {
      // Embedded: no server can end the session. The translation still holds for class 08.
      Throwable t = new io.toasty.r2dbc.error.ErrorTranslator(driver.dialect(), Fixtures.SCHEMA)
          .translate(new io.r2dbc.spi.R2dbcNonTransientResourceException("gone", "08006"), null);
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
    assertEquals(List.of(), list(pooled, selectUsers(Expr.TRUE, List.of(), 1)));
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
