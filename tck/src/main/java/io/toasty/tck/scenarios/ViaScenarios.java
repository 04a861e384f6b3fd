package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static io.toasty.tck.scenarios.Fixtures.sortedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Region;
import io.toasty.tck.models.Regions;
import io.toasty.tck.models.Sale;
import io.toasty.tck.models.SaleLine;
import io.toasty.tck.models.SaleLines;
import io.toasty.tck.models.Sales;
import io.toasty.tck.models.Store;
import io.toasty.tck.models.Stores;
import java.util.List;

/**
 * Multi-step {@code via} relations: a region's sales through its stores
 * ({@code @HasMany.Via("stores.sales")}) and their lines ({@code "stores.sales.lines"}), for
 * include, relation filters and queries through the handle; such a relation is read-only.
 */
@Models({Regions.class, Stores.class, Sales.class, SaleLines.class})
public abstract class ViaScenarios {

  record Data(Region north, Region south, Region east) {}

  /** North: two stores, sales 5, 20 and 50; south: one store, sale 7; east: no store. */
  static Data data(Db db) {
    Region north = await(Regions.create().name("north").exec(db));
    Region south = await(Regions.create().name("south").exec(db));
    Region east = await(Regions.create().name("east").exec(db));
    Store n1 = await(Stores.create().name("n1").region(north).exec(db));
    Store n2 = await(Stores.create().name("n2").region(north).exec(db));
    Store s1 = await(Stores.create().name("s1").region(south).exec(db));
    Sale a = await(Sales.create().amount(5).store(n1).exec(db));
    await(Sales.create().amount(20).store(n2).exec(db));
    await(Sales.create().amount(50).store(n1).exec(db));
    Sale d = await(Sales.create().amount(7).store(s1).exec(db));
    await(SaleLines.create().sku("apple").sale(a).exec(db));
    await(SaleLines.create().sku("pear").sale(a).exec(db));
    await(SaleLines.create().sku("plum").sale(d).exec(db));
    return new Data(north, south, east);
  }

  @BackendTest
  public void includeFollowsEachStep(Db db, OperationLog log, Capability capability) {
    data(db);
    log.clear();
    List<Region> regions = sortedBy(await(Regions.all().include(Regions.SALES).collect(db)),
        Region::name);
    // regions, their stores, the stores' sales: one query per step
    assertEquals(3, log.size(), log::toString);
    assertEquals(List.of(), amounts(regions.get(0).sales().get()));
    assertEquals(List.of(5, 20, 50), sortedAmounts(regions.get(1).sales().get()));
    assertEquals(List.of(7), amounts(regions.get(2).sales().get()));
  }

  @BackendTest
  public void includeFollowsThreeSteps(Db db, OperationLog log) {
    Data d = data(db);
    log.clear();
    Region north = await(Regions.filterById(d.north().id()).include(Regions.LINES).get(db));
    assertEquals(4, log.size(), log::toString);
    assertEquals(List.of("apple", "pear"), north.lines().get().stream().map(SaleLine::sku)
        .sorted().toList());
    Region east = await(Regions.filterById(d.east().id()).include(Regions.LINES).get(db));
    assertEquals(List.of(), east.lines().get());
  }

  @BackendTest
  public void includeHonoursItsFilterAndNests(Db db, OperationLog log) {
    data(db);
    log.clear();
    List<Region> regions = sortedBy(await(Regions.all()
        .include(Regions.SALES.filter(Sales.AMOUNT.gt(6)).then(Sales.LINES)).collect(db)),
        Region::name);
    // regions, their stores, the stores' sales, the sales' lines: one query per step and level
    assertEquals(4, log.size(), log::toString);
    assertEquals(List.of(20, 50), sortedAmounts(regions.get(1).sales().get()));
    Sale seven = regions.get(2).sales().get().get(0);
    assertEquals(7, seven.amount());
    assertEquals(List.of("plum"), seven.lines().get().stream().map(SaleLine::sku).toList());
  }

  /** Inside a transaction (one connection) still one query per step. */
  @BackendTest
  @Requires(Need.INTERACTIVE_TRANSACTIONS)
  public void insideATransactionOneQueryPerStep(Db db, OperationLog log) {
    data(db);
    log.clear();
    List<Region> regions = sortedBy(Tck.awaitAll(db.transaction(tx -> Regions.all()
        .include(Regions.SALES, Regions.LINES).stream(tx))), Region::name);
    // regions; stores and sales for SALES; stores, sales and lines for LINES
    assertEquals(6, log.size() - log.count(Operation.Transaction.class),
        log::toString);
    assertEquals(List.of(5, 20, 50), sortedAmounts(regions.get(1).sales().get()));
    assertEquals(List.of("plum"), regions.get(2).lines().get().stream().map(SaleLine::sku)
        .toList());
  }

  @BackendTest
  public void anOrderedIncludeIsRefused(Db db) {
    data(db);
    UnsupportedFeatureException e = failure(UnsupportedFeatureException.class,
        () -> Regions.all().include(Regions.SALES.orderBy(Sales.AMOUNT.desc())).collect(db));
    assertEquals(Feature.INCLUDE_SHAPE, e.feature());
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void relationFiltersFollowEachStep(Db db) {
    data(db);
    assertEquals(List.of("north"), names(await(Regions.filter(Regions.SALES.any(
        Sales.AMOUNT.gt(10))).collect(db))));
    assertEquals(List.of("east", "south"), names(sortedBy(await(Regions.filter(
        Regions.SALES.none(Sales.AMOUNT.gt(10))).collect(db)), Region::name)));
    assertEquals(List.of("south"), names(await(Regions.filter(Regions.LINES.any(
        SaleLines.SKU.eq("plum"))).collect(db))));
  }

  /**
   * A relation through several steps is not counted (a record reached along two paths would
   * count twice): refused by the planner, naming the relation, before anything is sent.
   */
  @BackendTest
  public void aViaRelationIsNotCounted(Db db, OperationLog log) {
    data(db);
    log.clear();
    InvalidStatementException e = failure(InvalidStatementException.class,
        () -> Regions.filter(Regions.SALES.count().ge(2)).collect(db));
    assertEquals("sales", e.field().orElseThrow());
    assertEquals(0, log.size(), log::toString);
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void theHandleQueriesThroughEachStep(Db db) {
    Data d = data(db);
    assertEquals(List.of(50, 20, 5), amounts(await(d.north().sales()
        .orderBy(Sales.AMOUNT.desc()).collect(db))));
    assertEquals(3L, await(d.north().sales().count(db)));
    assertEquals(List.of("plum"), await(d.south().lines().collect(db)).stream()
        .map(SaleLine::sku).toList());
    assertEquals(List.of(), await(d.east().sales().collect(db)));
  }

  @BackendTest
  public void aViaRelationIsReadOnly(Db db) {
    Data d = data(db);
    Sale seven = await(Sales.filter(Sales.AMOUNT.eq(7)).first(db));
    InvalidStatementException e = failure(InvalidStatementException.class,
        () -> d.north().sales().insert(db, seven));
    assertEquals("sales", e.field().orElseThrow());
    failure(InvalidStatementException.class, () -> d.north().sales().remove(db, seven));
    assertEquals(1L, await(Sales.filter(Sales.AMOUNT.eq(7)).count(db)));
  }

  static List<Integer> amounts(List<Sale> sales) {
    return sales.stream().map(Sale::amount).toList();
  }

  static List<Integer> sortedAmounts(List<Sale> sales) {
    return sales.stream().map(Sale::amount).sorted().toList();
  }

  static List<String> names(List<Region> regions) {
    return regions.stream().map(Region::name).toList();
  }
}
