package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Agg;
import io.toasty.Change;
import io.toasty.PathQuery;
import io.toasty.Tenant;
import io.toasty.error.InvalidModelException;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.reactive.hook.Hook;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.TckClock;
import io.toasty.tck.scenarios.ChangeStreamScenarios.Watch;
import io.toasty.tck.models.SdAuthor;
import io.toasty.tck.models.SdBadges;
import io.toasty.tck.models.SdBrand;
import io.toasty.tck.models.SdBrands;
import io.toasty.tck.models.SdAuthors;
import io.toasty.tck.models.SdChore;
import io.toasty.tck.models.SdChores;
import io.toasty.tck.models.SdNotes;
import io.toasty.tck.models.SdPost;
import io.toasty.tck.models.SdPosts;
import io.toasty.tck.models.SdTag;
import io.toasty.tck.models.SdReview;
import io.toasty.tck.models.SdReviews;
import io.toasty.tck.models.SdSticker;
import io.toasty.tck.models.SdStickers;
import io.toasty.tck.models.SdTags;
import io.toasty.tck.models.SdTask;
import io.toasty.tck.models.SdTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Soft delete the planner enforces ({@code @SoftDelete}): a delete (by key, by filter, cascaded
 * from a parent) stamps the marker, and every read, include, relation filter, aggregate and
 * update sees live records only; {@code withDeleted()} and {@code onlyDeleted()} opt out,
 * {@code restore()} and {@code purge()} undo and finish a delete. Both marker forms: a
 * timestamp ({@link SdAuthor}) and a flag ({@link SdPost}); with a tenant too ({@code SdNote}).
 */
@Models({SdAuthors.class, SdPosts.class, SdNotes.class, SdTags.class, SdChores.class,
    SdTasks.class, SdReviews.class, SdBrands.class, SdStickers.class})
public abstract class SoftDeleteScenarios {

  private static SdAuthor author(Db db, String name, long score) {
    return await(SdAuthors.create().name(name).score(score).exec(db));
  }

  private static SdPost post(Db db, SdAuthor author, String title, long likes) {
    return await(SdPosts.create().authorId(author.id()).title(title).likes(likes).exec(db));
  }

  private static List<String> names(List<SdAuthor> authors) {
    return authors.stream().map(SdAuthor::name).sorted().toList();
  }

  private static List<String> titles(List<SdPost> posts) {
    return posts.stream().map(SdPost::title).sorted().toList();
  }

  @BackendTest
  public void deleteHidesTheRecord(Db db) {
    SdAuthor ann = author(db, "ann", 1);
    author(db, "bob", 2);
    author(db, "cy", 3);
    assertFalse(ann.deletedAt().isPresent());
    assertEquals(1L, await(SdAuthors.deleteById(ann.id()).exec(db)));
    assertEquals(List.of("bob", "cy"), names(await(SdAuthors.all().collect(db))));
    assertEquals(List.of(), await(SdAuthors.filterById(ann.id()).collect(db)));
    assertEquals(2L, await(SdAuthors.all().count(db)));
    // a deleted record is no longer there to delete
    assertEquals(0L, await(SdAuthors.deleteById(ann.id()).exec(db)));
    assertEquals(1L, await(SdAuthors.filter(SdAuthors.NAME.eq("bob")).delete().exec(db)));
    assertEquals(List.of("cy"), names(await(SdAuthors.all().collect(db))));
    // still stored, stamped
    SdAuthor stored = await(SdAuthors.filterById(ann.id()).withDeleted().first(db));
    assertTrue(stored.deletedAt().isPresent(), stored.toString());
    assertEquals(3L, await(SdAuthors.all().withDeleted().count(db)));
    // explained as it runs: over live records
    String plan = db.explain(SdAuthors.all().untyped());
    assertTrue(plan.contains("IS NULL"), plan);
  }

  @BackendTest
  public void withDeletedAndOnlyDeleted(Db db) {
    SdAuthor ann = author(db, "ann", 1);
    author(db, "bob", 2);
    await(SdAuthors.delete(ann).exec(db));
    assertEquals(List.of("ann", "bob"), names(await(SdAuthors.all().withDeleted().collect(db))));
    assertEquals(List.of("ann"), names(await(SdAuthors.all().onlyDeleted().collect(db))));
    assertEquals(List.of("ann"), names(await(SdAuthors.filter(SdAuthors.SCORE.lt(2L))
        .withDeleted().collect(db))));
    assertEquals(List.of(), await(SdAuthors.filter(SdAuthors.NAME.eq("bob")).onlyDeleted()
        .collect(db)));
    // the flag form alike
    SdAuthor cy = author(db, "cy", 3);
    post(db, cy, "p1", 1);
    post(db, cy, "p2", 2);
    assertEquals(1L, await(SdPosts.filter(SdPosts.TITLE.eq("p1")).delete().exec(db)));
    assertEquals(List.of("p2"), titles(await(SdPosts.all().collect(db))));
    assertEquals(List.of("p1"), titles(await(SdPosts.all().onlyDeleted().collect(db))));
    assertEquals(List.of("p1", "p2"), titles(await(SdPosts.all().withDeleted().collect(db))));
  }

  @BackendTest
  public void includesAndRelationFiltersHideDeleted(Db db) {
    SdAuthor ann = author(db, "ann", 1);
    SdPost gone = post(db, ann, "gone", 0);
    post(db, ann, "kept", 5);
    await(SdPosts.deleteById(gone.id()).exec(db));
    SdAuthor loaded = await(SdAuthors.filterById(ann.id()).include(SdAuthors.POSTS).first(db));
    assertEquals(List.of("kept"), titles(loaded.posts().get()));
    assertEquals(0L, await(SdAuthors.filter(SdAuthors.POSTS.any(SdPosts.TITLE.eq("gone")))
        .count(db)));
    assertEquals(1L, await(SdAuthors.filter(SdAuthors.POSTS.any(SdPosts.TITLE.eq("kept")))
        .count(db)));
    // every live post is liked: the deleted one with no likes is as if absent
    assertEquals(1L, await(SdAuthors.filter(SdAuthors.POSTS.every(SdPosts.LIKES.gt(0L)))
        .count(db)));
    assertEquals(1L, await(SdAuthors.filter(SdAuthors.POSTS.none(SdPosts.LIKES.eq(0L)))
        .count(db)));
    assertEquals(0L, await(SdAuthors.filter(SdAuthors.POSTS.count().ge(2)).count(db)));
    assertEquals(1L, await(SdAuthors.filter(SdAuthors.POSTS.count().eq(1)).count(db)));
    // the belongs-to side: the live author of a live post
    SdPost kept = await(SdPosts.filter(SdPosts.TITLE.eq("kept")).include(SdPosts.AUTHOR)
        .first(db));
    assertEquals("ann", kept.author().get().name());
  }

  /** A relation's count per record counts what an include loads: live records only. */
  @BackendTest
  @Requires(Need.RELATION_AGGREGATE)
  public void relationAggregatesCountLiveRecords(Db db) {
    SdAuthor ann = author(db, "ann", 1);
    SdPost gone = post(db, ann, "gone", 0);
    post(db, ann, "kept", 5);
    await(SdPosts.deleteById(gone.id()).exec(db));
    assertEquals("[[ann,1,5]]", await(SdAuthors.all().select(SdAuthors.NAME,
        SdAuthors.POSTS.count(), SdAuthors.POSTS.aggregate(Agg.min(SdPosts.LIKES)))
        .collect(db)).toString());
  }

  @BackendTest
  public void aggregatesExcludeDeleted(Db db) {
    author(db, "ann", 1);
    SdAuthor bob = author(db, "bob", 10);
    author(db, "cy", 100);
    await(SdAuthors.deleteById(bob.id()).exec(db));
    assertEquals(101L, await(SdAuthors.all().select(Agg.sum(SdAuthors.SCORE)).first(db)));
    assertEquals(2L, await(SdAuthors.all().select(Agg.count()).first(db)));
    assertEquals(111L, await(SdAuthors.all().withDeleted().select(Agg.sum(SdAuthors.SCORE))
        .first(db)));
    assertEquals(10L, await(SdAuthors.all().onlyDeleted().select(Agg.sum(SdAuthors.SCORE))
        .first(db)));
  }

  @BackendTest
  public void restoreClearsTheMarker(Db db) {
    SdAuthor ann = author(db, "ann", 1);
    author(db, "bob", 2);
    await(SdAuthors.all().delete().exec(db));
    assertEquals(0L, await(SdAuthors.all().count(db)));
    assertEquals(1L, await(SdAuthors.filterById(ann.id()).restore().exec(db)));
    SdAuthor back = await(SdAuthors.getById(db, ann.id()));
    assertFalse(back.deletedAt().isPresent());
    assertEquals(List.of("ann"), names(await(SdAuthors.all().collect(db))));
    // restoring a live record restores nothing
    assertEquals(0L, await(SdAuthors.filterById(ann.id()).restore().exec(db)));
    assertEquals(1L, await(SdAuthors.all().restore().exec(db)));
    assertEquals(2L, await(SdAuthors.all().count(db)));
  }

  @BackendTest
  public void purgeRemovesForGood(Db db) {
    SdAuthor ann = author(db, "ann", 1);
    SdAuthor bob = author(db, "bob", 2);
    author(db, "cy", 3);
    await(SdAuthors.deleteById(ann.id()).exec(db));
    // only the deleted ones
    assertEquals(1L, await(SdAuthors.all().onlyDeleted().purge().exec(db)));
    assertEquals(2L, await(SdAuthors.all().withDeleted().count(db)));
    // a live one, for good
    assertEquals(1L, await(SdAuthors.filterById(bob.id()).purge().exec(db)));
    assertEquals(List.of("cy"), names(await(SdAuthors.all().withDeleted().collect(db))));
    assertEquals(0L, await(SdAuthors.filterById(ann.id()).restore().exec(db)));
  }

  @BackendTest
  public void deleteCascadesToSoftDeletedChildren(Db db) {
    SdAuthor ann = author(db, "ann", 1);
    SdAuthor bob = author(db, "bob", 2);
    post(db, ann, "a1", 1);
    post(db, ann, "a2", 2);
    post(db, bob, "b1", 3);
    assertEquals(1L, await(SdAuthors.deleteById(ann.id()).exec(db)));
    assertEquals(List.of("b1"), titles(await(SdPosts.all().collect(db))));
    List<SdPost> all = await(SdPosts.all().withDeleted().collect(db));
    assertEquals(3, all.size());
    assertEquals(List.of("a1", "a2"), titles(all.stream().filter(SdPost::deleted).toList()));
    // a filtered delete cascades alike
    assertEquals(1L, await(SdAuthors.filter(SdAuthors.NAME.eq("bob")).delete().exec(db)));
    assertEquals(0L, await(SdPosts.all().count(db)));
    assertEquals(3L, await(SdPosts.all().onlyDeleted().count(db)));
  }

  @BackendTest
  public void updateOfDeletedTouchesNothing(Db db) {
    SdAuthor ann = author(db, "ann", 1);
    author(db, "bob", 2);
    await(SdAuthors.deleteById(ann.id()).exec(db));
    assertEquals(0L, await(SdAuthors.updateById(ann.id()).name("zed").exec(db)));
    assertEquals(1L, await(SdAuthors.all().update().score(50L).exec(db)));
    SdAuthor stored = await(SdAuthors.filterById(ann.id()).withDeleted().first(db));
    assertEquals("ann", stored.name());
    assertEquals(1L, stored.score());
    assertEquals(List.of(50L), await(SdAuthors.all().collect(db)).stream()
        .map(SdAuthor::score).toList());
  }

  @BackendTest
  public void tenantAndSoftDeleteBothHold(Db db) {
    await(SdNotes.create().text("a1").exec(db).contextWrite(Tenant.use("acme")));
    await(SdNotes.create().text("a2").exec(db).contextWrite(Tenant.use("acme")));
    await(SdNotes.create().text("g1").exec(db).contextWrite(Tenant.use("globex")));
    assertEquals(2L, await(SdNotes.all().delete().exec(db).contextWrite(Tenant.use("acme"))));
    assertEquals(0L, await(SdNotes.all().count(db).contextWrite(Tenant.use("acme"))));
    assertEquals(1L, await(SdNotes.all().count(db).contextWrite(Tenant.use("globex"))));
    assertEquals(0L, await(SdNotes.all().onlyDeleted().count(db)
        .contextWrite(Tenant.use("globex"))));
    assertEquals(2L, await(SdNotes.all().onlyDeleted().count(db)
        .contextWrite(Tenant.use("acme"))));
    assertEquals(3L, await(SdNotes.all().withDeleted().count(db).contextWrite(Tenant.none())));
    // globex cannot restore acme's notes
    assertEquals(0L, await(SdNotes.all().restore().exec(db).contextWrite(Tenant.use("globex"))));
    assertEquals(2L, await(SdNotes.all().restore().exec(db).contextWrite(Tenant.use("acme"))));
    assertEquals(2L, await(SdNotes.all().count(db).contextWrite(Tenant.use("acme"))));
  }

  @BackendTest
  public void upsertRevivesADeletedRecord(Db db) {
    SdAuthor ann = author(db, "ann", 1);
    await(SdAuthors.deleteById(ann.id()).exec(db));
    SdAuthor back = await(SdAuthors.upsert().id(ann.id()).name("ann2").score(5L).exec(db));
    assertEquals("ann2", back.name());
    assertFalse(back.deletedAt().isPresent());
    assertEquals(List.of("ann2"), names(await(SdAuthors.all().collect(db))));
    assertEquals(1L, await(SdAuthors.all().withDeleted().count(db)));
  }

  /**
   * Unique among live records, each backend keeping a unique index of the live records only
   * (docs/models.md, Soft delete): a deleted record does not hold its value, an upsert on that
   * index finds the live one, and the restore of a deleted record whose value another live record
   * took meanwhile fails with a {@code UniqueViolationException} naming the model and the field,
   * having written nothing.
   */
  @BackendTest
  public void uniqueAmongLiveRecords(Db db) {
    SdTag first = await(SdTags.create().label("x").exec(db));
    await(SdTags.deleteById(first.id()).exec(db));
    SdTag again = await(SdTags.create().label("x").exec(db));
    assertFalse(again.deletedAt().isPresent());
    assertEquals(2L, await(SdTags.all().withDeleted().count(db)));
    SdTag upserted = await(SdTags.upsert().label("x").onConflict(SdTags.LABEL).exec(db));
    assertEquals(again.id(), upserted.id());
    assertEquals(1L, await(SdTags.all().count(db)));
    // the value is taken: the restore fails typed and changes nothing
    UniqueViolationException taken = failure(UniqueViolationException.class,
        () -> SdTags.filterById(first.id()).restore().exec(db));
    assertEquals(Optional.of("SdTag"), taken.model());
    assertEquals(Optional.of("label"), taken.field());
    assertEquals(List.of(again.id()), await(SdTags.all().collect(db)).stream()
        .map(SdTag::id).toList());
    assertEquals(List.of(first.id()), await(SdTags.all().onlyDeleted().collect(db)).stream()
        .map(SdTag::id).toList());
    // once the live one is deleted, the restore takes the value back
    assertEquals(1L, await(SdTags.deleteById(again.id()).exec(db)));
    assertEquals(1L, await(SdTags.filterById(first.id()).restore().exec(db)));
    assertEquals(first.id(), await(SdTags.all().first(db)).id());
    failure(UniqueViolationException.class, () -> SdTags.filterById(again.id()).restore().exec(db));
    // a purge of the deleted one leaves the live one's value held
    assertEquals(1L, await(SdTags.all().onlyDeleted().purge().exec(db)));
    failure(UniqueViolationException.class, () -> SdTags.create().label("x").exec(db));
  }

  /**
   * A checked key to a value unique among live records only is refused when the schema is built,
   * naming the relation, before anything is sent (docs/models.md, Soft delete): a deleted record
   * and a live one may share the value, so no database constraint can name one record by it.
   */
  @BackendTest
  public void aCheckedKeyToALiveUniqueValueIsRefused(BackendContext context) {
    InvalidModelException refused = assertThrows(InvalidModelException.class,
        () -> context.open(List.of(SdBrands.MODEL, SdBadges.MODEL)));
    assertEquals(Optional.of("SdBadge"), refused.model());
    assertEquals(Optional.of("brand"), refused.field());
    assertTrue(refused.getMessage().contains("@BelongsTo.Unchecked"), refused::getMessage);
  }

  /**
   * An unchecked key to a value unique among live records only names the live record holding it
   * (docs/models.md, Soft delete): a deleted brand gives its code up, a new live brand may take
   * it and the stickers with it, and a purge of a deleted brand changes no sticker, since a
   * deleted record holds no value; the purge of the live holder unlinks them.
   */
  @BackendTest
  @Requires(Need.CASCADE_BY_UNIQUE_FIELD)
  public void aReferenceByALiveUniqueValue(Db db) {
    SdBrand first = await(SdBrands.create().code("x").exec(db));
    SdSticker sticker = await(SdStickers.create().brandCode("x").note("n").exec(db));
    assertEquals(Optional.of(first.id()), brandOf(db, sticker));
    assertEquals(1L, await(SdBrands.deleteById(first.id()).exec(db)));
    assertEquals(Optional.empty(), brandOf(db, sticker));
    SdBrand again = await(SdBrands.create().code("x").exec(db));
    assertEquals(Optional.of(again.id()), brandOf(db, sticker));
    assertEquals(1L, await(SdBrands.all().onlyDeleted().purge().exec(db)));
    assertEquals(Optional.of("x"), codeOf(db, sticker));
    assertEquals(Optional.of(again.id()), brandOf(db, sticker));
    assertEquals(1L, await(SdBrands.deleteById(again.id()).exec(db)));
    assertEquals(1L, await(SdBrands.all().onlyDeleted().purge().exec(db)));
    assertEquals(Optional.of("x"), codeOf(db, sticker));
    SdBrand third = await(SdBrands.create().code("x").exec(db));
    assertEquals(Optional.of(third.id()), brandOf(db, sticker));
    assertEquals(1L, await(SdBrands.filterById(third.id()).purge().exec(db)));
    assertEquals(Optional.empty(), codeOf(db, sticker));
  }

  /** The key of the live brand {@code sticker} names, included. */
  private static Optional<UUID> brandOf(Db db, SdSticker sticker) {
    SdSticker loaded = await(SdStickers.filterById(sticker.id()).include(SdStickers.BRAND)
        .first(db));
    return loaded.brand().get().map(SdBrand::id);
  }

  /** The code {@code sticker} holds as stored. */
  private static Optional<String> codeOf(Db db, SdSticker sticker) {
    return await(SdStickers.getById(db, sticker.id())).brandCode();
  }

  @BackendTest
  public void aBatchedDeleteCascadesToo(Db db) {
    SdAuthor ann = author(db, "ann", 1);
    post(db, ann, "a1", 1);
    SdAuthor bob = author(db, "bob", 2);
    post(db, bob, "b1", 1);
    var results = await(Toasty.batch(SdAuthors.deleteById(ann.id()),
        SdPosts.all().asList()).exec(db));
    assertEquals(1L, results.getT1());
    assertEquals(List.of("b1"), titles(results.getT2()));
    assertEquals(List.of(1L), await(SdPosts.deleteAll(Flux.just(SdPosts.filter(
        SdPosts.TITLE.eq("b1")).delete())).exec(db).collectList()));
    assertEquals(2L, await(SdPosts.all().onlyDeleted().count(db)));
  }

  /**
   * Lifecycle hooks see a soft delete, and a restore, as the updates they are (docs/models.md):
   * the update hooks run with the record before and after the marker changed, the delete hooks
   * do not; a purge runs the delete hooks.
   */
  @BackendTest
  public void hooksSeeASoftDeleteAndARestoreAsUpdates(BackendContext context) {
    List<String> seen = new CopyOnWriteArrayList<>();
    Db db = context.open(b -> b
        .hook(SdAuthors.MODEL, Hook.beforeUpdate((tx, a) -> saw(seen, "beforeUpdate", a)))
        .hook(SdAuthors.MODEL, Hook.afterUpdate((tx, a) -> saw(seen, "afterUpdate", a)))
        .hook(SdAuthors.MODEL, Hook.beforeDelete((tx, a) -> saw(seen, "beforeDelete", a)))
        .hook(SdAuthors.MODEL, Hook.afterDelete((tx, a) -> saw(seen, "afterDelete", a)))).db();
    SdAuthor ann = author(db, "ann", 1);
    assertEquals(1L, await(SdAuthors.deleteById(ann.id()).exec(db)));
    assertEquals(List.of("beforeUpdate ann live", "afterUpdate ann deleted"), seen);
    seen.clear();
    assertEquals(1L, await(SdAuthors.filterById(ann.id()).restore().exec(db)));
    assertEquals(List.of("beforeUpdate ann deleted", "afterUpdate ann live"), seen);
    seen.clear();
    assertEquals(1L, await(SdAuthors.filterById(ann.id()).purge().exec(db)));
    assertEquals(List.of("beforeDelete ann live", "afterDelete ann live"), seen);
  }

  private static Mono<Void> saw(List<String> seen, String kind, SdAuthor a) {
    return Mono.fromRunnable(() -> seen.add(kind + " " + a.name() + " "
        + (a.deletedAt().isPresent() ? "deleted" : "live")));
  }

  /**
   * A change stream reports a soft delete as DELETED (the record is gone from every read), a
   * restore as UPDATED with the live record, and a purge of a deleted record as DELETED again.
   */
  @BackendTest
  @Requires(Need.CHANGE_STREAMS)
  public void changeStreamsReportASoftDeleteAsADelete(Db db) {
    try (Watch watch = Watch.of(SdChores.changes(db))) {
      await(SdChores.create().code("a").points(1).exec(db));
      assertEquals(Change.Kind.CREATED, watch.next().kind());
      await(SdChores.deleteByCode("a").exec(db));
      Change<SdChore> deleted = watch.next();
      assertEquals(Change.Kind.DELETED, deleted.kind());
      assertNull(deleted.record());
      assertEquals(1L, await(SdChores.filterByCode("a").restore().exec(db)));
      Change<SdChore> restored = watch.next();
      assertEquals(Change.Kind.UPDATED, restored.kind());
      assertEquals(new SdChore("a", 1, Optional.empty()), restored.record());
      await(SdChores.deleteByCode("a").exec(db));
      assertEquals(Change.Kind.DELETED, watch.next().kind());
      assertEquals(1L, await(SdChores.filterByCode("a").purge().exec(db)));
      assertEquals(Change.Kind.DELETED, watch.next().kind());
    }
  }

  /**
   * A path query starts at, passes through and reaches live records only: a deleted task breaks
   * the chain it was in; {@code withDeleted()} follows it whole.
   */
  @BackendTest
  @Requires(Need.PATH_QUERIES)
  public void pathQueriesPassLiveRecordsOnly(Db db) {
    SdTask design = await(SdTasks.create().title("design").exec(db));
    SdTask build = await(SdTasks.create().title("build").blocker(design).exec(db));
    await(SdTasks.create().title("ship").blocker(build).exec(db));
    assertEquals(List.of("build:1", "design:2"), reached(db, upFrom("ship")));
    await(SdTasks.deleteById(design.id()).exec(db));
    assertEquals(List.of("build:1"), reached(db, upFrom("ship")));
    await(SdTasks.deleteById(build.id()).exec(db));
    assertEquals(List.of(), reached(db, upFrom("ship")));
    assertEquals(List.of(), reached(db, upFrom("build")));
    assertTrue(await(upFrom("ship").shortestTo(SdTasks.TITLE.eq("design"), db)
        .map(r -> List.of(r)).defaultIfEmpty(List.of())).isEmpty());
    assertEquals(List.of("build:1", "design:2"), reached(db, upFrom("ship").withDeleted()));
    assertEquals(2, await(upFrom("ship").withDeleted()
        .shortestTo(SdTasks.TITLE.eq("design"), db)).length());
  }

  private static PathQuery<SdTask> upFrom(String title) {
    return PathQuery.from(SdTasks.MODEL, SdTasks.TITLE.eq(title))
        .along(SdTasks.BLOCKER.repeat(1, 5));
  }

  private static List<String> reached(Db db, PathQuery<SdTask> path) {
    return awaitAll(path.reached(db)).stream().map(r -> r.record().title() + ":" + r.length())
        .sorted().toList();
  }

  /**
   * A restore restores what its records' deletes cascaded to: the children with a timestamp
   * marker deleted at their parent's deletion time, not one deleted before it; a child with a
   * flag marker stays deleted (a flag cannot tell a cascaded delete from an earlier one).
   */
  @BackendTest
  public void restoreRestoresWhatTheDeleteCascadedTo(Db db, TckClock clock) {
    clock.set(Instant.parse("2026-01-01T00:00:00Z"));
    SdAuthor ann = author(db, "ann", 1);
    SdAuthor bob = author(db, "bob", 2);
    post(db, ann, "p1", 1);
    await(SdReviews.create().authorId(ann.id()).text("early").exec(db));
    await(SdReviews.create().authorId(ann.id()).text("r1").exec(db));
    await(SdReviews.create().authorId(bob.id()).text("b1").exec(db));
    await(SdReviews.filter(SdReviews.TEXT.eq("early")).delete().exec(db));
    clock.advance(Duration.ofSeconds(1));
    await(SdAuthors.all().delete().exec(db));
    assertEquals(0L, await(SdReviews.all().count(db)));
    assertEquals(1L, await(SdAuthors.filterById(ann.id()).restore().exec(db)));
    assertEquals(List.of("r1"), await(SdReviews.all().collect(db)).stream()
        .map(SdReview::text).toList());
    assertEquals(0L, await(SdPosts.all().count(db)));
    assertEquals(List.of("ann"), names(await(SdAuthors.all().collect(db))));
  }
}
