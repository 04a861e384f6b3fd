package io.toasty.tck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Empties a kept DynamoDB database: every item of every table whose name starts with its prefix
 * (the model tables and their uniqueness companions; the counters of limited relations are
 * attributes of the owners' items, deleted with them) is scanned by key and deleted in batches.
 * The tables and their key attributes are listed and described once, and remembered until the
 * database is dropped.
 */
final class DynamoEmptying {
  /** BatchWriteItem's most requests. */
  private static final int BATCH = 25;

  private final DynamoDbAsyncClient client;
  /** The key attributes of each kept table. */
  private final Map<String, List<String>> keys = new ConcurrentHashMap<>();
  /**
   * The tables of each kept database's prefix, listed once: a run that could add one (a schema
   * operation, a migration) is not clean, and its database is dropped instead of kept.
   */
  private final Map<String, List<String>> tablesOf = new ConcurrentHashMap<>();

  DynamoEmptying(DynamoDbAsyncClient client) {
    this.client = client;
  }

  /** The tables whose names start with {@code prefix}. */
  static Flux<String> tables(DynamoDbAsyncClient client, String prefix) {
    return Flux.defer(() -> Flux.from(client.listTablesPaginator(r -> r.limit(100))
            .tableNames()))
        .filter(name -> name.startsWith(prefix));
  }

  /** Deletes every item of the tables of {@code prefix}, a few tables at a time. */
  Mono<Void> empty(String prefix) {
    List<String> known = tablesOf.get(prefix);
    Mono<List<String>> tables = known != null ? Mono.just(known)
        : tables(client, prefix).collectList().doOnNext(t -> tablesOf.put(prefix, t));
    return tables.flatMapMany(Flux::fromIterable)
        .flatMap(table -> keysOf(table).flatMap(k -> emptyTable(table, k)), 16)
        .then();
  }

  /** Forgets the tables of {@code prefix} (they are being deleted). */
  void forget(String prefix) {
    keys.keySet().removeIf(t -> t.startsWith(prefix));
    tablesOf.remove(prefix);
  }

  private Mono<List<String>> keysOf(String table) {
    List<String> known = keys.get(table);
    if (known != null) {
      return Mono.just(known);
    }
    return Mono.fromFuture(() -> client.describeTable(r -> r.tableName(table)))
        .map(d -> d.table().keySchema().stream().map(KeySchemaElement::attributeName).toList())
        .doOnNext(k -> keys.put(table, k));
  }

  private Mono<Void> emptyTable(String table, List<String> key) {
    Map<String, String> names = new HashMap<>();
    List<String> projection = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      names.put("#k" + i, key.get(i));
      projection.add("#k" + i);
    }
    return Flux.from(client.scanPaginator(r -> r.tableName(table).consistentRead(true)
            .projectionExpression(String.join(", ", projection))
            .expressionAttributeNames(names)).items())
        .map(item -> WriteRequest.builder()
            .deleteRequest(DeleteRequest.builder().key(item).build()).build())
        .buffer(BATCH)
        .flatMap(batch -> write(Map.of(table, batch)), 4)
        .then();
  }

  /** Sends {@code requests}, and again what DynamoDB left unprocessed, until none is left. */
  private Mono<Void> write(Map<String, List<WriteRequest>> requests) {
    return Mono.fromFuture(() -> client.batchWriteItem(r -> r.requestItems(requests)))
        .flatMap(response -> response.unprocessedItems().isEmpty() ? Mono.<Void>empty()
            : write(response.unprocessedItems()));
  }
}
