package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.CardinalityException;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.ToastyException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.reactive.Tx;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.SoleItem;
import io.toasty.tck.models.SoleItemCreate;
import io.toasty.tck.models.SoleItems;
import io.toasty.tck.models.SoleOwner;
import io.toasty.tck.models.SoleOwners;
import io.toasty.tck.models.SoleShelf;
import io.toasty.tck.models.SoleShelfs;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A required has-one ({@code SoleOwner.item}: exactly one) on every write path: a delete of the
 * item, a move to another owner, an unlink, a second item, a delete cascading from another model
 * and an owner created without its item each fail ({@link CardinalityException#required()}, or
 * {@link InvalidStatementException} before sending for a create) and write nothing. The check
 * runs when the transaction ends, so a transaction or a batch may replace the item; deleting the
 * owner is allowed. On DynamoDB the owner's item keeps a counter instead
 * ({@code toasty.count.item}), conditioned in the write's TransactWriteItems.
 */
@Models({SoleOwners.class, SoleItems.class, SoleShelfs.class})
public abstract class RequiredHasOneScenarios {
  /** How many subscribers race to delete or replace the one item. */
  private static final int RACERS = 20;

  private static SoleShelf shelf(Db db) {
    return await(SoleShelfs.create().name("shelf").exec(db));
  }

  private static SoleItemCreate item(SoleShelf shelf, String label) {
    return SoleItems.create().shelfId(shelf.id()).label(label);
  }

  private static SoleOwner owner(Db db, SoleShelf shelf, String name) {
    return await(SoleOwners.create().name(name).item(item(shelf, name + "-item")).exec(db));
  }

  private static List<String> items(Db db, UUID owner) {
    return awaitAll(SoleItems.filterByOwnerId(owner).stream(db)).stream()
        .map(SoleItem::label).toList();
  }

  private static void assertRequired(CardinalityException e, long count) {
    assertTrue(e.required(), e::getMessage);
    assertEquals("SoleOwner", e.model().orElseThrow(), e::getMessage);
    assertEquals("item", e.relation(), e::getMessage);
    assertEquals(count, e.count(), e::getMessage);
    assertTrue(e.getMessage().contains("SoleOwner.item: a required has-one: exactly 1"),
        e::getMessage);
    assertTrue(e.getMessage().contains("SoleOwner(id = "), e::getMessage);
  }

  /**
   * How many of {@link #RACERS} concurrent {@code write}s succeed; each must succeed or fail
   * with an error {@code lost} accepts.
   */
  private static int landed(Function<Integer, Mono<?>> write, Predicate<Throwable> lost) {
    List<Integer> each = await(Flux.range(0, RACERS)
        .flatMap(i -> write.apply(i).map(r -> 1).onErrorResume(lost, e -> Mono.just(0)), RACERS)
        .collectList());
    assertEquals(RACERS, each.size(), each::toString);
    return each.stream().mapToInt(Integer::intValue).sum();
  }

  private static CardinalityException refused(Supplier<? extends Mono<?>> write) {
    return failure(CardinalityException.class, write);
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void aCreateWithoutTheItemIsRefusedBeforeSending(Db db, OperationLog log) {
    log.clear();
    failure(InvalidStatementException.class, () -> SoleOwners.create().name("a").exec(db));
    failure(InvalidStatementException.class, () -> SoleOwners.createMany(List.of(
        SoleOwners.create().name("b"), SoleOwners.create().name("c"))).exec(db));
    failure(InvalidStatementException.class,
        () -> SoleOwners.upsert().id(UUID.randomUUID()).name("d").exec(db));
    assertEquals(0, log.size(), log::toString);
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void deletingTheItemIsRefused(Db db) {
    SoleShelf s = shelf(db);
    SoleOwner a = owner(db, s, "a");
    SoleItem it = a.item().get();
    CardinalityException e = refused(() -> SoleItems.deleteById(it.id()).exec(db));
    assertRequired(e, 0);
    assertTrue(e.getMessage().contains(a.id().toString()), e::getMessage);
    assertEquals(List.of("a-item"), items(db, a.id()));
    refused(() -> SoleItems.filter(SoleItems.LABEL.eq("a-item")).delete().exec(db));
    assertEquals(List.of("a-item"), items(db, a.id()));
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void movingOrUnlinkingTheItemIsRefused(Db db) {
    SoleShelf s = shelf(db);
    SoleOwner a = owner(db, s, "a");
    SoleOwner b = owner(db, s, "b");
    UUID itemA = a.item().get().id();
    CardinalityException moved = refused(
        () -> SoleItems.updateById(itemA).ownerId(Optional.of(b.id())).exec(db));
    assertTrue(moved.required(), moved::getMessage);
    CardinalityException unlinked = refused(
        () -> SoleItems.updateById(itemA).ownerId(Optional.empty()).exec(db));
    assertRequired(unlinked, 0);
    assertEquals(List.of("a-item"), items(db, a.id()));
    assertEquals(List.of("b-item"), items(db, b.id()));
    await(SoleItems.updateById(itemA).label("renamed").exec(db)); // not its key: unchecked
    assertEquals(List.of("renamed"), items(db, a.id()));
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void aSecondItemIsRefused(Db db) {
    SoleShelf s = shelf(db);
    SoleOwner a = owner(db, s, "a");
    assertRequired(refused(() -> a.item().create(item(s, "second")).exec(db)), 2);
    assertRequired(refused(() -> item(s, "third").ownerId(Optional.of(a.id())).exec(db)), 2);
    SoleItem loose = await(item(s, "loose").exec(db));
    assertRequired(refused(() -> SoleItems.updateById(loose.id()).ownerId(Optional.of(a.id()))
        .exec(db)), 2);
    assertEquals(List.of("a-item"), items(db, a.id()));
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void aCascadeFromAnotherModelIsRefused(Db db) {
    SoleShelf s = shelf(db);
    SoleOwner a = owner(db, s, "a");
    assertRequired(refused(() -> SoleShelfs.deleteById(s.id()).exec(db)), 0);
    assertEquals(List.of("a-item"), items(db, a.id()));
    assertEquals(1, awaitAll(SoleShelfs.all().stream(db)).size());
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void deletingTheOwnerIsAllowed(Db db) {
    SoleShelf s = shelf(db);
    SoleOwner a = owner(db, s, "a");
    SoleItem it = a.item().get();
    assertEquals(1L, await(SoleOwners.deleteById(a.id()).exec(db)));
    assertEquals(Optional.empty(), await(SoleItems.getById(db, it.id())).ownerId());
    SoleItem free = await(SoleItems.getById(db, it.id()));
    await(SoleItems.deleteById(free.id()).exec(db)); // no owner: nothing to keep
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void aBatchReplacesTheItem(Db db) {
    SoleShelf s = shelf(db);
    SoleOwner a = owner(db, s, "a");
    UUID old = a.item().get().id();
    await(Toasty.batch(SoleItems.deleteById(old), item(s, "new").ownerId(Optional.of(a.id()))
    ).exec(db));
    assertEquals(List.of("new"), items(db, a.id()));
  }

  @BackendTest
  @Requires({Need.INTERACTIVE_TRANSACTIONS, Need.CARDINALITY})
  public void aTransactionReplacesOrSwapsAndIsCheckedAtItsEnd(Db db) {
    SoleShelf s = shelf(db);
    SoleOwner a = owner(db, s, "a");
    SoleOwner b = owner(db, s, "b");
    UUID itemA = a.item().get().id();
    UUID itemB = b.item().get().id();
    await(db.transactionMono(tx -> SoleItems.deleteById(itemA).exec(tx)
        .then(item(s, "a2").ownerId(Optional.of(a.id())).exec(tx))));
    assertEquals(List.of("a2"), items(db, a.id()));
    UUID a2 = awaitAll(SoleItems.filterByOwnerId(a.id()).stream(db)).get(0).id();
    await(db.transactionMono(tx -> SoleItems.updateById(a2).ownerId(Optional.of(b.id()))
        .exec(tx).then(SoleItems.updateById(itemB).ownerId(Optional.of(a.id())).exec(tx))));
    assertEquals(List.of("b-item"), items(db, a.id()));
    assertEquals(List.of("a2"), items(db, b.id()));
    assertRequired(refused(() -> db.transactionMono(tx -> SoleItems.deleteById(itemB).exec(tx))),
        0);
    CardinalityException manual = refused(() -> Mono.usingWhen(db.begin(),
        tx -> SoleItems.deleteById(itemB).exec(tx).then(tx.commit()),
        tx -> Mono.empty(), (tx, e) -> tx.rollback(), Tx::rollback));
    assertRequired(manual, 0);
    assertEquals(List.of("b-item"), items(db, a.id()));
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void racingDeletesLeaveTheItem(Db db) {
    SoleShelf s = shelf(db);
    SoleOwner a = owner(db, s, "a");
    UUID it = a.item().get().id();
    assertEquals(0, landed(i -> SoleItems.deleteById(it).exec(db),
        e -> e instanceof CardinalityException));
    assertEquals(List.of("a-item"), items(db, a.id()));
  }

  /**
   * Twenty batches each replace the item: one lands; the others fail, with the check's error,
   * or because the item they delete is gone (DynamoDB's atomic batch), or as transient
   * (MariaDB's gap locks may deadlock two of them: retry such a batch).
   */
  @BackendTest
  @Requires(Need.CARDINALITY)
  public void racingReplacementsLandOnce(Db db) {
    SoleShelf s = shelf(db);
    SoleOwner a = owner(db, s, "a");
    UUID old = a.item().get().id();
    assertEquals(1, landed(i -> Toasty.batch(SoleItems.deleteById(old),
            item(s, "r" + i).ownerId(Optional.of(a.id()))).exec(db),
        e -> e instanceof CardinalityException || e instanceof RecordNotFoundException
            || e instanceof ToastyException t && t.isTransient()));
    assertEquals(1, items(db, a.id()).size());
  }
}
