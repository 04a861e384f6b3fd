package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.toasty.Path;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.DbOptions;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Color;
import io.toasty.tck.models.Event;
import io.toasty.tck.models.EventCreate;
import io.toasty.tck.models.Events;
import io.toasty.tck.models.Member;
import io.toasty.tck.models.Members;
import io.toasty.tck.models.TypeSample;
import io.toasty.tck.models.TypeSampleCreate;
import io.toasty.tck.models.TypeSamples;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What a key-value backend does differently, checked on every backend with models whose keys
 * every backend can make (engine-generated UUIDs, or keys the scenario sets): unique values under
 * concurrent creates, index queries with a filter on other fields, an OR of partition keys,
 * partitions larger than a page, and the features that need SQL or interactive transactions.
 * Where the backend is key-value ({@code !capability.sql()}), the scenarios also check which
 * operations the planner sent.
 */
@Models({Members.class, Events.class, TypeSamples.class})
public abstract class KeyValueScenarios {

  static Member member(Db db, String email, String team, int score) {
    return await(Members.create().email(email).team(team).score(score).exec(db));
  }

  static List<Member> fiveMembers(Db db) {
    return List.of(member(db, "ann@example.com", "red", 1), member(db, "bob@example.com", "red", 2),
        member(db, "cid@example.com", "red", 3), member(db, "dan@example.com", "blue", 4),
        member(db, "eve@example.com", "blue", 5));
  }

  static List<String> emails(List<Member> members) {
    return members.stream().map(Member::email).sorted().toList();
  }

  static void events(Db db, String stream, int from, int to) {
    List<EventCreate> batch = new ArrayList<>();
    for (int seq = from; seq <= to; seq++) {
      batch.add(Events.create().stream(stream).seq(seq).kind(seq % 2 == 0 ? "even" : "odd"));
      if (batch.size() == 10 || seq == to) {
        await(Events.createMany(batch).exec(db));
        batch = new ArrayList<>();
      }
    }
  }

  static List<String> keys(List<Event> events) {
    return events.stream().map(e -> e.stream() + e.seq()).sorted().toList();
  }

  static List<Class<?>> kinds(OperationLog log) {
    return log.operations().stream().<Class<?>>map(Object::getClass).toList();
  }

  @BackendTest
  @DbOptions(poolMaxSize = 10)
  public void aHundredConcurrentCreatesWithOneEmailStoreExactlyOne(Db db) {
    List<Object> outcomes = Flux.range(0, 100)
        .flatMap(i -> Members.create().email("same@example.com").team("t" + i).score(i).exec(db)
            .<Object>map(m -> m)
            .onErrorResume(UniqueViolationException.class, Mono::just)
            .subscribeOn(Schedulers.parallel()), 100)
        .collectList().block(Tck.TIMEOUT);
    assertEquals(1, outcomes.stream().filter(o -> o instanceof Member).count(),
        () -> "created: " + outcomes);
    List<UniqueViolationException> refused = outcomes.stream()
        .filter(o -> o instanceof UniqueViolationException)
        .map(o -> (UniqueViolationException) o).toList();
    assertEquals(99, refused.size());
    refused.forEach(e -> assertEquals(Optional.of("email"), e.field(), e::getMessage));
    assertEquals(1, await(Members.all().collect(db)).size());
  }

  @BackendTest
  public void anIndexQueryWithAFilterOnAnotherField(Db db, OperationLog log,
      Capability capability) {
    fiveMembers(db);
    log.clear();
    List<Member> found = await(Members.filterByTeam("red").filter(Members.SCORE.gt(1))
        .collect(db));
    assertEquals(List.of("bob@example.com", "cid@example.com"), emails(found));
    assertEquals(List.of("red", "red"), found.stream().map(Member::team).toList());
    if (!capability.sql()) {
      // by default one index Query returning the items: no second request by key
      assertEquals(List.of(Operation.FindPkByIndex.class), kinds(log), log::toString);
      Operation.FindPkByIndex read = log.operations(Operation.FindPkByIndex.class).get(0);
      assertEquals("members_team_idx", read.index());
      assertEquals(5, read.columns().size(), read::toString);
    }
  }

  @BackendTest
  public void aStronglyConsistentIndexQueryReadsTheItemsByKey(Db db, OperationLog log,
      Capability capability) {
    fiveMembers(db);
    log.clear();
    List<Member> found = await(Members.filterByTeam("red").filter(Members.SCORE.gt(1))
        .stronglyConsistent().collect(db));
    assertEquals(List.of("bob@example.com", "cid@example.com"), emails(found));
    if (!capability.sql()) {
      // the keys from the index, then the items by key
      assertEquals(List.of(Operation.FindPkByIndex.class, Operation.GetByKey.class), kinds(log),
          log::toString);
      Operation.FindPkByIndex keys = log.operations(Operation.FindPkByIndex.class).get(0);
      assertEquals("members_team_idx", keys.index());
      assertTrue(keys.columns().isEmpty(), keys::toString);
    }
  }

  @BackendTest
  public void anEventuallyConsistentIndexQueryTakesTheItemsFromTheIndex(Db db,
      OperationLog log, Capability capability) {
    fiveMembers(db);
    log.clear();
    List<Member> found = await(Members.filterByTeam("red").filter(Members.SCORE.gt(1))
        .eventuallyConsistent().collect(db));
    assertEquals(List.of("bob@example.com", "cid@example.com"), emails(found));
    assertEquals(List.of("red", "red"), found.stream().map(Member::team).toList());
    if (!capability.sql()) {
      // one index Query returning the items: no second request by key
      assertEquals(List.of(Operation.FindPkByIndex.class), kinds(log), log::toString);
      Operation.FindPkByIndex read = log.operations(Operation.FindPkByIndex.class).get(0);
      assertEquals("members_team_idx", read.index());
      assertEquals(5, read.columns().size(), read::toString);
    }
  }

  @BackendTest
  public void anEventuallyConsistentReadByAUniqueValueTakesTheItemFromItsIndex(Db db,
      OperationLog log, Capability capability) {
    fiveMembers(db);
    log.clear();
    List<Member> found = await(Members.filterByEmail("cid@example.com").eventuallyConsistent()
        .collect(db));
    assertEquals(List.of("cid@example.com"), emails(found));
    if (!capability.sql()) {
      assertEquals(List.of(Operation.FindPkByIndex.class), kinds(log), log::toString);
    }
    log.clear();
    // strongly consistent, the default: the uniqueness item's owner, then the item by key
    assertEquals(found, await(Members.filterByEmail("cid@example.com").collect(db)));
    if (!capability.sql()) {
      assertEquals(List.of(Operation.FindPkByIndex.class, Operation.GetByKey.class), kinds(log),
          log::toString);
      assertEquals(List.of(), log.operations(Operation.FindPkByIndex.class).get(0).columns());
    }
  }

  @BackendTest
  public void anOrOfTwoPartitionKeysQueriesEachPartition(Db db, OperationLog log,
      Capability capability) {
    events(db, "a", 1, 3);
    events(db, "b", 1, 2);
    events(db, "c", 1, 4);
    log.clear();
    List<Event> found = await(Events.filter(Events.STREAM.eq("a").or(Events.STREAM.eq("b")))
        .collect(db));
    assertEquals(List.of("a1", "a2", "a3", "b1", "b2"), keys(found));
    if (!capability.sql()) {
      assertEquals(List.of(Operation.QueryPk.class, Operation.QueryPk.class), kinds(log),
          log::toString);
    }
  }

  @BackendTest
  public void anOrOfPartitionsWithSortKeyRanges(Db db, OperationLog log, Capability capability) {
    events(db, "a", 1, 3);
    events(db, "c", 1, 4);
    log.clear();
    List<Event> found = await(Events.filter(Events.STREAM.eq("a").and(Events.SEQ.ge(2L))
        .or(Events.STREAM.eq("c").and(Events.SEQ.lt(3L)))).collect(db));
    assertEquals(List.of("a2", "a3", "c1", "c2"), keys(found));
    if (!capability.sql()) {
      assertEquals(0, log.count(Operation.Scan.class), log::toString);
    }
  }

  @BackendTest
  public void sortKeyConditionsSelectWithinAPartition(Db db) {
    events(db, "s", 1, 10);
    events(db, "t", 1, 10);
    List<Event> found = await(Events.filter(Events.STREAM.eq("s").and(Events.SEQ.gt(3L))
        .and(Events.SEQ.le(7L)).and(Events.SEQ.ne(5L)).and(Events.KIND.eq("even"))).collect(db));
    assertEquals(List.of("s4", "s6"), keys(found));
    assertEquals(List.of(), await(Events.filter(Events.STREAM.eq("s").and(Events.SEQ.gt(7L))
        .and(Events.SEQ.lt(3L))).collect(db)));
  }

  @BackendTest
  public void aPartitionLargerThanAPageStreamsOnDemand(Db db, OperationLog log,
      Capability capability) {
    events(db, "big", 1, 55);
    events(db, "small", 1, 3);
    log.clear();
    List<Event> found = await(Events.filter(Events.STREAM.eq("big")).collect(db));
    assertEquals(55, found.size());
    if (!capability.sql()) {
      // one QueryPk; the driver read its pages, one after another, in sort key order
      assertEquals(List.of(Operation.QueryPk.class), kinds(log), log::toString);
      for (int i = 0; i < 55; i++) {
        assertEquals(i + 1, found.get(i).seq(), () -> "not in sort key order: " + found);
      }
    }
    StepVerifier.create(Events.filter(Events.STREAM.eq("big")).stream(db), 0)
        .expectSubscription()
        .thenRequest(3)
        .expectNextCount(3)
        .thenCancel()
        .verify(Tck.TIMEOUT);
    assertEquals(58, await(Events.all().collect(db)).size());
  }

  @BackendTest
  public void aUniqueValueIsFreedByAnUpdateAndByADelete(Db db) {
    Member ann = member(db, "ann@example.com", "red", 1);
    Member bob = member(db, "bob@example.com", "red", 2);
    assertEquals(1L, await(Members.updateById(ann.id()).email("anna@example.com").exec(db)));
    member(db, "ann@example.com", "blue", 3);
    UniqueViolationException e = failure(UniqueViolationException.class,
        () -> Members.updateById(bob.id()).email("anna@example.com").exec(db));
    assertEquals(Optional.of("email"), e.field());
    assertEquals(bob, await(Members.getById(db, bob.id())));
    assertEquals(1L, await(Members.deleteById(ann.id()).exec(db)));
    member(db, "anna@example.com", "blue", 4);
    assertEquals(List.of("ann@example.com", "anna@example.com", "bob@example.com"),
        emails(await(Members.all().collect(db))));
  }

  @BackendTest
  public void aRecordIsFoundByItsUniqueValueRightAfterItsCreate(Db db) {
    for (int i = 0; i < 10; i++) {
      Member m = member(db, "m" + i + "@example.com", "red", i);
      assertEquals(m, await(Members.getByEmail(db, m.email())));
    }
  }

  @BackendTest
  public void aCreateManyWithATakenUniqueValueWritesNothing(Db db) {
    Member taken = member(db, "taken@example.com", "red", 1);
    UniqueViolationException e = failure(UniqueViolationException.class,
        () -> Members.createMany(List.of(
            Members.create().email("one@example.com").team("red").score(2),
            Members.create().email("taken@example.com").team("red").score(3),
            Members.create().email("two@example.com").team("red").score(4))).exec(db));
    assertEquals(Optional.of("email"), e.field());
    assertEquals(List.of(taken), await(Members.all().collect(db)),
        "a create of several records that failed wrote some of them");
  }

  @BackendTest
  public void startsWithAndContainsMatchOnEveryBackend(Db db) {
    fiveMembers(db);
    assertEquals(List.of("bob@example.com"),
        emails(await(Members.filter(Members.EMAIL.startsWith("bo")).collect(db))));
    assertEquals(List.of("ann@example.com", "dan@example.com"),
        emails(await(Members.filter(Members.EMAIL.contains("n@")).collect(db))));
  }

  @BackendTest
  public void endsWithAndLikeAreEvaluatedAfterTheRead(Db db) {
    fiveMembers(db);
    assertEquals(5, await(Members.filter(Members.EMAIL.endsWith("@example.com")).collect(db))
        .size());
    assertEquals(List.of("ann@example.com"),
        emails(await(Members.filter(Members.EMAIL.like("a_n@%")).collect(db))));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void orderingByAFieldNeedsOrderBy(Db db) {
    fiveMembers(db);
    assertEquals(List.of(5, 4, 3, 2, 1), await(Members.all().orderBy(Members.SCORE.desc())
        .collect(db)).stream().map(Member::score).toList());
  }

  @BackendTest
  @Requires(Need.INTERACTIVE_TRANSACTIONS)
  public void aTransactionNeedsInteractiveTransactions(Db db) {
    List<Member> both = awaitAll(db.transaction(tx -> Flux.concat(
        Members.create().email("a@example.com").team("red").score(1).exec(tx),
        Members.create().email("b@example.com").team("red").score(2).exec(tx))));
    assertEquals(2, both.size());
  }

  @BackendTest
  @Requires(Need.SQL)
  public void rawSqlNeedsSql(Db db, BackendContext context) {
    context.executeSql("SELECT 1");
  }

  static TypeSampleCreate typical() {
    return TypeSamples.create().boolValue(true).byteValue((byte) -7).shortValue((short) 300)
        .intValue(-70_000).longValue(5_000_000_000L).floatValue(1.5f).doubleValue(-2.25)
        .textValue("Grüße 🎉 'quoted'").uuidValue(UUID.fromString(
            "0190a4b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b"))
        .decimalValue(new BigDecimal("12345678901234567890.123456789"))
        .bytesValue(new byte[] {0, -1, 7}).instantValue(Instant.parse("2024-05-06T07:08:09Z"))
        .dateValue(LocalDate.of(2024, 2, 29)).timeValue(LocalTime.of(7, 8, 9))
        .dateTimeValue(LocalDateTime.of(2024, 5, 6, 7, 8, 9))
        .offsetDateTimeValue(OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2)))
        .colorValue(Color.BLUE).optText("maybe");
  }

  @BackendTest
  public void everyTypeRoundTripsBehindAUuidKeyAndFiltersByEquality(Db db) {
    TypeSample a = await(typical().exec(db));
    await(typical().boolValue(false).byteValue((byte) 8).shortValue((short) 301).intValue(1)
        .longValue(2L).floatValue(2.5f).doubleValue(3.25).textValue("other")
        .uuidValue(UUID.fromString("11111111-2222-4333-8444-555555555555"))
        .decimalValue(new BigDecimal("9.99")).bytesValue(new byte[] {9})
        .instantValue(Instant.parse("2020-01-01T00:00:00Z")).dateValue(LocalDate.of(2020, 1, 1))
        .timeValue(LocalTime.of(1, 2, 3)).dateTimeValue(LocalDateTime.of(2020, 1, 1, 1, 2, 3))
        .offsetDateTimeValue(OffsetDateTime.of(2020, 1, 1, 1, 2, 3, 0, ZoneOffset.UTC))
        .colorValue(Color.RED).optText((String) null).optLong(7L).exec(db));
    TypeSample r = await(TypeSamples.getById(db, a.id()));
    assertAll(
        () -> assertEquals(a.boolValue(), r.boolValue()),
        () -> assertEquals(a.byteValue(), r.byteValue()),
        () -> assertEquals(a.shortValue(), r.shortValue()),
        () -> assertEquals(a.intValue(), r.intValue()),
        () -> assertEquals(a.longValue(), r.longValue()),
        () -> assertEquals(a.floatValue(), r.floatValue()),
        () -> assertEquals(a.doubleValue(), r.doubleValue()),
        () -> assertEquals(a.textValue(), r.textValue()),
        () -> assertEquals(a.uuidValue(), r.uuidValue()),
        () -> assertEquals(0, a.decimalValue().compareTo(r.decimalValue())),
        () -> assertArrayEquals(a.bytesValue(), r.bytesValue()),
        () -> assertEquals(a.instantValue(), r.instantValue()),
        () -> assertEquals(a.dateValue(), r.dateValue()),
        () -> assertEquals(a.timeValue(), r.timeValue()),
        () -> assertEquals(a.dateTimeValue(), r.dateTimeValue()),
        () -> assertEquals(a.offsetDateTimeValue().toInstant(),
            r.offsetDateTimeValue().toInstant()),
        () -> assertEquals(a.colorValue(), r.colorValue()),
        () -> assertEquals(Optional.of("maybe"), r.optText()),
        () -> assertEquals(Optional.empty(), r.optLong()));
    List<Executable> checks = new ArrayList<>();
    check(checks, db, a, TypeSamples.BOOL_VALUE, TypeSample::boolValue);
    check(checks, db, a, TypeSamples.BYTE_VALUE, TypeSample::byteValue);
    check(checks, db, a, TypeSamples.SHORT_VALUE, TypeSample::shortValue);
    check(checks, db, a, TypeSamples.INT_VALUE, TypeSample::intValue);
    check(checks, db, a, TypeSamples.LONG_VALUE, TypeSample::longValue);
    check(checks, db, a, TypeSamples.FLOAT_VALUE, TypeSample::floatValue);
    check(checks, db, a, TypeSamples.DOUBLE_VALUE, TypeSample::doubleValue);
    check(checks, db, a, TypeSamples.TEXT_VALUE, TypeSample::textValue);
    check(checks, db, a, TypeSamples.UUID_VALUE, TypeSample::uuidValue);
    check(checks, db, a, TypeSamples.DECIMAL_VALUE, TypeSample::decimalValue);
    check(checks, db, a, TypeSamples.BYTES_VALUE, TypeSample::bytesValue);
    check(checks, db, a, TypeSamples.INSTANT_VALUE, TypeSample::instantValue);
    check(checks, db, a, TypeSamples.DATE_VALUE, TypeSample::dateValue);
    check(checks, db, a, TypeSamples.TIME_VALUE, TypeSample::timeValue);
    check(checks, db, a, TypeSamples.DATE_TIME_VALUE, TypeSample::dateTimeValue);
    check(checks, db, a, TypeSamples.OFFSET_DATE_TIME_VALUE, TypeSample::offsetDateTimeValue);
    check(checks, db, a, TypeSamples.COLOR_VALUE, TypeSample::colorValue);
    assertAll(checks);
    assertEquals(List.of(a.id()), await(TypeSamples.filter(TypeSamples.OPT_LONG.isNull())
        .collect(db)).stream().map(TypeSample::id).toList());
  }

  private static <T> void check(List<Executable> checks, Db db, TypeSample row, Path<T> path,
      Function<TypeSample, T> value) {
    T v = value.apply(row);
    List<UUID> ids;
    try {
      ids = await(TypeSamples.filter(path.eq(v)).collect(db)).stream().map(TypeSample::id)
          .toList();
    } catch (RuntimeException e) {
      checks.add(() -> fail(path + " = " + v + " failed: " + e, e));
      return;
    }
    checks.add(() -> assertEquals(List.of(row.id()), ids, () -> "filter " + path + " = " + v));
  }
}
