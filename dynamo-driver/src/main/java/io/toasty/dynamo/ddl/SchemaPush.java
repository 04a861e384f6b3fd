package io.toasty.dynamo.ddl;

import io.toasty.driver.SchemaUpgrade;
import io.toasty.dynamo.error.DynamoErrors;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.dynamo.table.Tables;
import io.toasty.error.DriverException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbAsyncWaiter;

/**
 * Schema push and reset, without blocking: tables are created (or deleted) together, and each is
 * waited for with the SDK's async waiter until it is ACTIVE (or gone), unless CreateTable already
 * answered ACTIVE or DeleteTable found no table (a reset of a new prefix on DynamoDB Local then
 * sends two requests per table instead of four). Push creates the tables
 * that do not exist and adds the global secondary indexes a table lacks (one UpdateTable each,
 * waited for until the index is ACTIVE) and the stream of a table whose model's changes are now
 * followed ({@link ChangeStreamSpec}); a table whose key differs from the schema's is an error.
 * Adding a unique index to a table that has items does not check those items.
 */
public final class SchemaPush {
  private static final Duration INDEX_POLL = Duration.ofMillis(500);
  private static final int INDEX_POLLS = 1200;

  private final DynamoDbAsyncClient client;
  private final Tables tables;
  private final DynamoDbAsyncWaiter waiter;

  public SchemaPush(DynamoDbAsyncClient client, Tables tables, DynamoDbAsyncWaiter waiter) {
    this.client = client;
    this.tables = tables;
    this.waiter = waiter;
  }

  /** Creates missing tables and indexes. */
  public Mono<Void> push() {
    return Flux.defer(() -> Flux.fromIterable(TableDefinitions.of(tables)))
        .flatMap(this::ensure)
        .then()
        .onErrorMap(DynamoErrors::translate);
  }

  /** Deletes the schema's tables and creates them again, empty. */
  public Mono<Void> reset() {
    return Flux.defer(() -> Flux.fromIterable(TableDefinitions.of(tables)))
        .flatMap(def -> drop(def.tableName()).then(create(def)))
        .then()
        .onErrorMap(DynamoErrors::translate);
  }

  /** Deletes the schema's tables (those that exist). */
  public Mono<Void> drop() {
    return Flux.defer(() -> Flux.fromIterable(TableDefinitions.of(tables)))
        .flatMap(def -> drop(def.tableName()))
        .then()
        .onErrorMap(DynamoErrors::translate);
  }

  private Mono<Void> ensure(CreateTableRequest def) {
    return describe(def.tableName())
        .flatMap(existing -> checkKey(def, existing.table()).then(addIndexes(def,
            existing.table())).then(addStream(def, existing.table())))
        .onErrorResume(ResourceNotFoundException.class, e -> create(def));
  }

  private Mono<DescribeTableResponse> describe(String table) {
    return Mono.fromFuture(() -> client.describeTable(r -> r.tableName(table)));
  }

  /**
   * Creates the table and waits until it is ACTIVE; a table created ACTIVE at once (DynamoDB
   * Local) is not described again.
   */
  private Mono<Void> create(CreateTableRequest def) {
    return Mono.fromFuture(() -> client.createTable(def))
        .map(r -> r.tableDescription().tableStatus() == TableStatus.ACTIVE)
        .onErrorResume(ResourceInUseException.class, e -> Mono.just(false))
        .flatMap(active -> active ? Mono.<Void>empty()
            : Mono.fromFuture(() -> waiter.waitUntilTableExists(r -> r.tableName(
                def.tableName()))).then());
  }

  /**
   * Deletes the table and waits until it is gone; a table that does not exist (as on a reset of
   * a new prefix) is not waited for.
   */
  private Mono<Void> drop(String table) {
    return Mono.fromFuture(() -> client.deleteTable(r -> r.tableName(table)))
        .map(r -> true)
        .onErrorResume(ResourceNotFoundException.class, e -> Mono.just(false))
        .flatMap(deleting -> deleting
            ? Mono.fromFuture(() -> waiter.waitUntilTableNotExists(r -> r.tableName(table)))
                .then()
            : Mono.<Void>empty());
  }

  private static Mono<Void> checkKey(CreateTableRequest def, TableDescription existing) {
    if (!def.keySchema().equals(existing.keySchema())) {
      return Mono.error(new DriverException(TableInfo.BACKEND, null, "table "
          + def.tableName() + " exists with key " + existing.keySchema()
          + " but the schema's key is " + def.keySchema() + "; migrate or reset it", null));
    }
    return Mono.empty();
  }

  /**
   * The GSIs the existing tables lack (a table that does not exist lacks none here: push creates
   * it whole), each with the UpdateTable request push sends for it, as text.
   */
  public Mono<List<SchemaUpgrade>> upgrades() {
    return Flux.defer(() -> Flux.fromIterable(TableDefinitions.of(tables)))
        .concatMap(def -> describe(def.tableName())
            .flatMapIterable(existing -> missingIndexes(def, existing.table()))
            .map(ix -> new SchemaUpgrade(def.tableName(), ix.indexName(),
                SchemaUpgrade.Kind.SECONDARY_INDEX, List.of("UpdateTable " + def.tableName()
                    + " Create " + ix.indexName() + " " + ix.keySchema()), true))
            .onErrorResume(ResourceNotFoundException.class, e -> Flux.empty()))
        .collectList()
        .onErrorMap(DynamoErrors::translate);
  }

  private Mono<Void> addIndexes(CreateTableRequest def, TableDescription existing) {
    // DynamoDB creates one index per UpdateTable call.
    return Flux.fromIterable(missingIndexes(def, existing)).concatMap(ix -> addIndex(def, ix))
        .then();
  }

  private static List<GlobalSecondaryIndex> missingIndexes(CreateTableRequest def,
      TableDescription existing) {
    Set<String> present = new HashSet<>();
    if (existing.hasGlobalSecondaryIndexes()) {
      existing.globalSecondaryIndexes().forEach(ix -> present.add(ix.indexName()));
    }
    List<GlobalSecondaryIndex> missing = new ArrayList<>();
    if (def.hasGlobalSecondaryIndexes()) {
      for (GlobalSecondaryIndex ix : def.globalSecondaryIndexes()) {
        if (!present.contains(ix.indexName())) {
          missing.add(ix);
        }
      }
    }
    return missing;
  }

  private Mono<Void> addIndex(CreateTableRequest def, GlobalSecondaryIndex ix) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    ix.keySchema().forEach(k -> names.add(k.attributeName()));
    for (AttributeDefinition a : def.attributeDefinitions()) {
      if (names.contains(a.attributeName())) {
        attributes.add(a);
      }
    }
    GlobalSecondaryIndexUpdate update = GlobalSecondaryIndexUpdate.builder()
        .create(CreateGlobalSecondaryIndexAction.builder()
            .indexName(ix.indexName()).keySchema(ix.keySchema()).projection(ix.projection())
            .build())
        .build();
    return Mono.fromFuture(() -> client.updateTable(r -> r.tableName(def.tableName())
            .attributeDefinitions(attributes).globalSecondaryIndexUpdates(update)))
        .then(indexActive(def.tableName(), ix.indexName()));
  }

  /**
   * Enables the stream of a table that exists without one while its model's changes are now
   * followed, and waits until the table is ACTIVE again.
   */
  private Mono<Void> addStream(CreateTableRequest def, TableDescription existing) {
    if (def.streamSpecification() == null || ChangeStreamSpec.enabled(existing)) {
      return Mono.empty();
    }
    return Mono.fromFuture(() -> client.updateTable(r -> r.tableName(def.tableName())
            .streamSpecification(ChangeStreamSpec.ENABLED)))
        .then(Mono.fromFuture(() -> waiter.waitUntilTableExists(r -> r.tableName(
            def.tableName()))))
        .then();
  }

  private Mono<Void> indexActive(String table, String index) {
    return describe(table)
        .filter(d -> {
          for (GlobalSecondaryIndexDescription ix : d.table().globalSecondaryIndexes()) {
            if (ix.indexName().equals(index)) {
              return ix.indexStatus() == IndexStatus.ACTIVE;
            }
          }
          return false;
        })
        .repeatWhenEmpty(INDEX_POLLS, polls -> polls.delayElements(INDEX_POLL))
        .then();
  }
}
