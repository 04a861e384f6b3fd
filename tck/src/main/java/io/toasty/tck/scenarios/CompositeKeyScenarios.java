package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Expr;
import io.toasty.driver.Operation;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.OperationLog;
import io.toasty.tck.models.TenantItem;
import io.toasty.tck.models.TenantItems;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import reactor.util.function.Tuples;

/** A primary key of two fields, (tenant, id): finders take both, in key order. */
@Models(TenantItems.class)
public abstract class CompositeKeyScenarios {

  static TenantItem item(Db db, String tenant, long id, String name) {
    return await(TenantItems.create().tenant(tenant).id(id).name(name).exec(db));
  }

  static List<TenantItem> all(Db db) {
    return await(TenantItems.all().collect(db)).stream()
        .sorted(Comparator.comparing(TenantItem::tenant).thenComparingLong(TenantItem::id))
        .toList();
  }

  /**
   * Ordered by the sort key within one partition, either way, with a limit and an offset: a
   * key-value backend reads the partition forward or backward and stops when it has enough.
   */
  @BackendTest
  public void orderBySortKeyWithinAPartitionEitherWay(Db db) {
    for (long id : List.of(3L, 1L, 5L, 2L, 4L)) {
      item(db, "acme", id, "n" + id);
    }
    item(db, "bolt", 9, "other");
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(await(TenantItems.filter(
        TenantItems.TENANT.eq("acme")).orderBy(TenantItems.ID.asc()).collect(db))));
    assertEquals(List.of(5L, 4L, 3L), ids(await(TenantItems.filter(
        TenantItems.TENANT.eq("acme")).orderBy(TenantItems.ID.desc()).limit(3).collect(db))));
    assertEquals(List.of(4L, 3L), ids(await(TenantItems.filter(
        TenantItems.TENANT.eq("acme").and(TenantItems.NAME.ne("n2")))
        .orderBy(TenantItems.ID.desc()).limit(2).offset(1).collect(db))));
  }

  private static List<Long> ids(List<TenantItem> items) {
    return items.stream().map(TenantItem::id).toList();
  }

  @BackendTest
  public void createAndGetByBothKeyFields(Db db) {
    TenantItem a = item(db, "acme", 1, "anvil");
    assertEquals(new TenantItem("acme", 1, "anvil"), a);
    assertEquals(a, await(TenantItems.getByTenantAndId(db, "acme", 1L)));
  }

  @BackendTest
  public void sameIdUnderTwoTenantsAreTwoRecords(Db db) {
    item(db, "acme", 1, "anvil");
    item(db, "bolt", 1, "bolt cutter");
    assertEquals("anvil", await(TenantItems.getByTenantAndId(db, "acme", 1L)).name());
    assertEquals("bolt cutter", await(TenantItems.getByTenantAndId(db, "bolt", 1L)).name());
    assertEquals(2, all(db).size());
  }

  @BackendTest
  public void getByAMissingPairNamesBothFields(Db db) {
    item(db, "acme", 1, "anvil");
    RecordNotFoundException e = failure(RecordNotFoundException.class,
        () -> TenantItems.getByTenantAndId(db, "acme", 2L));
    assertEquals(Optional.of("TenantItem"), e.model());
    assertTrue(e.getMessage().contains("tenant") && e.getMessage().contains("id"),
        e::getMessage);
  }

  @BackendTest
  public void duplicatePairIsAUniqueViolationAndChangesNothing(Db db) {
    item(db, "acme", 1, "anvil");
    UniqueViolationException e = failure(UniqueViolationException.class,
        () -> TenantItems.create().tenant("acme").id(1).name("other").exec(db));
    assertEquals(Optional.of("TenantItem"), e.model());
    assertEquals(List.of(new TenantItem("acme", 1, "anvil")), all(db));
  }

  @BackendTest
  public void filterByBothKeyFields(Db db) {
    item(db, "acme", 1, "anvil");
    item(db, "acme", 2, "axe");
    item(db, "bolt", 2, "bolt");
    assertEquals(List.of(new TenantItem("acme", 2, "axe")),
        await(TenantItems.filterByTenantAndId("acme", 2L).collect(db)));
  }

  @BackendTest
  public void filterOnTheFirstKeyFieldListsThatTenant(Db db) {
    item(db, "acme", 1, "anvil");
    item(db, "acme", 2, "axe");
    item(db, "bolt", 1, "bolt");
    List<TenantItem> acme = await(TenantItems.filter(TenantItems.TENANT.eq("acme")).collect(db));
    assertEquals(List.of("anvil", "axe"), acme.stream().map(TenantItem::name).sorted().toList());
  }

  @BackendTest
  public void updateByBothKeyFieldsChangesOneRecord(Db db) {
    item(db, "acme", 1, "anvil");
    item(db, "bolt", 1, "bolt");
    assertEquals(1L, await(TenantItems.updateByTenantAndId("acme", 1L).name("ANVIL").exec(db)));
    assertEquals(List.of(new TenantItem("acme", 1, "ANVIL"), new TenantItem("bolt", 1, "bolt")),
        all(db));
  }

  @BackendTest
  public void instanceUpdateAndDeleteUseTheWholeKey(Db db) {
    TenantItem a = item(db, "acme", 1, "anvil");
    TenantItem b = item(db, "bolt", 1, "bolt");
    assertEquals(new TenantItem("acme", 1, "ANVIL"),
        await(TenantItems.update(a).name("ANVIL").exec(db)));
    assertEquals(1L, await(TenantItems.delete(b).exec(db)));
    assertEquals(List.of(new TenantItem("acme", 1, "ANVIL")), all(db));
  }

  @BackendTest
  public void deleteByBothKeyFieldsRemovesOneRecord(Db db) {
    item(db, "acme", 1, "anvil");
    item(db, "acme", 2, "axe");
    item(db, "bolt", 1, "bolt");
    assertEquals(1L, await(TenantItems.deleteByTenantAndId("acme", 1L).exec(db)));
    assertEquals(List.of(new TenantItem("acme", 2, "axe"), new TenantItem("bolt", 1, "bolt")),
        all(db));
  }

  /**
   * A tuple of the key fields in a list of pairs matches exactly the listed pairs, not their
   * cross product; an empty list matches nothing, and {@code notIn} of it everything.
   */
  @BackendTest
  public void tupleInMatchesExactlyTheListedPairs(Db db, OperationLog log) {
    item(db, "acme", 1, "anvil");
    item(db, "acme", 2, "axe");
    item(db, "bolt", 1, "bolt");
    item(db, "bolt", 2, "brace");
    var key = Expr.tuple(TenantItems.TENANT, TenantItems.ID);
    log.clear();
    assertEquals(List.of("anvil", "brace"), names(await(TenantItems.filter(
        key.in(Tuples.of("acme", 1L), Tuples.of("bolt", 2L), Tuples.of("cozy", 1L)))
        .collect(db))));
    // One read: row values on SQL, the listed keys read by key on a key-value backend.
    assertEquals(1, log.size(), log::toString);
    assertEquals(db.capability().sql() ? Operation.QuerySql.class : Operation.GetByKey.class,
        log.operations().get(0).getClass());
    assertEquals(List.of("axe", "bolt"), names(await(TenantItems.filter(
        key.notIn(Tuples.of("acme", 1L), Tuples.of("bolt", 2L))).collect(db))));
    assertEquals(List.of("axe"), names(await(TenantItems.filter(
        key.in(List.of(Tuples.of("acme", 2L))).and(TenantItems.NAME.startsWith("a")))
        .collect(db))));
  }

  @BackendTest
  public void tupleInAnEmptyListMatchesNothingAndNotInEverything(Db db) {
    item(db, "acme", 1, "anvil");
    item(db, "bolt", 2, "brace");
    var key = Expr.tuple(TenantItems.TENANT, TenantItems.ID);
    assertEquals(List.of(), await(TenantItems.filter(key.in(List.of())).collect(db)));
    assertEquals(List.of("anvil", "brace"), names(await(TenantItems.filter(
        key.notIn(List.of())).collect(db))));
  }

  /** A tuple over fields that are not the key: the backend's own filter, or a scan. */
  @BackendTest
  public void tupleInOverOtherFields(Db db) {
    item(db, "acme", 1, "anvil");
    item(db, "acme", 2, "axe");
    item(db, "bolt", 3, "anvil");
    var pair = Expr.tuple(TenantItems.NAME, TenantItems.TENANT);
    assertEquals(List.of(1L, 3L), ids(sortedIds(await(TenantItems.filter(
        pair.in(Tuples.of("anvil", "acme"), Tuples.of("anvil", "bolt"))).collect(db)))));
    assertEquals(List.of(2L), ids(await(TenantItems.filter(
        pair.notIn(Tuples.of("anvil", "acme"), Tuples.of("anvil", "bolt"))).collect(db))));
  }

  private static List<TenantItem> sortedIds(List<TenantItem> items) {
    return items.stream().sorted(Comparator.comparingLong(TenantItem::id)).toList();
  }

  private static List<String> names(List<TenantItem> items) {
    return items.stream().map(TenantItem::name).sorted().toList();
  }
}
