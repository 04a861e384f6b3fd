package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Capability;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.TckClock;
import io.toasty.tck.models.Revision;
import io.toasty.tck.models.Revisions;
import io.toasty.tck.models.Stamp;
import io.toasty.tck.models.Stamps;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code @CreatedAt}, {@code @UpdatedAt}, {@code @Default("now()"/"uuid()")} and {@code
 * @OnUpdate}, read from the {@code Db}'s clock (fixed here) on every create and update path, and
 * truncated to microseconds so that what a write returns equals what is read back.
 */
@Models({Stamps.class, Revisions.class})
public abstract class TimestampScenarios {
  /** The clock's first reading: nanoseconds that no backend keeps. */
  static final Instant T0 = Instant.parse("2026-03-04T05:06:07.123456789Z");
  /** What the backends keep of {@link #T0}. */
  static final Instant T0_STORED = Instant.parse("2026-03-04T05:06:07.123456Z");
  static final Duration STEP = Duration.ofSeconds(90);
  static final Instant T1_STORED = T0_STORED.plus(STEP);

  private static Stamp stamp(Db db, String title) {
    return await(Stamps.create().id(UUID.randomUUID()).title(title).hits(0).exec(db));
  }

  private static Stamp read(Db db, Stamp s) {
    return await(Stamps.getById(db, s.id()));
  }

  @BackendTest
  public void aCreateStampsBothFieldsWithOneTruncatedReading(Db db, TckClock clock) {
    clock.set(T0);
    Stamp s = stamp(db, "a");
    assertEquals(T0_STORED, s.createdAt());
    assertEquals(T0_STORED, s.updatedAt());
    assertEquals(s, read(db, s));
  }

  @BackendTest
  public void timesSetOnCreateAreKept(Db db, TckClock clock) {
    clock.set(T0);
    Instant then = Instant.parse("2020-01-01T00:00:00Z");
    Stamp s = await(Stamps.create().id(UUID.randomUUID()).title("a").hits(0).createdAt(then)
        .updatedAt(then).exec(db));
    assertEquals(new Stamp(s.id(), "a", 0, then, then), read(db, s));
  }

  @BackendTest
  public void anInstanceUpdateStampsUpdatedAtOnly(Db db, TckClock clock) {
    clock.set(T0);
    Stamp s = stamp(db, "a");
    clock.advance(STEP);
    Stamp after = await(Stamps.update(s).title("b").exec(db));
    assertEquals(new Stamp(s.id(), "b", 0, T0_STORED, T1_STORED), after);
    assertEquals(after, read(db, s));
  }

  @BackendTest
  public void aComputedUpdateStampsUpdatedAt(Db db, TckClock clock) {
    clock.set(T0);
    Stamp s = await(Stamps.create().id(UUID.randomUUID()).title("a").hits(3).exec(db));
    clock.advance(STEP);
    assertEquals(1L, await(Stamps.updateById(s.id()).hits(Stamps.HITS.times(Stamps.HITS))
        .exec(db)));
    assertEquals(new Stamp(s.id(), "a", 9, T0_STORED, T1_STORED), read(db, s));
    clock.advance(STEP);
    assertEquals(1L, await(Stamps.all().update().hits(Stamps.HITS.times(2).minus(1)).exec(db)));
    assertEquals(new Stamp(s.id(), "a", 17, T0_STORED, T1_STORED.plus(STEP)), read(db, s));
  }

  @BackendTest
  public void anUpdateByKeyStampsUpdatedAt(Db db, TckClock clock) {
    clock.set(T0);
    Stamp s = stamp(db, "a");
    clock.advance(STEP);
    assertEquals(1L, await(Stamps.updateById(s.id()).hits(Stamps.HITS.plus(1)).exec(db)));
    assertEquals(new Stamp(s.id(), "a", 1, T0_STORED, T1_STORED), read(db, s));
  }

  @BackendTest
  public void anUpdateThatSetsUpdatedAtKeepsItsValue(Db db, TckClock clock) {
    clock.set(T0);
    Stamp s = stamp(db, "a");
    clock.advance(STEP);
    Instant chosen = Instant.parse("2030-01-01T00:00:00Z");
    await(Stamps.updateById(s.id()).title("b").updatedAt(chosen).exec(db));
    assertEquals(new Stamp(s.id(), "b", 0, T0_STORED, chosen), read(db, s));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void aBulkUpdateStampsEveryMatchedRecord(Db db, TckClock clock) {
    clock.set(T0);
    Stamp a = stamp(db, "a");
    Stamp b = stamp(db, "b");
    Stamp other = stamp(db, "other");
    clock.advance(STEP);
    assertEquals(2L, await(Stamps.filter(Stamps.TITLE.in(List.of("a", "b"))).update()
        .hits(5).exec(db)));
    assertEquals(T1_STORED, read(db, a).updatedAt());
    assertEquals(T1_STORED, read(db, b).updatedAt());
    assertEquals(T0_STORED, read(db, other).updatedAt());
    assertEquals(T0_STORED, read(db, a).createdAt());
  }

  @BackendTest
  public void createManyStampsEveryRecordWithOneReading(Db db, TckClock clock) {
    clock.set(T0);
    List<Stamp> created = await(Stamps.createMany(List.of(
        Stamps.create().id(UUID.randomUUID()).title("a").hits(0),
        Stamps.create().id(UUID.randomUUID()).title("b").hits(0),
        Stamps.create().id(UUID.randomUUID()).title("c").hits(0))).exec(db));
    for (Stamp s : created) {
      assertEquals(new Stamp(s.id(), s.title(), 0, T0_STORED, T0_STORED), s);
      assertEquals(s, read(db, s));
    }
  }

  @BackendTest
  public void anUpsertsCreatePathStampsBoth(Db db, TckClock clock) {
    clock.set(T0);
    UUID id = UUID.randomUUID();
    Stamp s = await(Stamps.upsert().id(id).title("a").hits(0).exec(db));
    assertEquals(new Stamp(id, "a", 0, T0_STORED, T0_STORED), s);
    assertEquals(s, read(db, s));
  }

  @BackendTest
  public void anUpsertsUpdatePathStampsUpdatedAtAndKeepsCreatedAt(Db db, TckClock clock) {
    clock.set(T0);
    UUID id = UUID.randomUUID();
    await(Stamps.upsert().id(id).title("a").hits(0).exec(db));
    clock.advance(STEP);
    Stamp s = await(Stamps.upsert().id(id).title("b").hits(0)
        .onUpdate(u -> u.hits(Stamps.HITS.plus(1))).exec(db));
    // the update path takes the proposed fields it does not assign, as every upsert
    assertEquals(new Stamp(id, "b", 1, T0_STORED, T1_STORED), s);
    assertEquals(s, read(db, s));
  }

  @BackendTest
  public void anInsertOrIgnoreKeepsTheStoredTimes(Db db, TckClock clock) {
    clock.set(T0);
    UUID id = UUID.randomUUID();
    Stamp first = await(Stamps.upsert().id(id).title("a").hits(0).exec(db));
    clock.advance(STEP);
    assertEquals(first, await(Stamps.upsert().id(id).title("b").hits(3).ignoreConflict()
        .exec(db)));
    assertEquals(first, read(db, first));
  }

  @BackendTest
  public void otherTimeTypesAndGeneratedUuidsOnCreate(Db db, TckClock clock) {
    clock.set(T0);
    Revision r = await(Revisions.create().id(UUID.randomUUID()).body("a").exec(db));
    assertEquals(LocalDateTime.ofInstant(T0_STORED, ZoneOffset.UTC), r.createdAt());
    assertEquals(OffsetDateTime.ofInstant(T0_STORED, ZoneOffset.UTC), r.updatedAt());
    assertEquals(LocalDate.of(2026, 3, 4), r.day());
    assertEquals(Optional.empty(), r.editedAt());
    assertNotEquals(r.token(), r.etag());
    assertEquals(r, await(Revisions.getById(db, r.id())));
  }

  @BackendTest
  public void onUpdateRenewsItsValueWithEveryUpdate(Db db, TckClock clock) {
    clock.set(T0);
    Revision r = await(Revisions.create().id(UUID.randomUUID()).body("a").exec(db));
    clock.advance(STEP);
    Revision r2 = await(Revisions.update(r).body("b").exec(db));
    OffsetDateTime t1 = OffsetDateTime.ofInstant(T1_STORED, ZoneOffset.UTC);
    assertEquals(new Revision(r.id(), "b", r.createdAt(), t1, r.day(), r.token(), r2.etag(),
        Optional.of(t1)), r2);
    assertNotEquals(r.etag(), r2.etag());
    await(Revisions.updateById(r.id()).body("c").exec(db));
    Revision r3 = await(Revisions.getById(db, r.id()));
    assertNotEquals(r2.etag(), r3.etag());
    assertEquals(r.token(), r3.token());
  }

  // ---- database time -------------------------------------------------------------------------

  /** A clock far from the database's: what database time must not write on an SQL backend. */
  static final Instant LONG_AGO = Instant.parse("2001-02-03T04:05:06.789Z");

  /** A {@code Db} on the scenario's database whose {@code now()} is the server's. */
  private static Db databaseTime(BackendContext context) {
    context.clock().set(LONG_AGO);
    return context.open(b -> b.databaseTime()).db();
  }

  /** The server's time on SQL backends; DynamoDB has none and keeps the clock's. */
  private static void assertTimeSource(Capability capability, Instant written) {
    if (capability.sql()) {
      assertTrue(written.isAfter(LONG_AGO), written + " is the clock's, not the database's");
    } else {
      assertEquals(LONG_AGO, written);
    }
    assertEquals(0, written.getNano() % 1000, written + " is finer than microseconds");
  }

  @BackendTest
  public void databaseTimeStampsACreateWithOneServerReading(BackendContext context,
      Capability capability) {
    Db db = databaseTime(context);
    Stamp s = stamp(db, "a");
    assertTimeSource(capability, s.createdAt());
    assertEquals(s.createdAt(), s.updatedAt());
    assertEquals(s, read(db, s));
    List<Stamp> many = await(Stamps.createMany(List.of(
        Stamps.create().id(UUID.randomUUID()).title("b").hits(0),
        Stamps.create().id(UUID.randomUUID()).title("c").hits(0))).exec(db));
    assertEquals(many.get(0).createdAt(), many.get(1).createdAt());
    for (Stamp m : many) {
      assertEquals(m, read(db, m));
    }
  }

  @BackendTest
  public void databaseTimeStampsEveryUpdatePath(BackendContext context, Capability capability) {
    Db db = databaseTime(context);
    Stamp s = stamp(db, "a");
    Stamp updated = await(Stamps.update(s).title("b").exec(db));
    assertEquals(s.createdAt(), updated.createdAt());
    assertTimeSource(capability, updated.updatedAt());
    assertEquals(updated, read(db, s));
    assertEquals(1L, await(Stamps.updateById(s.id()).hits(2).exec(db)));
    Stamp byKey = read(db, s);
    assertTimeSource(capability, byKey.updatedAt());
    assertEquals(s.createdAt(), byKey.createdAt());
    Stamp upserted = await(Stamps.upsert().id(s.id()).title("c").hits(3).exec(db));
    assertTimeSource(capability, upserted.updatedAt());
    assertEquals(s.createdAt(), upserted.createdAt());
    assertEquals(upserted, read(db, s));
  }

  @BackendTest
  public void databaseTimeFillsEveryTimeType(BackendContext context, Capability capability) {
    Db db = databaseTime(context);
    Revision r = await(Revisions.create().id(UUID.randomUUID()).body("a").exec(db));
    assertTimeSource(capability, r.updatedAt().toInstant());
    assertEquals(ZoneOffset.UTC, r.updatedAt().getOffset());
    assertEquals(r.createdAt().toLocalDate(), r.day());
    assertEquals(r, await(Revisions.getById(db, r.id())));
    Revision r2 = await(Revisions.update(r).body("b").exec(db));
    assertEquals(r2.updatedAt(), r2.editedAt().orElseThrow());
    assertEquals(r2, await(Revisions.getById(db, r.id())));
  }
}
