package io.toasty.docs.batches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.docs.DynamoLocal;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.util.function.Tuple3;

/** Runs the examples of docs/batches.md on H2, and the DynamoDB ones on DynamoDB Local. */
class BatchesGuideTest {

  @Test
  void theGuideRunsAsWrittenOnH2() {
    Db db = BatchesGuide.open("r2dbc:h2:mem:///batches-guide");
    try {
      tour(db);
      assertEquals(List.of("A", "B", "C"), BatchesGuide.many(db, List.of("A", "B", "C")).stream()
          .map(Product::sku).toList());
      UUID kettle = Products.getBySku(db, "KETTLE-1").block().id();
      Map<UUID, Long> stocks = new LinkedHashMap<>();
      stocks.put(Products.getBySku(db, "A").block().id(), 7L);
      stocks.put(UUID.randomUUID(), 8L);
      stocks.put(Products.getBySku(db, "C").block().id(), 9L);
      assertEquals(List.of(1L, 0L, 1L), BatchesGuide.setStocks(db, stocks));
      assertEquals(List.of(7L, 0L, 9L), Flux.just("A", "B", "C")
          .concatMap(sku -> Products.getBySku(db, sku)).map(Product::stock).collectList().block());
      assertEquals(34L, BatchesGuide.inTransaction(db, kettle).block());
      assertEquals(1, Products.filterBySku("RECEIPT-35").collect(db).block().size());
      assertEquals(1L, BatchesGuide.mixedOnDynamo(db, kettle));
      assertEquals(5_000, BatchesGuide.importAll(db, 5_000));
      List<Long> updated = BatchesGuide.restockAll(db,
          Products.filter(Products.SKU.startsWith("SKU-1")).stream(db));
      assertEquals(1_111, updated.size());
      assertEquals(117L, Products.getBySku(db, "SKU-17").block().stock());
      List<Product> restocked = BatchesGuide.restockEach(db,
          Products.filter(Products.SKU.startsWith("SKU-2")).stream(db));
      assertEquals(1_111, restocked.size());
      assertEquals(List.of(127L), restocked.stream().filter(p -> p.sku().equals("SKU-27"))
          .map(Product::stock).toList());
      assertEquals(Collections.nCopies(1_111, 1L), BatchesGuide.removeAll(db,
          Products.filter(Products.SKU.startsWith("SKU-3")).stream(db).map(Product::id)));
      assertEquals(List.of(), Products.filter(Products.SKU.startsWith("SKU-3")).collect(db)
          .block());
      Flux<ProductCreate> dup = Flux.just(
          Products.create().sku("NEW-1").name("n").stock(0),
          Products.create().sku("SKU-1").name("taken").stock(0));
      assertThrows(UniqueViolationException.class,
          () -> BatchesGuide.allOrNothing(db, dup).block());
      assertEquals(Optional.empty(), Products.filterBySku("NEW-1").first(db).blockOptional());
    } finally {
      db.close().block();
    }
  }

  @Test
  void theDynamoDbExamplesRunOnDynamoDbLocal() throws Exception {
    try (DynamoLocal local = DynamoLocal.start()) {
      Db db = BatchesGuide.open(local.url("batches_"));
      try {
        UUID kettle = tour(db);
        assertEquals(1L, BatchesGuide.mixedOnDynamo(db, kettle));
        assertEquals(3, BatchesGuide.many(db, List.of("A", "B", "C")).size());
      } finally {
        db.close().block();
      }
    }
  }

  /** The examples every backend runs; returns the kettle's key. */
  private static UUID tour(Db db) {
    Product kettle = Products.create().sku("KETTLE-1").name("Kettle").stock(25).exec(db).block();
    Product toaster = Products.create().sku("TOASTER-1").name("Toaster").stock(3).exec(db)
        .block();
    Tuple3<Product, Long, Long> r = BatchesGuide.restock(db, kettle.id(), toaster.id());
    assertEquals("MUG-1", r.getT1().sku());
    assertEquals(1L, r.getT2());
    assertEquals(1L, r.getT3());
    assertEquals(35L, Products.getById(db, kettle.id()).block().stock());

    Tuple3<Product, Optional<Product>, List<Product>> read = BatchesGuide.reads(db, kettle.id());
    assertEquals("Kettle", read.getT1().name());
    assertEquals(Optional.empty(), read.getT2());
    assertEquals(List.of(), read.getT3());

    assertEquals("nothing created: sku taken", BatchesGuide.rolledBack(db));
    assertEquals(Optional.empty(), Products.filterBySku("PAN-1").first(db).blockOptional());
    return kettle.id();
  }
}
