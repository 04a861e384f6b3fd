package io.toasty.r2dbc;

import static io.toasty.r2dbc.DriverHarness.count;
import static io.toasty.r2dbc.DriverHarness.insertUsers;
import static io.toasty.r2dbc.DriverHarness.list;
import static io.toasty.r2dbc.DriverHarness.selectUsers;
import static io.toasty.r2dbc.DriverHarness.userCount;
import static io.toasty.r2dbc.Fixtures.arg;
import static io.toasty.r2dbc.Fixtures.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.toasty.Feature;
import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.driver.Operation.Transaction.Isolation;
import io.toasty.driver.Operation.Transaction.Kind;
import io.toasty.error.DriverException;
import io.toasty.error.NotNullViolationException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.RowReader;
import io.toasty.value.Type;
import io.toasty.value.Value;
import io.toasty.value.ValueColumns;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Operations against every SQL backend's real server (H2 in memory, PostgreSQL, MariaDB), each
 * test on a database of its own.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class R2dbcConnectionTest {
  private static final Source.Table USERS = new Source.Table("users");

  @Parameter
  TestDatabase.Kind kind;

  private TestDatabase database;
  private R2dbcDriver driver;

  @BeforeEach
  void open() {
    database = TestDatabase.create(kind);
    driver = (R2dbcDriver) new R2dbcDriverProvider().open(DriverHarness.config(database.url()));
    driver.pushSchema().block();
  }

  @AfterEach
  void close() {
    try {
      driver.close().block();
    } finally {
      database.close();
    }
  }

  /** {@code value} as this backend stores it: times truncated to its precision. */
  private Value stored(Value value) {
    ChronoUnit p = driver.dialect().timePrecision();
    if (value instanceof Value.Timestamp t) {
      return new Value.Timestamp(t.value().truncatedTo(p));
    } else if (value instanceof Value.Time t) {
      return new Value.Time(t.value().truncatedTo(p));
    } else if (value instanceof Value.DateTime t) {
      return new Value.DateTime(t.value().truncatedTo(p));
    } else if (value instanceof Value.OffsetDateTimeValue t) {
      return new Value.OffsetDateTimeValue(t.value().truncatedTo(p));
    }
    return value;
  }

  private Connection connection() {
    return driver.connect().block();
  }

  private static ExecResponse exec(Connection c, Operation op) {
    return c.exec(op).block();
  }

  private static Operation.Transaction tx(Kind kind) {
    return new Operation.Transaction(kind, null, false, null);
  }

  private static Operation.Transaction savepoint(Kind kind, String name) {
    return new Operation.Transaction(kind, null, false, name);
  }

  // ---- types ---------------------------------------------------------------------------------

  private static final List<Value> SAMPLE = List.of(
      Value.TRUE,
      new Value.I8(Byte.MIN_VALUE),
      new Value.I16(Short.MAX_VALUE),
      new Value.I32(Integer.MIN_VALUE),
      new Value.I64(Long.MAX_VALUE),
      new Value.F32(1.25f),
      new Value.F64(-2.5e300),
      new Value.Str("héllo \"double\" 'single' ; -- not a comment"),
      new Value.Bytes(new byte[] {0, -1, 127, -128}),
      new Value.Uuid(UUID.fromString("0190f3c2-7b1e-7c4a-9d2f-0123456789ab")),
      // More integer and fraction digits than DECIMAL(38, 10) would keep.
      new Value.Decimal(new BigDecimal("123456789012345678901234567890.123456789012345")),
      new Value.Timestamp(Instant.parse("2024-02-29T23:59:59.123456789Z")),
      new Value.Date(LocalDate.of(1999, 12, 31)),
      new Value.Time(LocalTime.of(23, 59, 59, 999_999_999)),
      new Value.DateTime(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6)),
      new Value.OffsetDateTimeValue(OffsetDateTime.parse("2024-01-02T03:04:05.5+05:30")),
      new Value.Str("BLOCKED"));

  private static Operation.Insert insertAllTypes(long id, List<Value> values) {
    List<Integer> columns = new ArrayList<>();
    List<ExprNode> row = new ArrayList<>();
    List<Value> args = new ArrayList<>();
    columns.add(0);
    row.add(arg(0));
    args.add(new Value.I64(id));
    for (int i = 0; i < values.size(); i++) {
      columns.add(i + 1);
      row.add(arg(i + 1));
      args.add(values.get(i));
    }
    return new Operation.Insert(new InsertNode(new Source.Table("all_types"), columns,
        List.of(new ExprNode.Record(row)), new Returning.Count()), args, List.of());
  }

  private static Operation.QuerySql selectAllTypes(ExprNode filter, List<Value> args) {
    List<ExprNode> exprs = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    exprs.add(col("all_types", 0));
    types.add(Type.Scalar.I64);
    for (int i = 0; i < Fixtures.SCALARS.size(); i++) {
      exprs.add(col("all_types", i + 1));
      types.add(Fixtures.SCALARS.get(i));
    }
    return new Operation.QuerySql(new Query(new Source.Table("all_types"), filter,
        new Returning.Project(exprs), List.of(new OrderBy(col("all_types", 0),
            OrderBy.Direction.ASC)), null), args, types);
  }

  @Test
  void everyScalarTypeRoundTripsIncludingNulls() {
    List<Value> nulls = new ArrayList<>();
    for (int i = 0; i < SAMPLE.size(); i++) {
      nulls.add(Value.NULL);
    }
    assertEquals(1, count(driver, insertAllTypes(1, SAMPLE)));
    assertEquals(1, count(driver, insertAllTypes(2, nulls)));

    List<Value.Record> rows = list(driver, selectAllTypes(ExprNode.TRUE, List.of()));
    assertEquals(2, rows.size());
    List<Value> expected = new ArrayList<>();
    expected.add(new Value.I64(1));
    SAMPLE.forEach(v -> expected.add(stored(v)));
    for (int i = 0; i < expected.size(); i++) {
      Value e = expected.get(i);
      Value a = rows.get(0).get(i);
      if (e instanceof Value.OffsetDateTimeValue o) {
        // The instant is kept; the offset only where the column has one per value (H2).
        assertEquals(o.value().toInstant(), ((Value.OffsetDateTimeValue) a).value().toInstant(),
            "column " + i);
      } else {
        assertEquals(e, a, "column " + i);
      }
    }
    List<Value> expectedNulls = new ArrayList<>();
    expectedNulls.add(new Value.I64(2));
    expectedNulls.addAll(nulls);
    assertEquals(expectedNulls, rows.get(1).fields());
  }

  @Test
  void everyScalarTypeCanBeFilteredOnWithABoundValue() {
    count(driver, insertAllTypes(1, SAMPLE));
    for (int i = 0; i < SAMPLE.size(); i++) {
      Type type = Fixtures.SCALARS.get(i);
      if (type == Type.Scalar.F32 || type == Type.Scalar.F64) {
        continue; // equality on floats is not meaningful
      }
      List<Value.Record> rows = list(driver,
          selectAllTypes(ExprNode.eq(col("all_types", i + 1), arg(0)), List.of(SAMPLE.get(i))));
      assertEquals(1, rows.size(), "filter on " + type);
    }
  }

  @Test
  void decimalsComeBackNormalized() {
    List<Value> values = new ArrayList<>(Collections.nCopies(SAMPLE.size(), Value.NULL));
    values.set(10, new Value.Decimal(new BigDecimal("19.90")));
    count(driver, insertAllTypes(1, values));
    values.set(10, new Value.Decimal(new BigDecimal("1E+3")));
    count(driver, insertAllTypes(2, values));
    List<Value.Record> rows = list(driver, selectAllTypes(ExprNode.TRUE, List.of()));
    assertEquals(new Value.Decimal(new BigDecimal("19.9")), rows.get(0).get(11));
    assertEquals(new Value.Decimal(new BigDecimal("1000")), rows.get(1).get(11));
  }

  @Test
  void nullArgumentsAreBoundWithTheColumnsType() {
    count(driver, insertUsers(new Returning.Count(), "ann"));
    ExprNode filter =
        ExprNode.or(ExprNode.eq(col("users", 3), arg(0)), new ExprNode.IsNull(arg(1)));
    List<Value.Record> rows = list(driver, selectUsers(filter, List.of(Value.NULL, Value.NULL), 1));
    assertEquals(List.of(Value.Record.of(new Value.Str("ann"))), rows);
  }

  @Test
  void rowsArriveAsRequestedAndTheStreamCompletes() {
    String[] names = new String[50];
    for (int i = 0; i < names.length; i++) {
      names[i] = "u" + i;
    }
    count(driver, insertUsers(new Returning.Count(), names));
    StepVerifier.create(DriverHarness.rows(driver, selectUsers(ExprNode.TRUE, List.of(), 1)), 0)
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(50))
        .thenRequest(3)
        .expectNextCount(3)
        .thenRequest(47)
        .expectNextCount(47)
        .expectComplete()
        .verify(Duration.ofSeconds(20));
    StepVerifier.create(DriverHarness.rows(driver, selectUsers(ExprNode.TRUE, List.of(), 1)), 0)
        .thenRequest(50)
        .expectNextCount(50)
        .expectComplete()
        .verify(Duration.ofSeconds(20));
  }

  // ---- inserts -------------------------------------------------------------------------------

  @Test
  void multiRowInsertReturnsGeneratedKeysInOrder() {
    List<Value.Record> keys = list(driver,
        insertUsers(new Returning.Keys(List.of(0)), "ann", "bob", "cid"));
    assertEquals(3, keys.size());
    List<Value.Record> names = list(driver, selectUsers(ExprNode.TRUE, List.of(), 0, 1));
    for (int i = 0; i < 3; i++) {
      assertEquals(names.get(i).get(0), keys.get(i).get(0));
    }
    assertEquals(List.of("ann", "bob", "cid"),
        names.stream().map(r -> ((Value.Str) r.get(1)).value()).toList());
    List<Value.Record> more = list(driver, insertUsers(new Returning.Keys(List.of(0)), "dan"));
    assertTrue(((Value.I64) more.get(0).get(0)).value()
        > ((Value.I64) keys.get(2).get(0)).value());
  }

  @Test
  void insertReturningCountAndWholeRows() {
    assertEquals(2, count(driver, insertUsers(new Returning.Count(), "ann", "bob")));
    List<ExprNode> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      all.add(col("users", i));
    }
    Operation.Insert base = insertUsers(new Returning.Count(), "cid");
    Operation.Insert project =
        new Operation.Insert(
            new InsertNode(
                USERS,
                base.statement().columns(),
                base.statement().rows(),
                new Returning.Project(all)),
            base.args(),
            List.of());
    List<Value.Record> rows = list(driver, project);
    assertEquals(1, rows.size());
    assertEquals(List.of(new Value.I64(3), new Value.Str("cid"), new Value.Str("cid@example.com"),
        Value.NULL, new Value.I32(0), new Value.Str("ACTIVE")), rows.get(0).fields());
  }

  // ---- updates and deletes -------------------------------------------------------------------

  @Test
  void updateReturningRowsSeesTheNewValues() {
    count(driver, insertUsers(new Returning.Count(), "ann", "bob", "cid"));
    UpdateNode u =
        new UpdateNode(
            USERS,
            new ExprNode.InList(col("users", 1), List.of(arg(1), arg(2))),
            List.of(
                new Assignment(
                    4, new ExprNode.Arith(ExprNode.ArithOp.ADD, col("users", 4), arg(0))),
                new Assignment(3, arg(3))),
            new Returning.Project(List.of(col("users", 1), col("users", 4), col("users", 3))));
    Operation.QuerySql op = new Operation.QuerySql(u, List.of(new Value.I32(5),
        new Value.Str("ann"), new Value.Str("cid"), new Value.Str("nick")),
        List.of(Type.Scalar.STRING, Type.Scalar.I64, Type.Scalar.STRING));
    if (!driver.capability().returningFromMutation()) {
      // MariaDB and MySQL: the planner re-reads instead; asked anyway, the driver refuses.
      assertThrows(UnsupportedFeatureException.class, () -> list(driver, op));
      return;
    }
    List<Value.Record> rows = list(driver, op);
    assertEquals(2, rows.size());
    for (Value.Record r : rows) {
      assertEquals(new Value.I64(5), r.get(1));
      assertEquals(new Value.Str("nick"), r.get(2));
    }
  }

  @Test
  void updateAndDeleteReturnCounts() {
    count(driver, insertUsers(new Returning.Count(), "ann", "bob", "cid"));
    UpdateNode u =
        new UpdateNode(
            USERS,
            new ExprNode.Compare(ExprNode.CompareOp.GE, col("users", 0), arg(1)),
            List.of(new Assignment(5, arg(0))),
            new Returning.Count());
    assertEquals(2, count(driver, new Operation.QuerySql(u,
        List.of(new Value.Str("BLOCKED"), new Value.I64(2)), List.of())));
    DeleteNode d =
        new DeleteNode(USERS, ExprNode.eq(col("users", 5), arg(0)), new Returning.Count());
    assertEquals(2, count(driver, new Operation.QuerySql(d, List.of(new Value.Str("BLOCKED")),
        List.of())));
    assertEquals(1, userCount(driver));
    DeleteNode none = new DeleteNode(USERS, new ExprNode.InList(col("users", 0), List.of()),
        new Returning.Count());
    assertEquals(0, count(driver, new Operation.QuerySql(none, List.of(), List.of())));
  }

  // ---- the rendered constructs run on H2 -----------------------------------------------------

  @Test
  void subqueriesTuplesAndLimitsRun() {
    List<Value.Record> ids = list(driver,
        insertUsers(new Returning.Keys(List.of(0)), "ann", "bob", "cid", "dan"));
    long ann = ((Value.I64) ids.get(0).get(0)).value();
    InsertNode posts = new InsertNode(new Source.Table("posts"), List.of(1, 2),
        List.of(ExprNode.Record.of(arg(0), arg(1)), ExprNode.Record.of(arg(0), arg(2))),
        new Returning.Count());
    count(driver, new Operation.Insert(posts, List.of(new Value.I64(ann), new Value.Str("a"),
        new Value.Str("b")), List.of()));
    InsertNode members =
        new InsertNode(
            new Source.Table("memberships"),
            List.of(0, 1, 2),
            List.of(
                ExprNode.Record.of(arg(0), arg(1), arg(2)),
                ExprNode.Record.of(arg(3), arg(4), arg(2))),
            new Returning.Count());
    count(driver, new Operation.Insert(members, List.of(new Value.I64(1), new Value.I64(10),
        new Value.Str("admin"), new Value.I64(2), new Value.I64(20)), List.of()));

    Query titles = new Query(new Source.Table("posts"), ExprNode.eq(col("posts", 2), arg(0)),
        new Returning.Project(List.of(col("posts", 1))), List.of(), null);
    assertEquals(1, list(driver, selectUsers(new ExprNode.InSubquery(col("users", 0), titles),
        List.of(new Value.Str("b")), 1)).size());

    Query correlated =
        new Query(
            new Source.Table("posts"),
            ExprNode.eq(col("posts", 1), col("users", 0)),
            new Returning.Project(List.of(col("posts", 0))),
            List.of(),
            null);
    assertEquals(List.of(Value.Record.of(new Value.Str("bob")), Value.Record.of(
            new Value.Str("cid")), Value.Record.of(new Value.Str("dan"))),
        list(driver, selectUsers(new ExprNode.Not(new ExprNode.Exists(correlated)), List.of(), 1)));

    ExprNode.Record key = ExprNode.Record.of(col("memberships", 0), col("memberships", 1));
    Query byKey = new Query(new Source.Table("memberships"),
        new ExprNode.InList(key, List.of(ExprNode.Record.of(arg(0), arg(1)),
            ExprNode.Record.of(arg(2), arg(3)))),
        new Returning.Project(List.of(col("memberships", 1))), List.of(), null);
    assertEquals(2, list(driver, new Operation.QuerySql(byKey, List.of(new Value.I64(1),
        new Value.I64(10), new Value.I64(2), new Value.I64(20)), List.of(Type.Scalar.I64)))
        .size());

    Operation.QuerySql page = selectUsers(ExprNode.TRUE, List.of(), 1);
    Query paged = ((Query) page.statement()).withLimit(new Limit(arg(0), arg(1)));
    assertEquals(List.of(Value.Record.of(new Value.Str("bob")),
            Value.Record.of(new Value.Str("cid"))),
        list(driver, new Operation.QuerySql(paged, List.of(new Value.I64(2), new Value.I32(1)),
            page.rowType())));
  }

  // ---- errors --------------------------------------------------------------------------------

  @Test
  void duplicateUniqueFieldIsAUniqueViolationNamingModelAndField() {
    count(driver, insertUsers(new Returning.Count(), "ann"));
    UniqueViolationException e = assertThrows(UniqueViolationException.class,
        () -> count(driver, insertUsers(new Returning.Count(), "ann")));
    assertEquals(Optional.of("User"), e.model());
    assertEquals(Optional.of("email"), e.field());
    R2dbcDataIntegrityViolationException cause = assertInstanceOf(
        R2dbcDataIntegrityViolationException.class, e.getCause());
    assertEquals(kind == TestDatabase.Kind.MARIADB ? "23000" : "23505", cause.getSqlState());
    assertTrue(e.getMessage().contains("User.email"), e::getMessage);
    assertEquals(1, userCount(driver));
  }

  @Test
  void duplicatePrimaryKeyNamesTheKeyFields() {
    InsertNode members = new InsertNode(new Source.Table("memberships"), List.of(0, 1, 2),
        List.of(ExprNode.Record.of(arg(0), arg(1), arg(2))), new Returning.Count());
    Operation.Insert op = new Operation.Insert(members, List.of(new Value.I64(1),
        new Value.I64(10), new Value.Str("admin")), List.of());
    count(driver, op);
    UniqueViolationException e = assertThrows(UniqueViolationException.class,
        () -> count(driver, op));
    assertEquals(Optional.of("Membership"), e.model());
    assertEquals(Optional.of("orgId, userId"), e.field());
  }

  @Test
  void duplicateInAnUpdateArrivesOnTheRowStreamAndChangesNoRow() {
    count(driver, insertUsers(new Returning.Count(), "ann", "bob"));
    // Returning rows where the backend can (H2's delta table, RETURNING), else a count.
    Returning returning = driver.capability().returningFromMutation()
        ? new Returning.Project(List.of(col("users", 0))) : new Returning.Count();
    UpdateNode u = new UpdateNode(USERS, ExprNode.eq(col("users", 1), arg(1)),
        List.of(new Assignment(2, arg(0))), returning);
    Operation.QuerySql op = new Operation.QuerySql(u,
        List.of(new Value.Str("ann@example.com"), new Value.Str("bob")),
        driver.capability().returningFromMutation() ? List.of(Type.Scalar.I64) : List.of());
    StepVerifier.create(Mono.usingWhen(driver.connect(),
            c -> c.exec(op).flatMap(r -> r instanceof ExecResponse.Rows rows
                ? rows.rows().then() : Mono.empty()),
            Connection::close, (c, e) -> c.close(), Connection::close))
        .expectErrorSatisfies(e -> {
          UniqueViolationException v = assertInstanceOf(UniqueViolationException.class, e);
          assertEquals(Optional.of("email"), v.field());
        })
        .verify();
    // H2 alone would have lost bob's row here; the delta-table guard rolls the statement back.
    assertEquals(2, userCount(driver));
    assertEquals(List.of(Value.Record.of(new Value.Str("bob@example.com"))),
        list(driver, selectUsers(ExprNode.eq(col("users", 1), arg(0)),
            List.of(new Value.Str("bob")), 2)));
  }

  @Test
  void aFailedUpdateInsideATransactionLosesNoRow() {
    count(driver, insertUsers(new Returning.Count(), "ann", "bob"));
    boolean returning = driver.capability().returningFromMutation();
    UpdateNode u = new UpdateNode(USERS, ExprNode.eq(col("users", 1), arg(1)),
        List.of(new Assignment(2, arg(0))), returning
            ? new Returning.Project(List.of(col("users", 0))) : new Returning.Count());
    Operation.QuerySql op = new Operation.QuerySql(u,
        List.of(new Value.Str("ann@example.com"), new Value.Str("bob")),
        returning ? List.of(Type.Scalar.I64) : List.of());
    Connection c = connection();
    try {
      exec(c, tx(Kind.BEGIN));
      exec(c, insertUsers(new Returning.Count(), "cid"));
      StepVerifier.create(c.exec(op).flatMap(r -> r instanceof ExecResponse.Rows rows
              ? rows.rows().then() : Mono.empty()))
          .expectError(UniqueViolationException.class)
          .verify();
      exec(c, tx(Kind.ROLLBACK));
    } finally {
      c.close().block();
    }
    assertEquals(2, userCount(driver), "bob survives, and cid is rolled back");
    assertEquals(List.of(Value.Record.of(new Value.Str("bob@example.com"))),
        list(driver, selectUsers(ExprNode.eq(col("users", 1), arg(0)),
            List.of(new Value.Str("bob")), 2)));
  }

  @Test
  void aNullInARequiredColumnIsANotNullViolationNamingTheField() {
    Operation.Insert op = insertUsers(new Returning.Count(), "ann");
    List<Value> args = new ArrayList<>(op.args());
    args.set(0, Value.NULL); // name is NOT NULL
    NotNullViolationException e = assertThrows(NotNullViolationException.class,
        () -> count(driver, new Operation.Insert(op.statement(), args, List.of())));
    assertEquals(Optional.of("User"), e.model());
    assertEquals(Optional.of("name"), e.field());
    assertEquals(kind == TestDatabase.Kind.MARIADB ? "23000" : "23502",
        assertInstanceOf(R2dbcException.class, e.getCause()).getSqlState());
  }

  @Test
  void otherDatabaseErrorsAreDriverExceptionsWithTheSqlState() {
    database.execute("DROP TABLE " + database.quote("memberships"));
    Operation.QuerySql all = new Operation.QuerySql(new Query(new Source.Table("memberships"),
        ExprNode.TRUE, new Returning.Project(List.of(col("memberships", 0))), List.of(), null),
        List.of(), List.of(Type.Scalar.I64));
    DriverException e = assertThrows(DriverException.class, () -> list(driver, all));
    // The table does not exist.
    assertEquals(switch (kind) {
      case H2, MARIADB, SQLITE -> "42S02";
      case POSTGRESQL -> "42P01";
    }, e.sqlState());
    assertTrue(e.getMessage().startsWith("[" + kind.backend() + "] "), e.getMessage());
    assertTrue(e.getCause() instanceof R2dbcBadGrammarException,
        () -> "cause " + e.getCause());
  }

  @Test
  void aValueThatDoesNotDecodeFailsTheRowStreamNamingModelAndField() {
    count(driver, insertUsers(new Returning.Count(), "ann"));
    Operation.QuerySql names = selectUsers(ExprNode.TRUE, List.of(), 1);
    Operation.QuerySql asNumbers = new Operation.QuerySql(names.statement(), List.of(),
        List.of(Type.Scalar.I64));
    StepVerifier.create(DriverHarness.rows(driver, asNumbers))
        .expectErrorSatisfies(e -> {
          ValueOutOfRangeException range =
              assertInstanceOf(ValueOutOfRangeException.class, e);
          assertEquals(Optional.of("User"), range.model());
          assertEquals(Optional.of("name"), range.field());
          assertTrue(e.getMessage().contains("column name"), e.getMessage());
        })
        .verify();
  }

  @Test
  void keyValueOperationsAreUnsupported() {
    Connection c = connection();
    try {
      StepVerifier.create(c.exec(new Operation.GetByKey("users", List.of(0), List.of())))
          .expectErrorSatisfies(e -> {
            UnsupportedFeatureException u = assertInstanceOf(UnsupportedFeatureException.class, e);
            assertEquals(Feature.SQL, u.feature());
            assertEquals(kind.backend(), u.backend());
          })
          .verify();
    } finally {
      c.close().block();
    }
  }

  // ---- transactions --------------------------------------------------------------------------

  @Test
  void rollbackDiscardsAndCommitKeeps() {
    Connection c = connection();
    try {
      exec(c, tx(Kind.BEGIN));
      exec(c, insertUsers(new Returning.Count(), "ann"));
      assertEquals(0, userCount(driver), "uncommitted rows are invisible to other connections");
      exec(c, tx(Kind.ROLLBACK));
      assertEquals(0, userCount(driver));

      exec(c, new Operation.Transaction(Kind.BEGIN, Isolation.SERIALIZABLE, false, null));
      exec(c, insertUsers(new Returning.Count(), "bob"));
      exec(c, tx(Kind.COMMIT));
      assertEquals(1, userCount(driver));

      // H2 takes read-only as a hint only; BEGIN accepts it.
      exec(c, new Operation.Transaction(Kind.BEGIN, null, true, null));
      exec(c, tx(Kind.COMMIT));
    } finally {
      c.close().block();
    }
  }

  @Test
  void savepointsRollBackPartOfATransaction() {
    Connection c = connection();
    try {
      exec(c, new Operation.Transaction(Kind.BEGIN, Isolation.READ_COMMITTED, false, null));
      exec(c, insertUsers(new Returning.Count(), "ann"));
      exec(c, savepoint(Kind.SAVEPOINT, "sp_1"));
      exec(c, insertUsers(new Returning.Count(), "bob"));
      exec(c, savepoint(Kind.ROLLBACK_TO_SAVEPOINT, "sp_1"));
      exec(c, savepoint(Kind.SAVEPOINT, "sp_2"));
      exec(c, insertUsers(new Returning.Count(), "cid"));
      exec(c, savepoint(Kind.RELEASE_SAVEPOINT, "sp_2"));
      exec(c, tx(Kind.COMMIT));
    } finally {
      c.close().block();
    }
    assertEquals(List.of(Value.Record.of(new Value.Str("ann")), Value.Record.of(
        new Value.Str("cid"))), list(driver, selectUsers(ExprNode.TRUE, List.of(), 1)));
  }

  @Test
  void savepointNamesMustBePlain() {
    Connection c = connection();
    try {
      exec(c, tx(Kind.BEGIN));
      assertThrows(DriverException.class,
          () -> exec(c, savepoint(Kind.SAVEPOINT, "x; DROP TABLE users")));
      assertThrows(DriverException.class, () -> exec(c, savepoint(Kind.SAVEPOINT, null)));
      exec(c, tx(Kind.ROLLBACK));
    } finally {
      c.close().block();
    }
  }

  @Test
  void closingAConnectionMidTransactionRollsBack() {
    Connection c = connection();
    exec(c, tx(Kind.BEGIN));
    exec(c, insertUsers(new Returning.Count(), "ann"));
    c.close().block();
    assertEquals(0, userCount(driver));
  }

  @Test
  void closeIsIdempotentAndAClosedConnectionRefusesWork() {
    Connection c = connection();
    c.close().block();
    c.close().block();
    assertThrows(DriverException.class, () -> exec(c, DriverHarness.countUsers()));
    assertEquals(0, driver.poolMetrics().orElseThrow().acquiredSize());
  }

  @Test
  void rowsAreReadWhenSubscribedAndOnlyOnce() {
    Connection c = connection();
    try {
      ExecResponse response = exec(c, insertUsers(new Returning.Keys(List.of(0)), "ann"));
      assertEquals(0, userCount(driver), "the insert runs when its rows are subscribed");
      StepVerifier.create(DriverHarness.rowsOf(response)).expectNextCount(1).verifyComplete();
      assertEquals(1, userCount(driver));
      StepVerifier.create(DriverHarness.rowsOf(response))
          .expectError(DriverException.class)
          .verify();
      assertEquals(1, userCount(driver), "a second subscription does not insert again");
    } finally {
      c.close().block();
    }
  }


  // ---- Connection.read: rows built straight into records ----------------------------------

  /** Fields out of column order: login_count, name, id, nickname. */
  private static final int[] FIELDS = {4, 1, 0, 3};
  private static final RowReader<Person> PERSON = row -> new Person(row.i32(0),
      row.str(1), row.i64(2), row.isNull(3) ? Optional.empty() : Optional.of(row.str(3)));

  record Person(int logins, String name, long id, Optional<String> nickname) {}

  /** Three users, then the typed read of {@code q}. */
  private <T> Flux<T> seededRead(Operation.QuerySql q, int[] fields,
      RowReader<T> reader) {
    count(driver, insertUsers(new Returning.Count(), "ann", "bob", "cy"));
    return read(q, fields, reader);
  }

  private <T> Flux<T> read(Operation.QuerySql q, int[] fields, RowReader<T> reader) {
    return Flux.usingWhen(driver.connect(), c -> c.read(q, fields, reader),
        Connection::close, (c, e) -> c.close(), Connection::close);
  }

  @Test
  void typedReadsBuildTheRecordsTheValuePathReads() {
    Operation.QuerySql q = selectUsers(ExprNode.TRUE, List.of(), 0, 1, 2, 3, 4, 5);
    count(driver, insertUsers(new Returning.Count(), "ann", "bob", "cy"));
    List<Person> viaValues = list(driver, q).stream()
        .map(row -> PERSON.read(new ValueColumns(row, FIELDS))).toList();
    List<Person> direct = read(q, FIELDS, PERSON).collectList().block();
    assertEquals(3, direct.size());
    assertEquals(viaValues, direct);
    assertEquals(new Person(0, "ann", direct.get(0).id(), Optional.empty()), direct.get(0));
  }

  @Test
  void aTypedReadStoppedEarlyLeavesTheConnectionUsable() {
    Operation.QuerySql q = selectUsers(ExprNode.TRUE, List.of(), 0, 1, 2, 3, 4, 5);
    count(driver, insertUsers(new Returning.Count(), "ann", "bob", "cy"));
    StepVerifier.create(Flux.usingWhen(driver.connect(),
            c -> c.read(q, FIELDS, PERSON).take(1).concatWith(c.read(q, FIELDS, PERSON)),
            Connection::close, (c, e) -> c.close(), Connection::close))
        .expectNextCount(4)
        .verifyComplete();
  }

  @Test
  void aColumnTheTypedReaderCannotReadFailsWithTheReadersError() {
    Operation.QuerySql q = selectUsers(ExprNode.TRUE, List.of(), 0, 1, 2, 3, 4, 5);
    RowReader<Long> nameAsNumber = row -> row.i64(0);
    StepVerifier.create(seededRead(q, new int[] {1}, nameAsNumber))
        .expectErrorSatisfies(e -> {
          assertTrue(e instanceof IllegalArgumentException, e.toString());
          assertTrue(e.getMessage().startsWith("cannot read java.lang.String ann as I64"),
              e.getMessage());
        })
        .verify();
  }

  @Test
  void aTypedReadRefusesANullInAPrimitiveField() {
    Operation.QuerySql q = selectUsers(ExprNode.TRUE, List.of(), 0, 1, 2, 3, 4, 5);
    RowReader<Integer> nicknameAsInt = row -> row.i32(0);
    StepVerifier.create(seededRead(q, new int[] {3}, nicknameAsInt))
        .expectErrorMessage("NULL in a field that is not Optional")
        .verify();
  }

  @Test
  void aTypedReadBindsItsArguments() {
    Operation.QuerySql q = selectUsers(new ExprNode.Compare(ExprNode.CompareOp.EQ,
        new ExprNode.Column("users", 1), new ExprNode.Arg(0)), List.of(new Value.Str("bob")),
        0, 1, 2, 3, 4, 5);
    List<Person> bob = seededRead(q, FIELDS, PERSON).collectList().block();
    assertEquals(1, bob.size());
    assertEquals("bob", bob.get(0).name());
  }
}
