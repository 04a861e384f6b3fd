package io.toasty.bench.store;

import io.toasty.bench.model.AuthorWithBooks;
import io.toasty.bench.model.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The AWS SDK v2 {@link DynamoDbAsyncClient} by hand, on the tables Toasty's DynamoDB driver lays
 * out (so both read the same items): GetItem; Query on a global secondary index (all attributes
 * projected), following pages; UpdateItem with {@code attribute_exists(id)}. The email is
 * unique, and DynamoDB has no unique constraint on a non-key attribute, so a careful user keeps a
 * uniqueness item per email in {@code users.unique} as Toasty does: an insert is a
 * TransactWriteItems of the user ({@code attribute_not_exists(id)}) and its uniqueness item
 * ({@code attribute_not_exists(u)}). The 10,000-row insert is a bulk load with BatchWriteItem,
 * not atomic. DynamoDB assigns no ids: inserts take them from a counter.
 */
public final class DynamoRawStore implements Store {
  /** The table, named as Toasty names it. */
  public static final String TABLE = "users";
  /** The companion table of uniqueness items, named as Toasty names it. */
  public static final String UNIQUE_TABLE = "users.unique";
  /** Global secondary indexes, named as Toasty names them. */
  public static final String EMAIL_INDEX = "users_email_key";
  public static final String TEAM_INDEX = "users_team_idx";
  public static final String REGION_INDEX = "users_region_idx";
  /** Why there is no include workload on DynamoDB. */
  public static final String NO_INCLUDE = "the include workload (parents, then their children by "
      + "an IN list) is defined for SQL databases only";
  private static final int BATCH = 25;
  /**
   * With {@code -Dprobe.dynamo.byKeys=true}, {@link #filterHundred} reads as Toasty's
   * {@code stronglyConsistent()} does (the keys from the index's Query, then the items by a
   * consistent BatchGetItem) instead of the items from the index's Query, and so does Toasty's
   * store: the like-for-like yardstick of that read (docs/design/performance.md).
   */
  private static final boolean BY_KEYS = Boolean.getBoolean("probe.dynamo.byKeys");
  private static final int BATCH_GET = 100;

  private final DynamoDbAsyncClient client;
  private final LongSupplier ids = Ids.randomBlock();

  public DynamoRawStore(DynamoDbAsyncClient client) {
    this.client = client;
  }

  /** The user an item holds. */
  public static User user(Map<String, AttributeValue> item) {
    return new User(Long.parseLong(item.get("id").n()), item.get("name").s(),
        item.get("email").s(), Integer.parseInt(item.get("team").n()),
        Integer.parseInt(item.get("region").n()), Integer.parseInt(item.get("score").n()));
  }

  /** The item that holds {@code u}. */
  public static Map<String, AttributeValue> item(User u) {
    Map<String, AttributeValue> item = new HashMap<>(8);
    item.put("id", AttributeValue.fromN(Long.toString(u.id())));
    item.put("name", AttributeValue.fromS(u.name()));
    item.put("email", AttributeValue.fromS(u.email()));
    item.put("team", AttributeValue.fromN(Integer.toString(u.team())));
    item.put("region", AttributeValue.fromN(Integer.toString(u.region())));
    item.put("score", AttributeValue.fromN(Integer.toString(u.score())));
    return item;
  }

  /**
   * The uniqueness item of {@code u}'s email, in Toasty's format:
   * {@code u = "<index>#S<length>:<value>"}, with the owner's key.
   */
  public static Map<String, AttributeValue> uniqueItem(User u) {
    return Map.of("u", AttributeValue.fromS(EMAIL_INDEX + "#S" + u.email().length() + ":"
            + u.email()),
        "owner", AttributeValue.fromM(key(u.id())));
  }

  private static Map<String, AttributeValue> key(long id) {
    return Map.of("id", AttributeValue.fromN(Long.toString(id)));
  }

  @Override
  public Mono<User> get(long id) {
    return Mono.fromFuture(() -> client.getItem(b -> b.tableName(TABLE).key(key(id))))
        .filter(r -> r.hasItem() && !r.item().isEmpty())
        .map(r -> user(r.item()));
  }

  private Mono<List<User>> query(String index, String attribute, AttributeValue value) {
    QueryRequest request = QueryRequest.builder().tableName(TABLE).indexName(index)
        .keyConditionExpression("#k = :v")
        .expressionAttributeNames(Map.of("#k", attribute))
        .expressionAttributeValues(Map.of(":v", value))
        .build();
    return Flux.from(client.queryPaginator(request).items()).map(DynamoRawStore::user)
        .collectList();
  }

  @Override
  public Mono<List<User>> filterOne(String email) {
    return query(EMAIL_INDEX, "email", AttributeValue.fromS(email));
  }

  @Override
  public Mono<List<User>> filterHundred(int team) {
    AttributeValue value = AttributeValue.fromN(Integer.toString(team));
    return BY_KEYS ? byKeys(TEAM_INDEX, "team", value) : query(TEAM_INDEX, "team", value);
  }

  /** The keys from the index's Query, then the items by key, strongly consistent. */
  private Mono<List<User>> byKeys(String index, String attribute, AttributeValue value) {
    QueryRequest request = QueryRequest.builder().tableName(TABLE).indexName(index)
        .keyConditionExpression("#k = :v").projectionExpression("id")
        .expressionAttributeNames(Map.of("#k", attribute))
        .expressionAttributeValues(Map.of(":v", value))
        .build();
    return Flux.from(client.queryPaginator(request).items())
        .map(item -> Map.of("id", item.get("id")))
        .buffer(BATCH_GET)
        .concatMap(keys -> Mono.fromFuture(() -> client.batchGetItem(b -> b.requestItems(
            Map.of(TABLE, KeysAndAttributes.builder().keys(keys).consistentRead(true).build())))))
        .flatMapIterable(r -> r.responses().get(TABLE))
        .map(DynamoRawStore::user)
        .collectList();
  }

  @Override
  public Mono<List<User>> filterTenThousand(int region) {
    return query(REGION_INDEX, "region", AttributeValue.fromN(Integer.toString(region)));
  }

  private static List<TransactWriteItem> puts(User u) {
    return List.of(
        TransactWriteItem.builder().put(Put.builder().tableName(TABLE).item(item(u))
            .conditionExpression("attribute_not_exists(id)").build()).build(),
        TransactWriteItem.builder().put(Put.builder().tableName(UNIQUE_TABLE).item(uniqueItem(u))
            .conditionExpression("attribute_not_exists(u)").build()).build());
  }

  private Mono<Void> transact(List<TransactWriteItem> items) {
    return Mono.fromFuture(() -> client.transactWriteItems(b -> b.transactItems(items))).then();
  }

  @Override
  public Mono<User> insertOne(User user) {
    return Mono.defer(() -> {
      User stored = user.withId(ids.getAsLong());
      return transact(puts(stored)).thenReturn(stored);
    });
  }

  /**
   * A bulk load: BatchWriteItem of the users and their uniqueness items, 25 to a request, eight
   * requests in flight, unconditioned and not atomic. A transactional version (50 users to a
   * TransactWriteItems) took 49 s for 10,000 users on DynamoDB Local here, and Toasty has no
   * counterpart to compare it with (see {@code ToastyStore.NO_INSERT_MANY_ON_DYNAMO}).
   */
  @Override
  public Mono<List<User>> insertMany(List<User> users) {
    return Mono.defer(() -> {
      List<User> stored = new ArrayList<>(users.size());
      for (User u : users) {
        stored.add(u.withId(ids.getAsLong()));
      }
      return load(client, stored).thenReturn(stored);
    });
  }

  /**
   * Writes {@code users} and their uniqueness items with BatchWriteItem, without conditions,
   * retrying what comes back unprocessed: the fixture's load and the 10,000-row insert.
   */
  public static Mono<Void> load(DynamoDbAsyncClient client, List<User> users) {
    List<Map<String, List<WriteRequest>>> batches = new ArrayList<>();
    for (int i = 0; i < users.size(); i += BATCH) {
      List<WriteRequest> items = new ArrayList<>(BATCH);
      List<WriteRequest> unique = new ArrayList<>(BATCH);
      for (User u : users.subList(i, Math.min(users.size(), i + BATCH))) {
        items.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(u)).build())
            .build());
        unique.add(WriteRequest.builder().putRequest(PutRequest.builder().item(uniqueItem(u))
            .build()).build());
      }
      batches.add(Map.of(TABLE, items));
      batches.add(Map.of(UNIQUE_TABLE, unique));
    }
    return Flux.fromIterable(batches).flatMap(b -> write(client, b), 8).then();
  }

  private static Mono<Void> write(DynamoDbAsyncClient client,
      Map<String, List<WriteRequest>> requests) {
    return Mono.fromFuture(() -> client.batchWriteItem(b -> b.requestItems(requests)))
        .flatMap((BatchWriteItemResponse r) -> r.hasUnprocessedItems()
            && !r.unprocessedItems().isEmpty()
            ? write(client, r.unprocessedItems()) : Mono.empty());
  }

  @Override
  public Mono<Long> updateByKey(long id, int score) {
    return Mono.fromFuture(() -> client.updateItem(b -> b.tableName(TABLE).key(key(id))
            .updateExpression("SET score = :s")
            .conditionExpression("attribute_exists(id)")
            .expressionAttributeValues(Map.of(":s",
                AttributeValue.fromN(Integer.toString(score))))))
        .thenReturn(1L)
        .onErrorResume(ConditionalCheckFailedException.class, e -> Mono.just(0L));
  }

  @Override
  public Optional<String> unsupported(Workload workload) {
    if (batchOnly(workload).isPresent()) {
      return batchOnly(workload);
    }
    return workload.includes() ? Optional.of(NO_INCLUDE) : Optional.empty();
  }

  @Override
  public Mono<List<AuthorWithBooks>> include(long maxAuthorId) {
    return Mono.error(new UnsupportedOperationException(NO_INCLUDE));
  }

  /** The client belongs to the environment, which closes it. */
  @Override
  public void close() {}
}
