package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.scenarios.Fixtures.sortedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.RawQuery;
import io.toasty.Row;
import io.toasty.driver.Capability;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.ToastyException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.observe.StatementInfo;
import io.toasty.reactive.observe.StatementObservation;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.User;
import io.toasty.tck.models.UserCard;
import io.toasty.tck.models.UserCards;
import io.toasty.tck.models.Users;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * Raw queries in each backend's own language through one API ({@code RawQuery}): Cypher on a
 * graph database, SQL on an SQL database, PartiQL on DynamoDB; every scenario writes the same
 * query in each language ({@link #query}). Rows map to a model, a record type and a tuple by
 * column name; parameters of several types bind; a raw write inside a transaction that rolls
 * back is gone; a query error arrives as a typed error signal; the statement observer sees each
 * raw statement. A backend refuses a language it does not run with that language's
 * {@link Feature} before its driver sees anything.
 */
@Models(Users.class)
public abstract class RawQueryScenarios {

  /** A record mapped by column name: {@code loginCount} reads {@code login_count}. */
  public record NameAndCount(String name, int loginCount) {}

  @BackendTest
  public void rowsMapToAModel(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    List<User> loaded = sortedBy(awaitAll(query(db::sql, db,
        "SELECT * FROM [users] WHERE [login_count] >= :n",
        "MATCH (u:User) WHERE u.${loginCount} >= $n RETURN u",
        "SELECT * FROM \"users\" WHERE \"login_count\" >= :n").bind("n", 3).as(Users.MODEL)),
        User::name);
    assertEquals(users.subList(3, 5), loaded);
  }

  @BackendTest
  public void rowsMapToAProjection(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    List<UserCard> cards = sortedBy(awaitAll(query(db::sql, db,
        "SELECT [id], [name], [nickname] FROM [users] WHERE [login_count] < :n",
        "MATCH (u:User) WHERE u.${loginCount} < $n RETURN u.id AS id, u.name AS name,"
            + " u.nickname AS nickname",
        "SELECT * FROM \"users\" WHERE \"login_count\" < :n").bind("n", 2)
        .as(Users.MODEL, UserCards::map, UserCards.FIELDS)), UserCard::name);
    assertEquals(List.of(users.get(0).id(), users.get(1).id()),
        cards.stream().map(UserCard::id).toList());
    assertEquals(List.of("ann", "bob"), cards.stream().map(UserCard::name).toList());
  }

  @BackendTest
  public void rowsMapToARecordByColumnName(Db db) {
    Fixtures.fiveUsers(db);
    List<NameAndCount> rows = sortedBy(awaitAll(query(db::sql, db,
        "SELECT [login_count], [name] FROM [users] WHERE [login_count] > :n",
        "MATCH (u:User) WHERE u.${loginCount} > $n RETURN u.${loginCount} AS login_count,"
            + " u.name AS name",
        "SELECT \"login_count\", \"name\" FROM \"users\" WHERE \"login_count\" > :n")
        .bind("n", 2).as(NameAndCount.class)), NameAndCount::name);
    assertEquals(List.of(new NameAndCount("dan", 3), new NameAndCount("eve", 4)), rows);
  }

  @BackendTest
  public void rowsMapToATupleByColumnName(Db db) {
    Fixtures.fiveUsers(db);
    List<Tuple2<String, Long>> rows = sortedBy(awaitAll(query(db::sql, db,
        "SELECT [name], [login_count] FROM [users] WHERE [login_count] <= :n",
        "MATCH (u:User) WHERE u.${loginCount} <= $n RETURN u.name AS name,"
            + " u.${loginCount} AS login_count",
        "SELECT \"name\", \"login_count\" FROM \"users\" WHERE \"login_count\" <= :n")
        .bind("n", 1).as("name", String.class, "login_count", Long.class)), Tuple2::getT1);
    assertEquals(List.of(Tuples.of("ann", 0L), Tuples.of("bob", 1L)), rows);
  }

  @BackendTest
  public void aMissingColumnFailsTheRecordsStream(Db db) {
    Fixtures.fiveUsers(db);
    InvalidStatementException e = Tck.failure(InvalidStatementException.class,
        () -> query(db::sql, db, "SELECT [name] FROM [users]",
            "MATCH (u:User) RETURN u.name AS name", "SELECT \"name\" FROM \"users\"")
            .as(NameAndCount.class).collectList());
    assertTrue(e.getMessage().contains("loginCount"), e.getMessage());
  }

  @BackendTest
  public void parametersOfSeveralTypesBind(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    User dan = users.get(3);
    List<Row> rows = awaitAll(query(db::sql, db,
        "SELECT [name] FROM [users] WHERE [id] = :id AND [name] = :name AND [login_count] = :n"
            + " AND [email] <> :other",
        "MATCH (u:User) WHERE u.id = $id AND u.name = $name AND u.${loginCount} = $n"
            + " AND u.email <> $other RETURN u.name AS name",
        "SELECT \"name\" FROM \"users\" WHERE \"id\" = :id AND \"name\" = :name"
            + " AND \"login_count\" = :n AND \"email\" <> :other")
        .bind("id", dan.id()).bind("name", "dan").bind("n", 3L).bind("other", "x@y").rows());
    assertEquals(List.of("dan"), rows.stream().map(r -> r.get("name", String.class)).toList());
    assertEquals(List.of(), awaitAll(query(db::sql, db,
        "SELECT [name] FROM [users] WHERE [id] = :id",
        "MATCH (u:User) WHERE u.id = $id RETURN u.name AS name",
        "SELECT \"name\" FROM \"users\" WHERE \"id\" = :id").bind("id", UUID.randomUUID())
        .rows()));
  }

  @BackendTest
  public void aParameterWithoutAValueIsRefusedBeforeItRuns(Db db) {
    InvalidStatementException e = Tck.failure(InvalidStatementException.class,
        () -> query(db::sql, db, "SELECT [name] FROM [users] WHERE [name] = :who",
            "MATCH (u:User) WHERE u.name = $who RETURN u.name AS name",
            "SELECT \"name\" FROM \"users\" WHERE \"name\" = :who").rows().collectList());
    assertTrue(e.getMessage().contains("who"), e.getMessage());
  }

  @BackendTest
  @Requires({Need.INTERACTIVE_TRANSACTIONS, Need.RAW_IN_TRANSACTIONS})
  public void aRawWriteInATransactionThatRollsBackIsGone(Db db) {
    Fixtures.fiveUsers(db);
    RuntimeException boom = new IllegalStateException("boom");
    List<Long> seenInside = new CopyOnWriteArrayList<>();
    Tck.failure(IllegalStateException.class, () -> db.transactionMono(tx ->
        write(tx::sql, tx::cypher, db).execute()
            .then(readCount(tx::sql, tx::cypher, db))
            .doOnNext(seenInside::add)
            .then(Mono.error(boom))));
    assertEquals(List.of(99L), seenInside);
    assertEquals(3L, await(readCount(db::sql, db::cypher, db)));
  }

  @BackendTest
  @Requires({Need.INTERACTIVE_TRANSACTIONS, Need.RAW_IN_TRANSACTIONS})
  public void aRawQueryOnTheDbJoinsTheCallersTransaction(Db db) {
    Fixtures.fiveUsers(db);
    List<Long> seenInside = new CopyOnWriteArrayList<>();
    Tck.failure(IllegalStateException.class, () -> db.transactionMono(tx ->
        write(db::sql, db::cypher, db).execute()
            .then(readCount(db::sql, db::cypher, db))
            .doOnNext(seenInside::add)
            .then(Mono.error(new IllegalStateException("boom")))));
    assertEquals(List.of(99L), seenInside);
    assertEquals(3L, await(readCount(db::sql, db::cypher, db)));
  }

  @BackendTest
  public void aQueryErrorIsATypedSignal(Db db) {
    RawQuery broken = query(db::sql, db, "SELEC [name] FRM [users]",
        "MATCH (u:users RETURN u", "SELEC \"name\" FRM \"users\"");
    // nothing runs, nothing throws, until subscription
    var rows = broken.rows();
    ToastyException e = Tck.failure(ToastyException.class, rows::collectList);
    assertFalse(e instanceof UnsupportedFeatureException, e.toString());
  }

  @BackendTest
  public void observersSeeEachRawStatement(Db unused, BackendContext context) {
    List<StatementInfo> seen = new CopyOnWriteArrayList<>();
    Db db = context.open(b -> b.observer((info, ctx) -> {
      seen.add(info);
      return (StatementObservation) (rows, error, cancelled) -> { };
    })).db();
    String text = text(db, "SELECT [name] FROM [users] WHERE [login_count] > :n",
        "MATCH (u:User) WHERE u.${loginCount} > $n RETURN u.name AS name",
        "SELECT \"name\" FROM \"users\" WHERE \"login_count\" > :n");
    awaitAll(query(db::sql, db, text, text, text).bind("n", 1).rows());
    StatementInfo info = seen.stream().filter(i -> i.model().equals("raw")).findFirst()
        .orElseThrow(() -> new AssertionError("no raw statement observed in " + seen));
    Capability c = db.capability();
    assertEquals(c.cypher() ? "cypher" : c.rawSql() ? "sql" : "partiql", info.operation());
    assertTrue(info.shape().contains(c.cypher() ? named(db, "${loginCount}") : "login_count"),
        info.shape());
    assertFalse(info.inTransaction());
  }

  @BackendTest
  @Requires(Need.CYPHER)
  public void cypherRunsOnlyOnAGraphDatabase(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(5L, await(db.cypher("MATCH (u:User) RETURN count(u) AS n").rows().next())
        .get("n", Long.class));
  }

  @BackendTest
  @Requires(Need.SQL)
  public void sqlRunsOnlyOnAnSqlDatabase(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(5L, await(RawSqlScenarios.sql(db, "SELECT count(*) AS n FROM [users]").rows()
        .next()).get("n", Long.class));
  }

  @BackendTest
  @Requires(Need.PARTIQL)
  public void partiqlRunsOnlyOnDynamoDb(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(5, awaitAll(db.partiql("SELECT * FROM \"users\"").rows()).size());
  }

  /** The raw write of the transaction scenarios: dan's login count set to 99. */
  private static RawQuery write(Function<String, RawQuery> sql,
      Function<String, RawQuery> cypher, Db db) {
    return (db.capability().cypher() ? cypher.apply(named(db,
        "MATCH (u:User) WHERE u.name = $name SET u.${loginCount} = $n"))
        : sql.apply(RawSqlScenarios.quoted(db,
            "UPDATE [users] SET [login_count] = :n WHERE [name] = :name")))
        .bind("name", "dan").bind("n", 99);
  }

  /** Dan's login count, read raw. */
  private static Mono<Long> readCount(Function<String, RawQuery> sql,
      Function<String, RawQuery> cypher, Db db) {
    return (db.capability().cypher() ? cypher.apply(named(db,
        "MATCH (u:User) WHERE u.name = $name RETURN u.${loginCount} AS c"))
        : sql.apply(RawSqlScenarios.quoted(db,
            "SELECT [login_count] AS c FROM [users] WHERE [name] = :name")))
        .bind("name", "dan").rows().next().map(r -> r.get("c", Long.class));
  }

  /**
   * The query in {@code db}'s language: Cypher where it runs Cypher, SQL (its {@code [name]}s
   * quoted as the database quotes) where it runs SQL, else PartiQL.
   */
  static RawQuery query(Function<String, RawQuery> sqlOn, Db db, String sql, String cypher,
      String partiql) {
    Capability c = db.capability();
    if (c.cypher()) {
      return db.cypher(named(db, cypher));
    }
    return c.rawSql() ? sqlOn.apply(RawSqlScenarios.quoted(db, sql)) : db.partiql(partiql);
  }

  private static String text(Db db, String sql, String cypher, String partiql) {
    Capability c = db.capability();
    return c.cypher() ? named(db, cypher) : c.rawSql() ? sql : partiql;
  }

  /**
   * {@code cypher} with {@code ${loginCount}} as {@code db} names the users' login count
   * property: {@code loginCount} under Neo4j's default naming, {@code login_count} where the
   * names are as derived (docs/models.md, "Names in the database"). A label that names a model
   * needs nothing: the driver writes it as the model's.
   */
  static String named(Db db, String cypher) {
    // Other families' text (TenancyScenarios) holds no placeholder, and their Db has no users.
    return !cypher.contains("${loginCount}") ? cypher : cypher.replace("${loginCount}",
        db.models().model(Users.MODEL.name()).field("loginCount").columnName());
  }
}
