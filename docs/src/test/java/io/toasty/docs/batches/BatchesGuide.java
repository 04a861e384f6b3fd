package io.toasty.docs.batches;

import io.toasty.Bulk;
import io.toasty.Statement;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;

/** The examples of {@code docs/batches.md}, run by {@link BatchesGuideTest}. */
final class BatchesGuide {
  private BatchesGuide() {}

  static Db open(String url) {
    Db db = Toasty.builder().models(Products.MODEL).url(url).build();
    db.schema().push().block();
    return db;
  }

  static Tuple3<Product, Long, Long> restock(Db db, UUID kettle, UUID toaster) {
    // snippet: batch-tuple
    Mono<Tuple3<Product, Long, Long>> done = Toasty.batch(
        Products.create().sku("MUG-1").name("Mug").stock(40),
        Products.updateById(kettle).stock(Products.STOCK.plus(10L)),
        Products.deleteById(toaster)).exec(db);
    // end-snippet
    return done.block();
  }

  static Tuple3<Product, Optional<Product>, List<Product>> reads(Db db, UUID kettle) {
    // snippet: batch-reads
    Mono<Tuple3<Product, Optional<Product>, List<Product>>> page = Toasty.batch(
        Products.filterById(kettle).asOne(),              // like get(): fails if missing
        Products.filterBySku("TOASTER-1").asOptional(),   // like first(): empty if missing
        Products.filter(Products.STOCK.lt(20L)).asList()  // like collect()
    ).exec(db);
    // end-snippet
    return page.block();
  }

  static List<Product> many(Db db, List<String> skus) {
    // snippet: batch-list
    List<Statement<Product>> creates = skus.stream()
        .map(sku -> (Statement<Product>) Products.create().sku(sku).name(sku).stock(0))
        .toList();
    Mono<List<Product>> created = Toasty.batch(creates).exec(db);
    // end-snippet
    return created.block();
  }

  static List<Long> setStocks(Db db, Map<UUID, Long> stocks) {
    // snippet: batch-key-updates
    List<Statement<Long>> updates = stocks.entrySet().stream()
        .map(e -> (Statement<Long>) Products.updateById(e.getKey()).stock(e.getValue()))
        .toList();
    Mono<List<Long>> counts = Toasty.batch(updates).exec(db);  // 1 each, 0 for a key not stored
    // end-snippet
    return counts.block();
  }

  static String rolledBack(Db db) {
    // snippet: batch-rollback
    Mono<String> outcome = Toasty.batch(
            Products.create().sku("PAN-1").name("Pan").stock(5),
            Products.create().sku("MUG-1").name("Another mug").stock(1))  // MUG-1 is taken
        .exec(db)
        .map(both -> "created both")
        .onErrorResume(UniqueViolationException.class,
            e -> Mono.just("nothing created: " + e.field().orElse("?") + " taken"));
    // end-snippet
    return outcome.block();
  }

  static Mono<Long> inTransaction(Db db, UUID kettle) {
    // snippet: batch-in-transaction
    Mono<Long> sold = db.transactionMono(tx -> Products.getById(tx, kettle)
        .flatMap(k -> Toasty.batch(
                Products.update(k).stock(k.stock() - 1),
                Products.create().sku("RECEIPT-" + k.stock()).name("receipt").stock(0))
            .exec(tx))
        .map(r -> r.getT1().stock()));
    // end-snippet
    return sold;
  }

  static long importAll(Db db, int count) {
    // snippet: bulk-create-all
    Flux<ProductCreate> rows = Flux.range(0, count)            // any source: a file, a queue..
        .map(i -> Products.create().sku("SKU-" + i).name("item " + i).stock(i % 50));
    Mono<Long> stored = Products.createAll(rows)   // chunks of multi-row inserts, in order
        .exec(db)                                  // Flux<Product>: each record as stored
        .count();
    // end-snippet
    return stored.block();
  }

  static List<Long> restockAll(Db db, Flux<Product> products) {
    // snippet: bulk-exec-all
    Flux<Long> updated = Bulk.execAll(products
            .map(p -> Products.updateById(p.id()).stock(p.stock() + 100)))
        .chunkSize(100)                            // 100 updates per batch (one transaction)
        .exec(db);
    // end-snippet
    return updated.collectList().block();
  }

  static List<Product> restockEach(Db db, Flux<Product> products) {
    // snippet: bulk-update-all
    Flux<Product> restocked = Products.updateAll(products
            .map(p -> Products.update(p).stock(p.stock() + 100)))  // by the record's key
        .exec(db);                                 // Flux<Product>: each as stored, in order
    // end-snippet
    return restocked.collectList().block();
  }

  static List<Long> removeAll(Db db, Flux<UUID> ids) {
    // snippet: bulk-delete-all
    Flux<Long> deleted = Products.deleteAll(ids.map(Products::deleteById))
        .chunkSize(500)                            // 500 deletes per batch
        .exec(db);                                 // each delete's count, in order
    // end-snippet
    return deleted.collectList().block();
  }

  static Mono<Long> allOrNothing(Db db, Flux<ProductCreate> rows) {
    // snippet: bulk-one-transaction
    Mono<Long> stored = db.transaction(tx -> Products.createAll(rows).exec(tx)).count();
    // end-snippet
    return stored;
  }

  static long mixedOnDynamo(Db db, UUID kettle) {
    // snippet: batch-mixed
    // a scan beside a delete: on DynamoDB one optimistic transaction, whose delete is sent at
    // COMMIT on condition that every product the scan read is unchanged
    Tuple2<List<Product>, Long> both = Toasty.batch(
            Products.filter(Products.STOCK.lt(20L)).asList(),   // a scan, not a key read
            Products.deleteById(kettle))
        .exec(db).block();
    // end-snippet
    return both.getT2();
  }
}
