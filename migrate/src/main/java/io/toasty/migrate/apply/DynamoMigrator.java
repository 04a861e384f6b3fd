package io.toasty.migrate.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toasty.dynamo.ddl.ChangeStreamSpec;
import io.toasty.migrate.MigrationException;
import io.toasty.migrate.live.LiveColumn;
import io.toasty.migrate.live.LiveIndex;
import io.toasty.migrate.live.LiveTable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Applies and rolls back DynamoDB migrations ({@code dynamodb/*.json}) through the driver's async
 * client, step by step (DynamoDB has no transactional DDL): the history table
 * {@code <prefix>toasty_schema_history} (key {@code version}) records each step as it completes,
 * and its item of version 0, written only if absent, is the lock two instances take turns on.
 */
public final class DynamoMigrator extends StepwiseMigrator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HISTORY = "toasty_schema_history";
  private static final Duration POLL = Duration.ofMillis(100);
  private static final long POLLS = 3000;

  private final DynamoDbAsyncClient client;
  private final String prefix;

  public DynamoMigrator(DynamoDbAsyncClient client, @Nullable String prefix) {
    this.client = client;
    this.prefix = prefix == null ? "" : prefix;
  }

  // ---- history and lock ----------------------------------------------------------------------

  private String history() {
    return prefix + HISTORY;
  }

  @Override
  protected Mono<Void> createHistory() {
    CreateTableRequest def = CreateTableRequest.builder().tableName(history())
        .keySchema(key("version", KeyType.HASH))
        .attributeDefinitions(attribute("version", "N"))
        .billingMode(BillingMode.PAY_PER_REQUEST).build();
    return createTable(def);
  }

  @Override
  public Mono<List<HistoryRow>> rows() {
    return createHistory().then(Flux.from(client.scanPaginator(r -> r.tableName(history()))
            .items())
        .filter(i -> num(attribute(i, "version")) > 0)
        .map(i -> new HistoryRow(num(attribute(i, "version")), attribute(i, "name").s(),
            attribute(i, "checksum").s(), num(attribute(i, "steps_done")),
            attribute(i, "complete").bool()))
        .sort((a, b) -> Integer.compare(a.version(), b.version()))
        .collectList());
  }

  @Override
  protected Mono<Void> put(int version, String name, String checksum, int stepsDone,
      boolean complete) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("version", n(version));
    item.put("name", s(name));
    item.put("checksum", s(checksum));
    item.put("steps_done", n(stepsDone));
    item.put("complete", AttributeValue.fromBool(complete));
    item.put("applied_at", s(Instant.now().toString()));
    return Mono.fromFuture(() -> client.putItem(r -> r.tableName(history()).item(item))).then();
  }

  @Override
  protected Mono<Void> progress(int version, int stepsDone, boolean complete) {
    return Mono.fromFuture(() -> client.updateItem(r -> r.tableName(history())
        .key(Map.of("version", n(version)))
        .updateExpression("SET steps_done = :d, complete = :c")
        .expressionAttributeValues(Map.of(":d", n(stepsDone), ":c",
            AttributeValue.fromBool(complete))))).then();
  }

  @Override
  protected Mono<Void> delete(int version) {
    return Mono.fromFuture(() -> client.deleteItem(r -> r.tableName(history())
        .key(Map.of("version", n(version))))).then();
  }

  @Override
  protected Mono<Void> lock() {
    return Mono.defer(() -> Mono.fromFuture(() -> client.putItem(r -> r.tableName(history())
            .item(Map.of("version", n(0), "taken_at", s(Instant.now().toString())))
            .conditionExpression("attribute_not_exists(version)"))))
        .retryWhen(Retry.fixedDelay(POLLS * 2, Duration.ofMillis(50))
            .filter(ConditionalCheckFailedException.class::isInstance)
            .onRetryExhaustedThrow((spec, signal) -> new MigrationException("the migration "
                + "lock item (version 0 in " + history() + ") stayed taken for 5 minutes; if no "
                + "instance is migrating, delete it", signal.failure())))
        .then();
  }

  @Override
  protected Mono<Void> unlock() {
    return delete(0);
  }

  // ---- requests ------------------------------------------------------------------------------

  @Override
  protected Mono<Void> request(String text) {
    JsonNode op;
    try {
      op = JSON.readTree(text);
    } catch (IOException e) {
      return Mono.error(new MigrationException("not a DynamoDB request: " + text, e));
    }
    String table = prefix + op.path("table").asText();
    boolean unique = op.path("uniqueTable").asBoolean(false);
    return switch (op.path("op").asText()) {
      case "createTable" -> createTable(tableDefinition(table, op))
          .then(unique ? createTable(uniqueTable(table)) : Mono.empty());
      case "deleteTable" -> deleteTable(table)
          .then(unique ? deleteTable(table + ".unique") : Mono.empty());
      case "createIndex" -> createIndex(table, op.path("index").asText(), op.path("key"))
          .then(unique ? createTable(uniqueTable(table)) : Mono.empty());
      case "deleteIndex" -> deleteIndex(table, op.path("index").asText())
          .then(unique ? deleteTable(table + ".unique") : Mono.empty());
      case "renameAttribute" -> rename(table, op.path("from").asText(), op.path("to").asText());
      case "fillAttribute" -> fill(table, op.path("attribute").asText(), value(op.path("value")));
      case "followChanges" -> stream(table, true);
      case "unfollowChanges" -> stream(table, false);
      default -> Mono.error(new MigrationException("unknown DynamoDB request " + text, null));
    };
  }

  private static CreateTableRequest tableDefinition(String table, JsonNode op) {
    Map<String, String> attributes = new LinkedHashMap<>();
    List<KeySchemaElement> key = keySchema(op.path("key"), attributes);
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    for (JsonNode ix : op.path("indexes")) {
      indexes.add(GlobalSecondaryIndex.builder().indexName(ix.path("name").asText())
          .keySchema(keySchema(ix.path("key"), attributes))
          .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build());
    }
    List<AttributeDefinition> definitions = new ArrayList<>();
    attributes.forEach((name, type) -> definitions.add(attribute(name, type)));
    CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(table).keySchema(key)
        .attributeDefinitions(definitions).billingMode(BillingMode.PAY_PER_REQUEST);
    if (!indexes.isEmpty()) {
      b.globalSecondaryIndexes(indexes);
    }
    return b.build();
  }

  private static CreateTableRequest uniqueTable(String table) {
    return CreateTableRequest.builder().tableName(table + ".unique")
        .keySchema(key("u", KeyType.HASH)).attributeDefinitions(attribute("u", "S"))
        .billingMode(BillingMode.PAY_PER_REQUEST).build();
  }

  private static List<KeySchemaElement> keySchema(JsonNode key, Map<String, String> attributes) {
    List<KeySchemaElement> out = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      String name = key.get(i).path("name").asText();
      attributes.put(name, key.get(i).path("type").asText());
      out.add(key(name, i == 0 ? KeyType.HASH : KeyType.RANGE));
    }
    return out;
  }

  private Mono<Void> createTable(CreateTableRequest def) {
    return Mono.fromFuture(() -> client.createTable(def)).then()
        .onErrorResume(ResourceInUseException.class, e -> Mono.empty())
        .then(until(def.tableName(), t -> t != null && t.tableStatus() == TableStatus.ACTIVE));
  }

  private Mono<Void> deleteTable(String table) {
    return Mono.fromFuture(() -> client.deleteTable(r -> r.tableName(table))).then()
        .onErrorResume(ResourceNotFoundException.class, e -> Mono.empty())
        .then(until(table, t -> t == null));
  }

  private Mono<Void> createIndex(String table, String index, JsonNode key) {
    Map<String, String> attributes = new LinkedHashMap<>();
    List<KeySchemaElement> schema = keySchema(key, attributes);
    List<AttributeDefinition> definitions = new ArrayList<>();
    attributes.forEach((name, type) -> definitions.add(attribute(name, type)));
    GlobalSecondaryIndexUpdate update = GlobalSecondaryIndexUpdate.builder()
        .create(CreateGlobalSecondaryIndexAction.builder().indexName(index).keySchema(schema)
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
        .build();
    return Mono.fromFuture(() -> client.updateTable(r -> r.tableName(table)
            .attributeDefinitions(definitions).globalSecondaryIndexUpdates(update)))
        .then(until(table, t -> gsi(t, index).map(g -> g.indexStatus() == IndexStatus.ACTIVE)
            .orElse(false)));
  }

  private Mono<Void> deleteIndex(String table, String index) {
    GlobalSecondaryIndexUpdate update = GlobalSecondaryIndexUpdate.builder()
        .delete(DeleteGlobalSecondaryIndexAction.builder().indexName(index).build()).build();
    return Mono.fromFuture(() -> client.updateTable(r -> r.tableName(table)
            .globalSecondaryIndexUpdates(update)))
        .then(until(table, t -> gsi(t, index).isEmpty()));
  }

  /**
   * The table's stream enabled as schema push enables it ({@link ChangeStreamSpec}), or
   * disabled; nothing when it already is so. Waits until the table is ACTIVE again.
   */
  private Mono<Void> stream(String table, boolean enabled) {
    return describeTable(table).flatMap(t -> t.isEmpty()
        || ChangeStreamSpec.enabled(t.get()) == enabled ? Mono.<Void>empty()
        : Mono.fromFuture(() -> client.updateTable(r -> r.tableName(table)
                .streamSpecification(enabled ? ChangeStreamSpec.ENABLED
                    : ChangeStreamSpec.DISABLED)))
            .then(until(table, d -> d != null && d.tableStatus() == TableStatus.ACTIVE)));
  }

  /** Every item's {@code from} moved to {@code to}, one conditional update per item. */
  private Mono<Void> rename(String table, String from, String to) {
    return keyNames(table).flatMap(keys -> Flux.from(client.scanPaginator(r -> r.tableName(table)
            .consistentRead(true)).items())
        .filter(item -> item.containsKey(from))
        .concatMap(item -> Mono.fromFuture(() -> client.updateItem(r -> r.tableName(table)
            .key(keyOf(item, keys))
            .updateExpression("SET #to = #from REMOVE #from")
            .conditionExpression("attribute_exists(#from)")
            .expressionAttributeNames(Map.of("#to", to, "#from", from))))
            .onErrorResume(ConditionalCheckFailedException.class, e -> Mono.empty()))
        .then());
  }

  /** {@code value} written into every item without {@code attribute}. */
  private Mono<Void> fill(String table, String attribute, AttributeValue value) {
    return keyNames(table).flatMap(keys -> Flux.from(client.scanPaginator(r -> r.tableName(table)
            .consistentRead(true)).items())
        .filter(item -> !item.containsKey(attribute))
        .concatMap(item -> Mono.fromFuture(() -> client.updateItem(r -> r.tableName(table)
            .key(keyOf(item, keys))
            .updateExpression("SET #a = :v")
            .conditionExpression("attribute_not_exists(#a)")
            .expressionAttributeNames(Map.of("#a", attribute))
            .expressionAttributeValues(Map.of(":v", value))))
            .onErrorResume(ConditionalCheckFailedException.class, e -> Mono.empty()))
        .then());
  }

  // ---- live schema ---------------------------------------------------------------------------

  /** The table as DescribeTable reports it: key attributes as columns, GSIs as indexes. */
  @Override
  public Mono<Optional<LiveTable>> describe(String name) {
    return describeTable(prefix + name).map(found -> {
      if (found.isEmpty()) {
        return Optional.<LiveTable>empty();
      }
      TableDescription t = found.get();
      Map<String, String> types = new HashMap<>();
      t.attributeDefinitions().forEach(a -> types.put(a.attributeName(),
          a.attributeTypeAsString()));
      List<LiveColumn> columns = t.keySchema().stream()
          .map(k -> new LiveColumn(k.attributeName(), Objects.requireNonNull(
              types.get(k.attributeName()), "DynamoDB defines every key attribute's type"), false))
          .toList();
      List<LiveIndex> indexes = new ArrayList<>();
      if (t.hasGlobalSecondaryIndexes()) {
        for (GlobalSecondaryIndexDescription g : t.globalSecondaryIndexes()) {
          indexes.add(new LiveIndex(g.indexName(), g.keySchema().stream()
              .map(KeySchemaElement::attributeName).toList(), false));
        }
      }
      indexes.sort(Comparator.comparing(LiveIndex::name));
      return Optional.of(new LiveTable(name, columns, indexes));
    });
  }

  /** The tables under the prefix, without it (their {@code .unique} companions included). */
  @Override
  public Mono<List<String>> tables() {
    return Flux.from(client.listTablesPaginator(r -> {}).tableNames())
        .filter(t -> t.startsWith(prefix))
        .map(t -> t.substring(prefix.length()))
        .collectList();
  }

  // ---- pieces --------------------------------------------------------------------------------

  /** The table's description, or empty when it does not exist. */
  private Mono<Optional<TableDescription>> describeTable(String table) {
    return Mono.fromFuture(() -> client.describeTable(r -> r.tableName(table)))
        .map(d -> Optional.of(d.table()))
        .onErrorResume(ResourceNotFoundException.class, e -> Mono.just(Optional.empty()));
  }

  private static final TableDescription MISSING = TableDescription.builder().build();

  private Mono<Void> until(String table, Predicate<TableDescription> done) {
    return Mono.defer(() -> Mono.fromFuture(() -> client.describeTable(r -> r.tableName(table)))
            .map(d -> d.table())
            .onErrorResume(ResourceNotFoundException.class, e -> Mono.just(MISSING)))
        .filter(t -> done.test(t == MISSING ? null : t))
        .repeatWhenEmpty(Math.toIntExact(POLLS), polls -> polls.delayElements(POLL))
        .switchIfEmpty(Mono.error(() -> new MigrationException("table " + table + " did not "
            + "reach the state a migration step waits for", null)))
        .then();
  }

  private Mono<List<String>> keyNames(String table) {
    return Mono.fromFuture(() -> client.describeTable(r -> r.tableName(table)))
        .map(d -> d.table().keySchema().stream().map(KeySchemaElement::attributeName).toList());
  }

  private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item,
      List<String> keys) {
    Map<String, AttributeValue> key = new HashMap<>();
    keys.forEach(k -> key.put(k, item.get(k)));
    return key;
  }

  private static Optional<GlobalSecondaryIndexDescription> gsi(TableDescription t, String index) {
    if (t == null || !t.hasGlobalSecondaryIndexes()) {
      return Optional.empty();
    }
    return t.globalSecondaryIndexes().stream().filter(g -> g.indexName().equals(index))
        .findFirst();
  }

  private static AttributeValue value(JsonNode v) {
    if (v.has("N")) {
      return AttributeValue.fromN(v.get("N").asText());
    }
    if (v.has("BOOL")) {
      return AttributeValue.fromBool(v.get("BOOL").asBoolean());
    }
    if (v.has("B")) {
      return AttributeValue.fromB(SdkBytes.fromByteArray(
          Base64.getDecoder().decode(v.get("B").asText())));
    }
    return AttributeValue.fromS(v.path("S").asText());
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition attribute(String name, String type) {
    return AttributeDefinition.builder().attributeName(name)
        .attributeType(ScalarAttributeType.fromValue(type)).build();
  }

  private static AttributeValue n(int v) {
    return AttributeValue.fromN(Integer.toString(v));
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  /** An attribute every history item has (they are all written by {@link #put}). */
  private static AttributeValue attribute(Map<String, AttributeValue> item, String name) {
    return Objects.requireNonNull(item.get(name),
        () -> "a history item of the migrations lacks its attribute " + name);
  }

  private static int num(AttributeValue v) {
    return Integer.parseInt(v.n());
  }
}
