package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.scenarios.Fixtures.sortedBy;
import static io.toasty.tck.scenarios.Fixtures.sortedNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Condition;
import io.toasty.Expr;
import io.toasty.Row;
import io.toasty.SqlStatement;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.DbOptions;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.User;
import io.toasty.tck.models.UserCard;
import io.toasty.tck.models.UserCards;
import io.toasty.tck.models.Users;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Raw SQL statements ({@code sql(db, ..)}): named parameters bound as the database's markers,
 * rows with typed getters, rows loaded as a model, affected counts, transactions, the pool. A
 * backend without SQL refuses every one with {@code Feature.SQL} before its driver sees it.
 */
@Models(Users.class)
@Requires(Need.SQL)
public abstract class RawSqlScenarios {

  @BackendTest
  public void rowsWithTypedGetters(Db db) {
    Fixtures.fiveUsers(db);
    List<Row> rows = awaitAll(sql(db, "SELECT [name], [login_count], [nickname] FROM [users]"
        + " WHERE [login_count] >= :min ORDER BY [login_count]").bind("min", 3).rows());
    assertEquals(List.of("dan", "eve"), rows.stream().map(r -> r.get("name", String.class))
        .toList());
    assertEquals(List.of(3L, 4L), rows.stream().map(r -> r.get("LOGIN_COUNT", Long.class))
        .toList());
    assertEquals(3, rows.get(0).get(1, Integer.class));
    assertEquals(null, rows.get(0).get("nickname", String.class));
    assertEquals("a", rows.get(1).get("nickname", String.class));
    assertEquals(3, rows.get(0).columns().size());
  }

  @BackendTest
  public void aParameterMayAppearTwice(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("ann", "cid"), names(sql(db, "SELECT [name] FROM [users] WHERE [name] = :x"
        + " OR [nickname] = :y OR [name] = :z").bind("x", "ann").bind("y", "c").bind("z", "ann")));
    assertEquals(List.of("ann", "eve"), names(sql(db, "SELECT [name] FROM [users]"
        + " WHERE [nickname] = :n OR [name] = :n").bind("n", "a")));
  }

  @BackendTest
  public void rowsLoadAsAModel(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    List<User> loaded = sortedBy(awaitAll(sql(db, "SELECT * FROM [users] WHERE [login_count] < :n")
        .bind("n", 2).as(Users.MODEL)), User::name);
    assertEquals(users.subList(0, 2), loaded);
  }

  @BackendTest
  public void rowsMapToAProjection(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    List<UserCard> cards = awaitAll(sql(db, "SELECT [id], [name], [nickname] FROM [users]"
        + " WHERE [login_count] >= :n ORDER BY [name]").bind("n", 3)
        .as(Users.MODEL, UserCards::map, UserCards.FIELDS));
    assertEquals(List.of(new UserCard(users.get(3).id(), "dan", Optional.empty()),
        new UserCard(users.get(4).id(), "eve", Optional.of("a"))), cards);
    InvalidStatementException e = Tck.failure(InvalidStatementException.class, () -> sql(db,
        "SELECT [name] FROM [users]").as(Users.MODEL, v -> v[0], List.of(Users.NAME.lower()))
        .collectList());
    assertTrue(e.getMessage().contains("projection"), e.getMessage());
  }

  @BackendTest
  public void executeReturnsTheAffectedCount(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(2L, await(sql(db, "UPDATE [users] SET [login_count] = :c WHERE [nickname] = :nick")
        .bind("c", 40).bind("nick", "a").execute()));
    assertEquals(List.of("ann", "eve"),
        sortedNames(await(Users.filter(Users.LOGIN_COUNT.eq(40)).collect(db))));
    assertEquals(0L, await(sql(db, "DELETE FROM [users] WHERE [name] = :n").bind("n", "zed")
        .execute()));
  }

  @BackendTest
  public void nullBindsSqlNull(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(1L, await(sql(db, "UPDATE [users] SET [nickname] = :nick WHERE [name] = :name")
        .bind("nick", null).bind("name", "ann").execute()));
    assertEquals(Optional.empty(), await(Users.filter(Users.NAME.eq("ann")).first(db))
        .nickname());
    // = NULL is unknown: no row
    assertEquals(List.of(), names(sql(db, "SELECT [name] FROM [users] WHERE [nickname] = :n")
        .bind("n", null)));
  }

  @BackendTest
  public void uuidKeysBindAsTheBackendStoresThem(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    UUID cid = users.get(2).id();
    assertEquals(List.of("cid"), names(sql(db, "SELECT [name] FROM [users] WHERE [id] = :id")
        .bind("id", cid)));
    assertEquals(List.of(users.get(2)), awaitAll(sql(db, "SELECT * FROM [users] WHERE [id] = :id")
        .bind("id", cid).as(Users.MODEL)));
  }

  @BackendTest
  public void hostileValuesStayValues(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of(), names(sql(db, "SELECT [name] FROM [users] WHERE [name] = :n")
        .bind("n", "x' OR '1'='1")));
    assertEquals(0L, await(sql(db, "DELETE FROM [users] WHERE [name] = :n")
        .bind("n", "x'; DELETE FROM [users]; --").execute()));
    assertEquals(5, await(Users.all().collect(db)).size());
  }

  @BackendTest
  public void quotesAndCommentsKeepTheirColonsAndMarks(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("bob"), names(sql(db, "SELECT [name] FROM [users] /* :no ? */"
        + " WHERE [name] = :n AND 'a:b?' = 'a:b?' -- :nor ?\n ORDER BY [name]").bind("n", "bob")));
  }

  @BackendTest
  public void positionalMarkersAreRefusedBeforeAnythingIsSent(Db db, OperationLog log) {
    log.clear();
    Flux<Row> rows = sql(db, "SELECT [name] FROM [users] WHERE [name] = ?").rows();
    InvalidStatementException e = Tck.failure(InvalidStatementException.class,
        () -> rows.collectList());
    assertTrue(e.getMessage().contains(":name"), e.getMessage());
    assertEquals(0, log.size(), log::toString);
  }

  @BackendTest
  public void unboundAndUnusedParametersAreRefused(Db db, OperationLog log) {
    log.clear();
    SqlStatement unbound = sql(db, "SELECT [name] FROM [users] WHERE [name] = :n AND [email] = :e")
        .bind("n", "ann");
    assertTrue(Tck.failure(InvalidStatementException.class, () -> unbound.rows().collectList())
        .getMessage().contains(":e"));
    SqlStatement unused = sql(db, "SELECT [name] FROM [users] WHERE [name] = :n").bind("n", "a")
        .bind("nam", "typo");
    assertTrue(Tck.failure(InvalidStatementException.class, unused::execute).getMessage()
        .contains(":nam"));
    assertEquals(0, log.size(), log::toString);
  }

  @BackendTest
  public void aggregatesThroughRawSql(Db db) {
    Fixtures.fiveUsers(db);
    Row row = await(sql(db, "SELECT count(*) AS n, max([login_count]) AS top FROM [users]"
        + " WHERE [login_count] >= :min").bind("min", 2).rows().single());
    assertEquals(3L, row.get("n", Long.class));
    assertEquals(4, row.get("top", Integer.class));
  }

  @BackendTest
  @Requires(Need.INTERACTIVE_TRANSACTIONS)
  public void insideATransactionItUsesTheTransactionsConnection(Db db) {
    Fixtures.fiveUsers(db);
    // the raw update is seen by the typed read in the same transaction, then rolled back
    RuntimeException boom = new IllegalStateException("boom");
    Tck.failure(IllegalStateException.class, () -> db.transactionMono(tx -> tx.sql(quoted(db,
            "UPDATE [users] SET [login_count] = :c WHERE [name] = :n")).bind("c", 99)
        .bind("n", "bob").execute()
        .then(Users.filter(Users.NAME.eq("bob")).first(tx))
        .doOnNext(bob -> assertEquals(99, bob.loginCount()))
        .then(Mono.error(boom))));
    assertEquals(1, await(Users.filter(Users.NAME.eq("bob")).first(db)).loginCount());
    // db.sql inside db.transaction joins the transaction bound in the Context
    await(db.transactionMono(tx -> sql(db,
        "UPDATE [users] SET [login_count] = :c WHERE [name] = :n")
        .bind("c", 7).bind("n", "bob").execute()));
    assertEquals(7, await(Users.filter(Users.NAME.eq("bob")).first(db)).loginCount());
  }

  @BackendTest
  public void databaseErrorsAreTranslated(Db db) {
    Fixtures.fiveUsers(db);
    Tck.failure(UniqueViolationException.class, () -> sql(db, "UPDATE [users] SET [email] = :e"
        + " WHERE [name] = :n").bind("e", "ann@example.com").bind("n", "bob").execute());
    assertEquals("bob@example.com", await(Users.filter(Users.NAME.eq("bob")).first(db)).email());
  }

  @BackendTest
  public void aTypedGetterOfTheWrongTypeNamesTheColumn(Db db) {
    Fixtures.fiveUsers(db);
    Row row = await(sql(db, "SELECT [name] FROM [users] WHERE [name] = :n").bind("n", "ann").rows()
        .single());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> row.get("name", UUID.class));
    assertTrue(e.getMessage().contains("name"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> row.get("nope", String.class));
  }

  @BackendTest
  @DbOptions(poolMaxSize = 2)
  public void manyConcurrentStatementsShareASmallPool(Db db, OperationLog log) {
    Fixtures.fiveUsers(db);
    List<Integer> counts = awaitAll(Flux.range(0, 200).flatMap(i -> sql(db, 
        "SELECT [name] FROM [users] WHERE [login_count] >= :n").bind("n", i % 5).rows().count()
        .map(Long::intValue), 200));
    assertEquals(200, counts.size());
    assertEquals(200 / 5 * (5 + 4 + 3 + 2 + 1), counts.stream().mapToInt(i -> i).sum());
    Tck.eventually("every connection is released", () -> log.connectionsInUse() == 0);
  }

  @BackendTest
  @DbOptions(poolMaxSize = 1)
  public void aCancelledReadGivesItsConnectionBack(Db db, OperationLog log) {
    await(Users.createMany(Fixtures.creates("u", 50)).exec(db));
    assertEquals(3, awaitAll(sql(db, "SELECT [name] FROM [users] WHERE [name] <> :n").bind("n", "x")
        .rows().take(3)).size());
    Tck.eventually("the connection is released", () -> log.connectionsInUse() == 0);
    assertEquals(50L, await(sql(db, "SELECT count(*) AS n FROM [users]").rows().single())
        .get("n", Long.class));
  }

  @BackendTest
  public void fragmentsRenderPathsAsQuotedColumnsAndValuesAsMarkers(Db db) {
    Fixtures.fiveUsers(db);
    Fixtures.user(db, "Zed");
    assertEquals(List.of("Zed"), sortedNames(await(Users.filter(
        Expr.sql("lower({0}) = :x", Users.NAME).bind("x", "zed")).collect(db))));
    assertEquals(List.of(), await(Users.filter(Expr.sql("{0} = :x", Users.NAME)
        .bind("x", "x' OR '1'='1")).collect(db)));
  }

  @BackendTest
  public void fragmentsCombineWithTypedConditions(Db db) {
    Fixtures.fiveUsers(db);
    Condition doubled = Expr.sql("{0} + {1} > :n", Users.LOGIN_COUNT, Users.LOGIN_COUNT)
        .bind("n", 5).condition();
    assertEquals(List.of("dan"), sortedNames(await(Users.filter(doubled
        .and(Users.NAME.ne("eve"))).collect(db))));
    assertEquals(List.of("ann", "bob", "cid", "eve"), sortedNames(await(Users.filter(
        doubled.not().or(Users.NAME.eq("eve"))).collect(db))));
  }

  @BackendTest
  public void aFragmentsTextIsPartOfTheShape(Db db) {
    Fixtures.fiveUsers(db);
    await(Users.filter(Expr.sql("{0} >= :n", Users.LOGIN_COUNT).bind("n", 1)).collect(db));
    var before = db.planCacheStats();
    assertEquals(List.of("dan", "eve"), sortedNames(await(Users.filter(Expr.sql("{0} >= :n",
        Users.LOGIN_COUNT).bind("n", 3)).collect(db))));
    var hit = db.planCacheStats();
    assertEquals(before.hits() + 1, hit.hits(), () -> before + " -> " + hit);
    assertEquals(List.of("eve"), sortedNames(await(Users.filter(Expr.sql("{0} > :n",
        Users.LOGIN_COUNT).bind("n", 3)).collect(db))));
    var miss = db.planCacheStats();
    assertEquals(hit.misses() + 1, miss.misses(), () -> hit + " -> " + miss);
  }

  @BackendTest
  public void fragmentsFilterMutations(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(2L, await(Users.filter(Expr.sql("{0} LIKE :p", Users.NAME).bind("p", "%n"))
        .update().loginCount(9).exec(db)));
    assertEquals(List.of("ann", "dan"),
        sortedNames(await(Users.filter(Users.LOGIN_COUNT.eq(9)).collect(db))));
  }

  @BackendTest
  public void anUnboundFragmentParameterIsRefusedBeforeAnythingIsSent(Db db, OperationLog log) {
    log.clear();
    InvalidStatementException e = Tck.failure(InvalidStatementException.class,
        () -> Users.filter(Expr.sql("{0} = :x AND {0} <> :y", Users.NAME).bind("x", "a"))
            .collect(db));
    assertTrue(e.getMessage().contains(":y"), e.getMessage());
    assertEquals(0, log.size(), log::toString);
  }

  /**
   * {@code db.sql(text)} with {@code [name]} written as the dialect's quoted identifier: the
   * schema creates lower-case quoted names, which H2 does not match with unquoted ones.
   */
  static SqlStatement sql(Db db, String text) {
    return db.sql(quoted(db, text));
  }

  static String quoted(Db db, String text) {
    String backend = db.capability().backend();
    boolean backticks = backend.equals("mysql") || backend.equals("mariadb");
    return text.replaceAll("\\[(\\w+)]", backticks ? "`$1`" : "\"$1\"");
  }

  private static List<String> names(SqlStatement statement) {
    return awaitAll(statement.rows()).stream().map(r -> r.get("name", String.class)).sorted()
        .toList();
  }
}
