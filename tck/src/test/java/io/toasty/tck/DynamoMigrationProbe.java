package io.toasty.tck;

import io.toasty.dynamo.DynamoDriver;
import io.toasty.reactive.Db;
import io.toasty.tck.migration.MigrationProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** {@link MigrationProbe} on DynamoDB, through the driver's client (items as maps). */
public final class DynamoMigrationProbe implements MigrationProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final DynamoDbAsyncClient client;
  private final String prefix;

  DynamoMigrationProbe(DynamoDriver driver) {
    this.client = driver.client();
    this.prefix = driver.tablePrefix() == null ? "" : driver.tablePrefix();
  }

  /** Serves DynamoDB Dbs (registered in META-INF/services). */
  public static final class Factory implements MigrationProbe.Factory {
    @Override
    public Optional<MigrationProbe> probe(Db db) {
      return db.schema().driver(DynamoDriver.class).map(DynamoMigrationProbe::new);
    }
  }

  @Override
  public void insert(String table, Map<String, Object> row) {
    Map<String, AttributeValue> item = new HashMap<>();
    row.forEach((k, v) -> item.put(k, value(v)));
    Mono.fromFuture(() -> client.putItem(r -> r.tableName(prefix + table).item(item)))
        .block(TIMEOUT);
  }

  @Override
  public void set(String table, String id, String column, Object value) {
    Mono.fromFuture(() -> client.updateItem(r -> r.tableName(prefix + table)
        .key(Map.of("id", AttributeValue.fromS(id)))
        .updateExpression("SET #c = :v")
        .expressionAttributeNames(Map.of("#c", column))
        .expressionAttributeValues(Map.of(":v", value(value))))).block(TIMEOUT);
  }

  @Override
  public void delete(String table, String id) {
    Mono.fromFuture(() -> client.deleteItem(r -> r.tableName(prefix + table)
        .key(Map.of("id", AttributeValue.fromS(id))))).block(TIMEOUT);
  }

  @Override
  public List<Map<String, Object>> rows(String table) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : Flux.from(client.scanPaginator(r -> r
        .tableName(prefix + table).consistentRead(true)).items()).collectList().block(TIMEOUT)) {
      Map<String, Object> row = new LinkedHashMap<>();
      item.forEach((k, v) -> row.put(k, v.n() != null ? (Object) Long.parseLong(v.n()) : v.s()));
      out.add(row);
    }
    out.sort(Comparator.comparing(r -> (String) r.get("id")));
    return out;
  }

  @Override
  public void blockUniqueName() {
    GlobalSecondaryIndexUpdate update = GlobalSecondaryIndexUpdate.builder().create(c -> c
        .indexName("mig_people_name_key")
        .keySchema(KeySchemaElement.builder().attributeName("age").keyType(KeyType.HASH).build())
        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))).build();
    Mono.fromFuture(() -> client.updateTable(r -> r.tableName(prefix + "mig_people")
        .attributeDefinitions(AttributeDefinition.builder().attributeName("age")
            .attributeType(ScalarAttributeType.N).build())
        .globalSecondaryIndexUpdates(update))).block(TIMEOUT);
    waitForIndex(true);
  }

  @Override
  public void unblockUniqueName() {
    GlobalSecondaryIndexUpdate update = GlobalSecondaryIndexUpdate.builder()
        .delete(d -> d.indexName("mig_people_name_key")).build();
    Mono.fromFuture(() -> client.updateTable(r -> r.tableName(prefix + "mig_people")
        .globalSecondaryIndexUpdates(update))).block(TIMEOUT);
    waitForIndex(false);
  }

  private void waitForIndex(boolean active) {
    Tck.eventually("index mig_people_name_key " + (active ? "active" : "gone"), () -> {
      var t = Mono.fromFuture(() -> client.describeTable(r -> r.tableName(prefix
          + "mig_people"))).block(TIMEOUT).table();
      boolean present = t.hasGlobalSecondaryIndexes() && t.globalSecondaryIndexes().stream()
          .anyMatch(g -> g.indexName().equals("mig_people_name_key")
              && (!active || g.indexStatus() == IndexStatus.ACTIVE));
      return present == active;
    });
  }

  @Override
  public boolean columnsAreLive() {
    return false;
  }

  @Override
  public boolean uniquenessIsLive() {
    return false;
  }

  @Override
  public Optional<Boolean> uniquenessTable(String table) {
    return Optional.of(Mono.fromFuture(() -> client.describeTable(r -> r.tableName(prefix + table
            + ".unique")))
        .map(d -> true)
        .onErrorResume(ResourceNotFoundException.class, e -> Mono.just(false))
        .block(TIMEOUT));
  }

  @Override
  public boolean transactional() {
    return false;
  }

  @Override
  public boolean intAndLongDiffer() {
    return false;
  }

  private static AttributeValue value(Object v) {
    return v instanceof Number n ? AttributeValue.fromN(n.toString())
        : AttributeValue.fromS(String.valueOf(v));
  }
}
