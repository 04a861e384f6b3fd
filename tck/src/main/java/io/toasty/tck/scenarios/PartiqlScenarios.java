package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.scenarios.Fixtures.sortedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.ModelDef;
import io.toasty.PartiqlStatement;
import io.toasty.Row;
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
import io.toasty.tck.models.AllTypes;
import io.toasty.tck.models.AllTypesRows;
import io.toasty.tck.models.User;
import io.toasty.tck.models.UserCard;
import io.toasty.tck.models.UserCards;
import io.toasty.tck.models.Users;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * PartiQL statements ({@code db.partiql(..)}, DynamoDB's ExecuteStatement): named parameters
 * sent as {@code ?} parameters, rows with typed getters, items loaded as a model or a
 * projection exactly as the DSL loads them, pages read on demand, writes counted, DynamoDB's
 * errors typed. A backend without PartiQL (every SQL database) refuses each with
 * {@code Feature.PARTIQL} before its driver sees the statement.
 */
@Models({Users.class, AllTypesRows.class})
@Requires(Need.PARTIQL)
public abstract class PartiqlScenarios {

  @BackendTest
  public void rowsFollowTheSelectListWithTypedGetters(Db db) {
    Fixtures.fiveUsers(db);
    List<Row> rows = sortedRows(awaitAll(partiql(db, "SELECT \"name\", \"login_count\", "
        + "\"nickname\" FROM " + table(Users.MODEL) + " WHERE \"login_count\" >= :min")
        .bind("min", 3).rows()));
    assertEquals(List.of("dan", "eve"), rows.stream().map(r -> r.get("name", String.class))
        .toList());
    assertEquals(List.of("name", "login_count", "nickname"), rows.get(0).columns());
    assertEquals(3L, rows.get(0).get("login_count", Long.class));
    assertEquals(4, rows.get(1).get(1, Integer.class));
    assertNull(rows.get(0).get("nickname", String.class), "dan has no nickname: NULL");
    assertEquals("a", rows.get(1).get("nickname", String.class));
  }

  @BackendTest
  public void selectStarGivesEveryColumnDecodedAsItsField(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    User bob = users.get(1);
    Row row = await(partiql(db, "SELECT * FROM " + table(Users.MODEL) + " WHERE \"id\" = :id")
        .bind("id", bob.id()).rows().single());
    assertEquals(List.of("id", "name", "email", "nickname", "login_count"),
        row.columns().subList(0, 5));
    assertEquals(bob.id(), row.get("id", UUID.class));
    assertEquals("bob@example.com", row.get("email", String.class));
    assertNull(row.get("nickname", String.class));
  }

  @BackendTest
  public void itemsLoadAsTheModelExactlyAsTheDslReadsThem(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    List<User> loaded = sortedBy(awaitAll(partiql(db, "SELECT * FROM " + table(Users.MODEL)
        + " WHERE \"login_count\" < :n").bind("n", 2).as(Users.MODEL)), User::name);
    assertEquals(users.subList(0, 2), loaded);
  }

  @BackendTest
  public void everyFieldTypeLoadsAsTheDslLoadsIt(Db db) {
    AllTypes created = await(FieldTypeScenarios.typical().exec(db));
    AllTypes viaDsl = await(AllTypesRows.getById(db, created.id()));
    AllTypes viaPartiql = await(partiql(db, "SELECT * FROM " + table(AllTypesRows.MODEL)
        + " WHERE \"id\" = :id").bind("id", created.id()).as(AllTypesRows.MODEL).single());
    assertEquals(AllTypesRows.MODEL.values(viaDsl), AllTypesRows.MODEL.values(viaPartiql));
  }

  @BackendTest
  public void itemsMapToAProjection(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    List<UserCard> cards = sortedBy(awaitAll(partiql(db, "SELECT * FROM " + table(Users.MODEL)
        + " WHERE \"login_count\" >= :n").bind("n", 3)
        .as(Users.MODEL, UserCards::map, UserCards.FIELDS)), UserCard::name);
    assertEquals(List.of(new UserCard(users.get(3).id(), "dan", Optional.empty()),
        new UserCard(users.get(4).id(), "eve", Optional.of("a"))), cards);
  }

  @BackendTest
  public void valuesAreParametersNeverText(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of(), names(partiql(db, "SELECT \"name\" FROM " + table(Users.MODEL)
        + " WHERE \"name\" = :n").bind("n", "x' OR '1'='1")));
    assertEquals(List.of("ann", "eve"), names(partiql(db, "SELECT \"name\" FROM "
        + table(Users.MODEL) + " WHERE \"nickname\" = :n OR \"name\" = :n").bind("n", "a")));
    assertEquals(5, await(Users.all().collect(db)).size());
  }

  @BackendTest
  public void manyPagesStreamAndATakenPrefixStopsTheRead(Db db, OperationLog log) {
    await(Users.createMany(Fixtures.creates("u", 45)).exec(db));
    assertEquals(45, awaitAll(partiql(db, "SELECT \"name\" FROM " + table(Users.MODEL)).rows())
        .size());
    assertEquals(3, awaitAll(partiql(db, "SELECT * FROM " + table(Users.MODEL)).as(Users.MODEL)
        .take(3)).size());
    Tck.eventually("every connection is released", () -> log.connectionsInUse() == 0);
  }

  @BackendTest
  public void insertUpdateAndDeleteCountTheItemWritten(Db db) {
    UUID id = UUID.randomUUID();
    assertEquals(1L, await(partiql(db, "INSERT INTO " + table(Users.MODEL) + " VALUE {'id': :id,"
        + " 'name': :name, 'email': :email, 'login_count': :c}").bind("id", id)
        .bind("name", "zoe").bind("email", "zoe@example.com").bind("c", 5).execute()));
    assertEquals(new User(id, "zoe", "zoe@example.com", Optional.empty(), 5),
        await(Users.getById(db, id)));
    assertEquals(1L, await(partiql(db, "UPDATE " + table(Users.MODEL) + " SET \"login_count\" = :c"
        + " WHERE \"id\" = :id").bind("c", 6).bind("id", id).execute()));
    assertEquals(6, await(Users.getById(db, id)).loginCount());
    // a condition the item does not meet writes nothing and counts 0, as a typed update's does
    assertEquals(0L, await(partiql(db, "UPDATE " + table(Users.MODEL) + " SET \"login_count\" = :c"
        + " WHERE \"id\" = :id AND \"login_count\" = :old").bind("c", 9).bind("id", id)
        .bind("old", 5).execute()));
    assertEquals(0L, await(partiql(db, "UPDATE " + table(Users.MODEL) + " SET \"login_count\" = :c"
        + " WHERE \"id\" = :id").bind("c", 9).bind("id", UUID.randomUUID()).execute()));
    assertEquals(6, await(Users.getById(db, id)).loginCount());
    assertEquals(1L, await(partiql(db, "DELETE FROM " + table(Users.MODEL) + " WHERE \"id\" = :id")
        .bind("id", id).execute()));
    assertEquals(Optional.empty(), await(Users.filter(Users.ID.eq(id)).first(db)
        .map(Optional::of).defaultIfEmpty(Optional.empty())));
  }

  @BackendTest
  public void insertingAnExistingKeyIsAUniqueViolationNamingTheKey(Db db) {
    User ann = Fixtures.user(db, "ann");
    UniqueViolationException e = Tck.failure(UniqueViolationException.class, () -> partiql(db,
        "INSERT INTO " + table(Users.MODEL) + " VALUE {'id': :id, 'name': :name, 'email': :e}")
        .bind("id", ann.id()).bind("name", "other").bind("e", "other@example.com").execute());
    assertEquals(Optional.of("User"), e.model());
    assertEquals(Optional.of("id"), e.field());
    assertEquals(ann, await(Users.getById(db, ann.id())));
  }

  @BackendTest
  public void anInvalidStatementIsATypedErrorWithDynamosReason(Db db) {
    Fixtures.user(db, "ann");
    InvalidStatementException e = Tck.failure(InvalidStatementException.class,
        () -> partiql(db, "SELECT * FROM " + table(Users.MODEL) + " WHERE").rows().collectList());
    assertTrue(e.getMessage().contains("PartiQL"), e.getMessage());
    InvalidStatementException write = Tck.failure(InvalidStatementException.class,
        () -> partiql(db, "UPDATE " + table(Users.MODEL) + " SET \"login_count\" = :c")
            .bind("c", 1).execute());
    assertTrue(write.getMessage().contains("PartiQL"), write.getMessage());
  }

  @BackendTest
  public void positionalAndUnboundParametersAreRefusedBeforeAnythingIsSent(Db db,
      OperationLog log) {
    log.clear();
    InvalidStatementException positional = Tck.failure(InvalidStatementException.class,
        () -> partiql(db, "SELECT * FROM " + table(Users.MODEL) + " WHERE \"name\" = ?").rows()
            .collectList());
    assertTrue(positional.getMessage().contains(":name"), positional.getMessage());
    PartiqlStatement unbound = partiql(db, "SELECT * FROM " + table(Users.MODEL)
        + " WHERE \"name\" = :n AND \"email\" = :e").bind("n", "ann");
    assertTrue(Tck.failure(InvalidStatementException.class, () -> unbound.rows().collectList())
        .getMessage().contains(":e"));
    assertEquals(0, log.size(), log::toString);
  }

  @BackendTest
  @DbOptions(poolMaxSize = 2)
  public void manyConcurrentStatementsShareASmallPool(Db db, OperationLog log) {
    Fixtures.fiveUsers(db);
    List<Integer> counts = awaitAll(Flux.range(0, 60).flatMap(i -> partiql(db,
        "SELECT \"name\" FROM " + table(Users.MODEL) + " WHERE \"login_count\" >= :n")
        .bind("n", i % 5).rows().count().map(Long::intValue), 60));
    assertEquals(60 / 5 * (5 + 4 + 3 + 2 + 1), counts.stream().mapToInt(i -> i).sum());
    Tck.eventually("every connection is released", () -> log.connectionsInUse() == 0);
  }

  /** {@code db.partiql(text)}. */
  static PartiqlStatement partiql(Db db, String text) {
    return db.partiql(text);
  }

  /** The model's table, by its schema name (the driver adds its prefix), quoted. */
  static String table(ModelDef<?> model) {
    return "\"" + model.schema().tableName() + "\"";
  }

  private static List<Row> sortedRows(List<Row> rows) {
    return rows.stream().sorted(Comparator.comparing(r -> r.get("name", String.class)))
        .toList();
  }

  private static List<String> names(PartiqlStatement statement) {
    return awaitAll(statement.rows()).stream().map(r -> r.get("name", String.class)).sorted()
        .toList();
  }
}
