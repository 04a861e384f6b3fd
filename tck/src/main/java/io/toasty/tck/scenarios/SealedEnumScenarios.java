package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Select;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.UnknownVariantException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Badge;
import io.toasty.tck.models.Badges;
import io.toasty.tck.models.Subscriber;
import io.toasty.tck.models.Subscribers;
import io.toasty.tck.models.Trial;
import io.toasty.tck.models.TrialCreate;
import io.toasty.tck.models.Trials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Sealed interfaces of records as model fields, stored as a discriminator column plus every
 * variant's fields (NULL where the stored variant lacks them): written whole, read back as the
 * right variant, filtered on the variant and on a variant's fields, ordered by the
 * discriminator, replaced whole by updates and upserts, next to relations; a stored
 * discriminator no variant declares is a typed error; and a round trip of random values.
 */
@Models({Subscribers.class, Badges.class, Trials.class})
public abstract class SealedEnumScenarios {
  private static final Subscriber.Status ACTIVE = new Subscriber.Active();
  private static final Subscriber.Status SUSPENDED = new Subscriber.Suspended("spam",
      Optional.of(Instant.parse("2031-05-06T07:08:09Z")), 2);
  private static final Subscriber.Status SUSPENDED_OPEN = new Subscriber.Suspended("Grüße 🎉",
      Optional.empty(), 0);
  private static final Subscriber.Status BANNED = new Subscriber.Banned("fraud", 4_000_000_000L);
  private static final Subscriber.Plan PAID = new Subscriber.Paid(1999, "NOK");

  private static Subscriber subscriber(Db db, String name, Subscriber.Status status,
      Optional<Subscriber.Plan> plan) {
    return await(Subscribers.create().id(UUID.randomUUID()).name(name).status(status).plan(plan)
        .exec(db));
  }

  private static Subscriber reread(Db db, Subscriber m) {
    return await(Subscribers.getById(db, m.id()));
  }

  @BackendTest
  public void eachVariantReadsBackAsWritten(Db db) {
    for (Subscriber.Status status : List.of(ACTIVE, SUSPENDED, SUSPENDED_OPEN, BANNED)) {
      Subscriber m = subscriber(db, "ann", status, Optional.of(PAID));
      assertEquals(status, m.status());
      assertEquals(status, reread(db, m).status());
      assertEquals(Optional.of(PAID), reread(db, m).plan());
    }
    Subscriber free = subscriber(db, "bob", ACTIVE, Optional.of(new Subscriber.Free()));
    assertEquals(Optional.of(new Subscriber.Free()), reread(db, free).plan());
  }

  @BackendTest
  public void aVariantsColumnsAreNullInRowsOfOtherVariants(Db db) {
    subscriber(db, "ann", ACTIVE, Optional.empty());
    subscriber(db, "bob", SUSPENDED, Optional.empty());
    subscriber(db, "cid", BANNED, Optional.empty());
    assertEquals(List.of("ann", "cid"),
        names(db, Subscribers.filter(Subscribers.STATUS.SUSPENDED.REASON.isNull())));
    assertEquals(List.of("ann", "bob"),
        names(db, Subscribers.filter(Subscribers.STATUS.BANNED.REASON.isNull())));
    assertEquals(List.of("ann", "bob", "cid"),
        names(db, Subscribers.filter(Subscribers.STATUS.SUSPENDED.UNTIL.isNull()
            .or(Subscribers.STATUS.SUSPENDED.STRIKES.eq(2)))));
  }

  @BackendTest
  public void aFilterOnTheVariant(Db db) {
    subscriber(db, "ann", ACTIVE, Optional.empty());
    subscriber(db, "bob", SUSPENDED, Optional.empty());
    subscriber(db, "cid", SUSPENDED_OPEN, Optional.empty());
    subscriber(db, "dan", BANNED, Optional.empty());
    assertEquals(List.of("bob", "cid"),
        names(db, Subscribers.filter(Subscribers.STATUS.is(Subscriber.Suspended.class))));
    assertEquals(List.of("ann", "dan"),
        names(db, Subscribers.filter(Subscribers.STATUS.isNot(Subscriber.Suspended.class))));
    assertEquals(List.of("ann"), names(db, Subscribers.filter(Subscribers.STATUS.is(Subscriber.Active.class))));
    assertEquals(2L, await(Subscribers.filter(Subscribers.STATUS.is(Subscriber.Suspended.class)).count(db)));
  }

  @BackendTest
  public void aFilterOnAVariantsField(Db db) {
    subscriber(db, "ann", SUSPENDED, Optional.empty());
    subscriber(db, "bob", SUSPENDED_OPEN, Optional.empty());
    subscriber(db, "cid", new Subscriber.Banned("spam", 7), Optional.empty());
    assertEquals(List.of("ann"),
        names(db, Subscribers.filter(Subscribers.STATUS.SUSPENDED.REASON.eq("spam"))));
    assertEquals(List.of("cid"),
        names(db, Subscribers.filter(Subscribers.STATUS.BANNED.REASON.eq("spam"))));
    assertEquals(List.of("ann"),
        names(db, Subscribers.filter(Subscribers.STATUS.SUSPENDED.STRIKES.gt(1))));
    assertEquals(List.of("bob"), names(db, Subscribers.filter(Subscribers.STATUS.eq(SUSPENDED_OPEN))));
    assertEquals(List.of("ann"), names(db, Subscribers.filter(Subscribers.STATUS.eq(SUSPENDED))));
    assertEquals(List.of(), names(db, Subscribers.filter(Subscribers.STATUS.eq(
        new Subscriber.Suspended("spam", Optional.empty(), 2)))));
  }

  @BackendTest
  public void anOptionalSealedFieldWithNumericDiscriminators(Db db) {
    Subscriber none = subscriber(db, "ann", ACTIVE, Optional.empty());
    subscriber(db, "bob", ACTIVE, Optional.of(new Subscriber.Free()));
    subscriber(db, "cid", ACTIVE, Optional.of(PAID));
    subscriber(db, "dan", ACTIVE, Optional.of(new Subscriber.Paid(500, "EUR")));
    assertEquals(Optional.empty(), reread(db, none).plan());
    assertEquals(List.of("ann"), names(db, Subscribers.filter(Subscribers.PLAN.isNull())));
    assertEquals(List.of("bob", "cid", "dan"), names(db, Subscribers.filter(Subscribers.PLAN.isNotNull())));
    assertEquals(List.of("cid", "dan"), names(db, Subscribers.filter(Subscribers.PLAN.is(Subscriber.Paid.class))));
    // Absent is no variant, so it is not Paid either.
    assertEquals(List.of("ann", "bob"),
        names(db, Subscribers.filter(Subscribers.PLAN.isNot(Subscriber.Paid.class))));
    assertEquals(List.of("dan"), names(db, Subscribers.filter(Subscribers.PLAN.PAID.CURRENCY.eq("EUR"))));
  }

  @BackendTest
  public void anUpdateReplacesTheWholeValueAndClearsTheOldVariantsColumns(Db db) {
    Subscriber m = subscriber(db, "ann", SUSPENDED, Optional.of(PAID));
    subscriber(db, "bob", SUSPENDED, Optional.empty());
    assertEquals(1L, await(Subscribers.updateById(m.id()).status(BANNED).plan(Optional.empty())
        .exec(db)));
    Subscriber read = reread(db, m);
    assertEquals(BANNED, read.status());
    assertEquals(Optional.empty(), read.plan());
    assertEquals(List.of("ann"),
        names(db, Subscribers.filter(Subscribers.STATUS.SUSPENDED.REASON.isNull())));
    assertEquals(List.of("ann"),
        names(db, Subscribers.filter(Subscribers.STATUS.SUSPENDED.STRIKES.isNull())));
    Subscriber back = await(Subscribers.update(read).status(SUSPENDED_OPEN).plan(new Subscriber.Free())
        .exec(db));
    assertEquals(SUSPENDED_OPEN, back.status());
    assertEquals(SUSPENDED_OPEN, reread(db, m).status());
    assertEquals(Optional.of(new Subscriber.Free()), reread(db, m).plan());
    assertEquals(List.of(), names(db, Subscribers.filter(Subscribers.STATUS.BANNED.REASON.isNotNull())));
  }

  @BackendTest
  public void anUpdateByFilterSetsEveryMatchingRecordsValue(Db db) {
    subscriber(db, "ann", SUSPENDED, Optional.empty());
    subscriber(db, "bob", SUSPENDED_OPEN, Optional.empty());
    subscriber(db, "cid", BANNED, Optional.empty());
    assertEquals(2L, await(Subscribers.filter(Subscribers.STATUS.is(Subscriber.Suspended.class)).update()
        .status(ACTIVE).exec(db)));
    assertEquals(List.of("ann", "bob"),
        names(db, Subscribers.filter(Subscribers.STATUS.is(Subscriber.Active.class))));
    assertEquals(List.of(), names(db, Subscribers.filter(Subscribers.STATUS.SUSPENDED.REASON.isNotNull())));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void recordsOrderByTheDiscriminator(Db db) {
    subscriber(db, "ann", SUSPENDED, Optional.of(PAID));
    subscriber(db, "bob", BANNED, Optional.of(new Subscriber.Free()));
    subscriber(db, "cid", ACTIVE, Optional.of(PAID));
    subscriber(db, "dan", SUSPENDED_OPEN, Optional.empty());
    assertEquals(List.of("cid", "bob", "ann", "dan"), await(Subscribers.all()
        .orderBy(Subscribers.STATUS.asc(), Subscribers.NAME.asc()).collect(db)).stream()
        .map(Subscriber::name).toList());
    assertEquals(List.of("ann", "cid", "bob"), await(Subscribers.filter(Subscribers.PLAN.isNotNull())
        .orderBy(Subscribers.PLAN.desc(), Subscribers.NAME.asc()).collect(db)).stream()
        .map(Subscriber::name).toList());
  }

  @BackendTest
  public void relationsIncludeNextToSealedValues(Db db) {
    Subscriber m = subscriber(db, "ann", SUSPENDED, Optional.of(PAID));
    for (String title : List.of("first", "second")) {
      await(Badges.create().id(UUID.randomUUID()).title(title).subscriberId(m.id()).exec(db));
    }
    Subscriber read = await(Subscribers.filterById(m.id()).include(Subscribers.BADGES).first(db));
    assertEquals(SUSPENDED, read.status());
    assertEquals(Optional.of(PAID), read.plan());
    assertEquals(List.of("first", "second"),
        read.badges().get().stream().map(Badge::title).sorted().toList());
    Badge badge = await(Badges.filter(Badges.TITLE.eq("first")).include(Badges.SUBSCRIBER)
        .first(db));
    assertEquals(SUSPENDED, badge.subscriber().get().status());
  }

  @BackendTest
  public void anUpsertWritesWholeSealedValuesOnBothPaths(Db db) {
    UUID id = UUID.randomUUID();
    Subscriber created = await(Subscribers.upsert().id(id).name("ann").status(SUSPENDED).exec(db));
    assertEquals(SUSPENDED, created.status());
    assertEquals(Optional.empty(), created.plan());
    await(Subscribers.upsert().id(id).name("ann").status(BANNED).plan(PAID).exec(db));
    Subscriber read = await(Subscribers.getById(db, id));
    assertEquals(BANNED, read.status());
    assertEquals(Optional.of(PAID), read.plan());
    assertEquals(List.of(), names(db, Subscribers.filter(Subscribers.STATUS.SUSPENDED.REASON.isNotNull())));
  }

  @BackendTest
  public void nullWhereAValueIsRequiredIsRefusedNamingTheField(Db db) {
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> Subscribers.create().id(UUID.randomUUID()).name("ann")
            .status(new Subscriber.Suspended(null, Optional.empty(), 1)));
    assertTrue(e.getMessage().contains("status.suspended.reason"), e.getMessage());
    e = assertThrows(InvalidStatementException.class,
        () -> Subscribers.create().status((Subscriber.Status) null));
    assertTrue(e.getMessage().contains("Subscriber.status"), e.getMessage());
    e = assertThrows(InvalidStatementException.class,
        () -> Subscribers.updateById(UUID.randomUUID()).set(Subscribers.STATUS.SUSPENDED.REASON, "x"));
    assertTrue(e.getMessage().contains("lies in field status"), e.getMessage());
    Exception missing = failure(Exception.class, () -> Subscribers.create().id(UUID.randomUUID())
        .name("ann").exec(db));
    assertTrue(missing.getMessage().contains("status"), missing.getMessage());
    assertEquals(0L, await(Subscribers.all().count(db)));
  }

  /** A row written by a newer model (a variant this one lacks) fails to read, naming it. */
  @BackendTest
  @Requires(Need.RAW_WRITES)
  public void aStoredDiscriminatorMatchingNoVariantIsATypedError(Db db, BackendContext ctx) {
    Subscriber m = subscriber(db, "ann", ACTIVE, Optional.empty());
    if (db.capability().partiql()) {
      await(db.partiql("UPDATE \"subscribers\" SET \"status\" = 'retired' WHERE \"id\" = :id")
          .bind("id", m.id()).execute());
    } else {
      ctx.executeSql("UPDATE " + ctx.quote("subscribers") + " SET " + ctx.quote("status")
          + " = 'retired'");
    }
    UnknownVariantException e = failure(UnknownVariantException.class,
        () -> Subscribers.getById(db, m.id()));
    assertEquals(Optional.of("Subscriber"), e.model());
    assertEquals(Optional.of("status"), e.field());
    assertEquals("retired", e.value());
    assertTrue(e.getMessage().contains("\"retired\""), e.getMessage());
  }

  /** 1,000 random tickets, each with a required, an optional and a numeric sealed value. */
  @BackendTest
  public void randomSealedValuesRoundTrip(Db db) {
    Random random = new Random(17);
    Map<Long, Trial> written = new HashMap<>();
    List<TrialCreate> batch = new ArrayList<>();
    for (long id = 0; id < 1000; id++) {
      Trial t = new Trial(id, outcome(random),
          random.nextInt(3) == 0 ? Optional.empty() : Optional.of(outcome(random)),
          switch (random.nextInt(3)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(new Trial.Low());
            default -> Optional.of(new Trial.High(text(random)));
          });
      written.put(id, t);
      batch.add(Trials.create().id(id).outcome(t.outcome()).previous(t.previous())
          .grade(t.grade()));
      if (batch.size() == 25) {
        await(Trials.createMany(batch).exec(db));
        batch.clear();
      }
    }
    List<String> differences = new ArrayList<>();
    for (Trial read : await(Trials.all().collect(db))) {
      if (!read.equals(written.remove(read.id()))) {
        differences.add(read.toString());
      }
    }
    written.values().forEach(t -> differences.add("missing " + t));
    assertEquals(List.of(), differences);
  }

  private static final String[] TEXTS = {"", " ", "a", "Grüße", "日本語テキスト", "🎉🚀",
      "שלום", "∀x∈ℝ", "'; DROP TABLE trials; --", "back\\slash", "line\nbreak", "tab\t",
      "%_", "\"quoted\"", "Pending", "Done"};
  private static final long[] LONGS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE,
      Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final int[] INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};

  private static Trial.Outcome outcome(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> new Trial.Pending();
      case 1 -> new Trial.Done(text(random), random.nextBoolean() ? random.nextLong()
          : LONGS[random.nextInt(LONGS.length)],
          random.nextBoolean() ? random.nextInt() : INTS[random.nextInt(INTS.length)],
          random.nextBoolean(),
          random.nextBoolean() ? Optional.empty() : Optional.of(text(random)),
          random.nextBoolean() ? Optional.empty()
              : Optional.of(LONGS[random.nextInt(LONGS.length)]));
      default -> new Trial.Failed(text(random),
          random.nextBoolean() ? Optional.empty() : Optional.of(text(random)));
    };
  }

  private static String text(Random random) {
    return RandomTexts.text(random, TEXTS);
  }

  /** The names of the records {@code query} finds, sorted here: every backend can run it. */
  private static List<String> names(Db db, Select<Subscriber> query) {
    return await(query.collect(db)).stream().map(Subscriber::name).sorted().toList();
  }
}
