package io.toasty.dynamo.stream;

import io.toasty.Change;
import io.toasty.driver.ChangeNotice;
import io.toasty.dynamo.ddl.ChangeStreamSpec;
import io.toasty.dynamo.error.DynamoErrors;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.DriverException;
import io.toasty.error.InvalidModelException;
import io.toasty.error.InvalidResumeTokenException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/**
 * A model's change stream on DynamoDB: its table's stream (DynamoDB Streams, enabled by schema
 * push and migrations for a model with {@code changes = true}) read shard by shard with
 * GetRecords. {@link Change.Kind#LISTENING} comes once every open shard has an iterator at its
 * latest position, so every change written after it is read. A shard is polled only while the
 * subscriber has demand (at most one page of {@value #PAGE} records read ahead per shard); an
 * empty page waits {@code IDLE} before the next poll; a closed shard's children are read after
 * it, from their start. DynamoDB Streams keeps a key's records in order within its shard's
 * lineage, so each key's changes come in order; two keys' changes may come in another order
 * than they were written. An iterator that expired, or that points at records the stream has
 * trimmed (after 24 hours), ends the session: the stream takes the latest positions again and
 * sends {@link Change.Kind#GAP}. Cancelling cancels the pending request.
 *
 * <p>A stream resumed after a change's token ({@link ShardToken}) reads that shard after the
 * token's sequence number (and its children after it, from their start): every later change
 * of the token's key, and of every key in that shard's lineage, comes once. The token holds one
 * shard's position, so the stream's other open shards, if any, are read from their latest
 * position after a {@link Change.Kind#GAP}: their changes since the token may be missed. A
 * position DynamoDB no longer holds (after 24 hours), or a shard gone, also gives a
 * {@code GAP}, then the latest positions.
 */
public final class StreamChanges {
  private static final Logger LOG = LoggerFactory.getLogger(StreamChanges.class);
  /** The most records one GetRecords answers. */
  static final int PAGE = 100;
  /** How long a shard waits after an empty page before it asks again. */
  static final Duration IDLE = Duration.ofMillis(250);

  private final DynamoDbAsyncClient client;
  private final DynamoDbStreamsAsyncClient streams;
  private final TableInfo table;

  private StreamChanges(DynamoDbAsyncClient client, DynamoDbStreamsAsyncClient streams,
      TableInfo table) {
    this.client = client;
    this.streams = streams;
    this.table = table;
  }

  /**
   * The change notices of {@code table}'s model, from its first listening until cancelled;
   * after the change of token {@code after} where it is given.
   */
  public static Flux<ChangeNotice> of(DynamoDbAsyncClient client,
      DynamoDbStreamsAsyncClient streams, TableInfo table, @Nullable String after) {
    StreamChanges changes = new StreamChanges(client, streams, table);
    Flux<ChangeNotice> first;
    if (after == null) {
      first = changes.session(Change.Kind.LISTENING);
    } else {
      ShardToken token;
      try {
        token = ShardToken.parse(after);
      } catch (IllegalArgumentException e) {
        return Flux.error(new InvalidResumeTokenException(table.model(), after,
            "not a DynamoDB change's token (<shard>:<sequence number>)"));
      }
      first = changes.resumed(token);
    }
    return first.concatWith(changes.session(Change.Kind.GAP).repeat())
        .onErrorMap(e -> DynamoErrors.translate(e, table));
  }

  /** One pass over the stream's shards, from their latest positions, starting with {@code mark}. */
  private Flux<ChangeNotice> session(Change.Kind mark) {
    return streamArn().flatMapMany(arn -> latest(arn).flatMapMany(shards ->
            read(arn, shards, List.of(mark))))
        .onErrorResume(StreamChanges::lost, this::quietly);
  }

  /** The marks, then the shards' notices from {@code shards}, read side by side. */
  private Flux<ChangeNotice> read(String arn, List<Position> shards, List<Change.Kind> marks) {
    return Flux.concat(Flux.fromIterable(marks).map(ChangeNotice::mark),
        Flux.fromIterable(shards).flatMap(s -> shard(arn, s), shards.size(), 1));
  }

  /**
   * The pass that resumes after {@code token}: {@code LISTENING}, then its shard after its
   * sequence number, and the other open shards (not of its lineage) from their latest position
   * after a {@code GAP}; where DynamoDB no longer holds the position, or the shard, a
   * {@code GAP} and the latest positions of all.
   */
  private Flux<ChangeNotice> resumed(ShardToken token) {
    return streamArn().flatMapMany(arn -> shards(arn).flatMapMany(all -> {
      List<String> lineage = lineage(all, token.shard());
      if (lineage.isEmpty()) {
        return expired(arn);
      }
      List<Shard> others = all.stream().filter(s -> !lineage.contains(s.shardId())
          && s.sequenceNumberRange().endingSequenceNumber() == null).toList();
      return Mono.fromFuture(() -> streams.getShardIterator(r -> r.streamArn(arn)
              .shardId(token.shard()).shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
              .sequenceNumber(token.sequence())))
          .map(r -> new Position(token.shard(), r.shardIterator(), false))
          .flatMapMany(named -> Flux.fromIterable(others)
              .concatMap(s -> position(arn, s.shardId(), ShardIteratorType.LATEST))
              .collectList()
              .flatMapMany(rest -> {
                List<Position> shards = new ArrayList<>(rest);
                shards.add(0, named);
                return read(arn, shards, rest.isEmpty() ? List.of(Change.Kind.LISTENING)
                    : List.of(Change.Kind.LISTENING, Change.Kind.GAP));
              }))
          .onErrorResume(e -> lost(e) || e instanceof ResourceNotFoundException,
              e -> expired(arn));
    })).onErrorResume(StreamChanges::lost, this::quietly);
  }

  /** A resume whose position is gone: {@code LISTENING}, {@code GAP}, the latest positions. */
  private Flux<ChangeNotice> expired(String arn) {
    LOG.warn("the stream of {} no longer holds the position to resume after: reading from its"
        + " latest", table.physicalName());
    return latest(arn).flatMapMany(shards -> read(arn, shards,
        List.of(Change.Kind.LISTENING, Change.Kind.GAP)));
  }

  /** {@code shard} and its descendants among {@code all}; empty when it is not among them. */
  private static List<String> lineage(List<Shard> all, String shard) {
    List<String> out = new ArrayList<>();
    if (all.stream().anyMatch(s -> s.shardId().equals(shard))) {
      out.add(shard);
      for (int i = 0; i < out.size(); i++) {
        String parent = out.get(i);
        all.stream().filter(s -> parent.equals(s.parentShardId()))
            .forEach(s -> out.add(s.shardId()));
      }
    }
    return out;
  }

  /** A session that lost its position ends quietly; the next one reads from the latest. */
  private Flux<ChangeNotice> quietly(Throwable e) {
    LOG.warn("the stream of {} lost its position ({}): reading from its latest again",
        table.physicalName(), e.toString());
    return Flux.empty();
  }

  private static boolean lost(Throwable e) {
    return e instanceof ExpiredIteratorException || e instanceof TrimmedDataAccessException;
  }

  /** The table's stream, or an error naming the table when it has none. */
  private Mono<String> streamArn() {
    String name = table.physicalName();
    return Mono.fromFuture(() -> client.describeTable(r -> r.tableName(name)))
        .onErrorMap(ResourceNotFoundException.class, e -> new InvalidModelException(
            table.model(), null, "no table " + name + " to follow the changes of: push the "
                + "schema first"))
        .flatMap(d -> {
          TableDescription t = d.table();
          return ChangeStreamSpec.enabled(t) && t.latestStreamArn() != null
              ? Mono.just(t.latestStreamArn())
              : Mono.error(new InvalidModelException(table.model(), null, "table " + name
                  + " has no stream: schema push enables it, and so does a migration of the "
                  + "model with changes = true"));
        });
  }

  /** The iterators at the latest position of each open shard. */
  private Mono<List<Position>> latest(String arn) {
    return shards(arn).flatMapIterable(all -> all.stream()
            .filter(s -> s.sequenceNumberRange().endingSequenceNumber() == null).toList())
        .concatMap(s -> position(arn, s.shardId(), ShardIteratorType.LATEST))
        .collectList()
        .filter(open -> !open.isEmpty())
        .switchIfEmpty(Mono.error(() -> new DriverException(TableInfo.BACKEND, null,
            "the stream of " + table.physicalName() + " has no open shard", null)));
  }

  /** Every shard of the stream, page after page. */
  private Mono<List<Shard>> shards(String arn) {
    return describe(arn, null)
        .expand(r -> r.streamDescription().lastEvaluatedShardId() == null ? Mono.empty()
            : describe(arn, r.streamDescription().lastEvaluatedShardId()))
        .flatMapIterable(r -> r.streamDescription().shards())
        .collectList();
  }

  private Mono<DescribeStreamResponse> describe(String arn, @Nullable String after) {
    return Mono.fromFuture(() -> streams.describeStream(r -> r.streamArn(arn)
        .exclusiveStartShardId(after)));
  }

  private Mono<Position> position(String arn, String shard, ShardIteratorType type) {
    return Mono.fromFuture(() -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
            .shardIteratorType(type)))
        .map(r -> new Position(shard, r.shardIterator(), type == ShardIteratorType.LATEST));
  }

  /** A shard's notices from {@code at}, polled as demanded; then its children's. */
  private Flux<ChangeNotice> shard(String arn, Position at) {
    AtomicReference<String> next = new AtomicReference<>(at.iterator());
    AtomicBoolean read = new AtomicBoolean();
    return Mono.defer(() -> page(at.shard(), next))
        .doOnNext(notices -> read.compareAndSet(false, !notices.isEmpty()))
        .onErrorResume(TrimmedDataAccessException.class, e -> read.get() || !at.latest()
            ? Mono.error(e) : fromStart(arn, at.shard(), next))
        .repeat(() -> next.get() != null)
        .concatMap(Flux::fromIterable, 0)
        .concatWith(Flux.defer(() -> children(arn, at.shard())));
  }

  /**
   * DynamoDB Local answers a latest iterator of a shard that has no records yet with
   * TrimmedDataAccessException once other tables' streams have written (its sequence numbers
   * are shared by all streams): such a shard is read from its start instead, the same position
   * for a shard without records. DynamoDB itself never trims a latest iterator.
   */
  private Mono<List<ChangeNotice>> fromStart(String arn, String shard,
      AtomicReference<String> next) {
    return position(arn, shard, ShardIteratorType.TRIM_HORIZON)
        .doOnNext(p -> next.set(p.iterator()))
        .thenReturn(List.of());
  }

  /** One GetRecords from {@code next}, which it moves on; an empty page waits {@code IDLE}. */
  private Mono<List<ChangeNotice>> page(String shard, AtomicReference<String> next) {
    return Mono.fromFuture(() -> streams.getRecords(r -> r.shardIterator(next.get()).limit(PAGE)))
        .flatMap(r -> {
          next.set(r.nextShardIterator());
          List<ChangeNotice> notices = r.records().stream()
              .map(record -> StreamRecords.notice(table, shard, record)).toList();
          return notices.isEmpty() && r.nextShardIterator() != null
              ? Mono.delay(IDLE).thenReturn(notices) : Mono.just(notices);
        });
  }

  /** The shards split from {@code parent} once it closed, each from its start. */
  private Flux<ChangeNotice> children(String arn, String parent) {
    return shards(arn).flatMapMany(all -> Flux.fromIterable(all.stream()
            .filter(s -> parent.equals(s.parentShardId())).toList()))
        .concatMap(s -> position(arn, s.shardId(), ShardIteratorType.TRIM_HORIZON))
        .collectList()
        .flatMapMany(children -> Flux.fromIterable(children)
            .flatMap(c -> shard(arn, c), Math.max(1, children.size()), 1));
  }

  /** A shard and an iterator into it, at its latest position or not. */
  private record Position(String shard, String iterator, boolean latest) {}
}
