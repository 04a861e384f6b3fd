package io.toasty.reactive;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How a {@code Db} with read replicas ({@link DbBuilder#replica(String)}) chooses between them
 * and its primary. Immutable; each method returns a new policy.
 *
 * <pre>{@code
 * Db db = Toasty.builder().models(Users.MODEL)
 *     .url("r2dbc:postgresql://app@primary/app")
 *     .replica("r2dbc:postgresql://app@replica/app")
 *     .replicaPolicy(ReplicaPolicy.defaults()
 *         .readYourWrites(Duration.ofSeconds(2))
 *         .maxLag(Duration.ofSeconds(1), ReplicaPolicy.POSTGRESQL_LAG))
 *     .build();
 * }</pre>
 *
 * <p>A replica is checked at most once per {@link #probeEvery probe interval}: with a lag query,
 * by running it (an error or a lag beyond {@link #maxLag} skips the replica), else by
 * {@link Db#health()}. Reads then go to the first usable replica, taken in turn, else to the
 * primary. See docs/databases.md#read-replicas.
 */
public final class ReplicaPolicy {
  /**
   * PostgreSQL's lag of a streaming replica, in seconds: 0 once it has replayed all the WAL it
   * received, else the time since the last transaction it replayed (at least a millisecond, so
   * that a replica behind is never "0 seconds" behind).
   */
  public static final String POSTGRESQL_LAG = "SELECT CASE WHEN pg_last_wal_receive_lsn() "
      + "IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0.0 ELSE GREATEST(0.001, "
      + "EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()))::float8 END";

  /** PostgreSQL's write position on the primary: the WAL position now, as text. */
  public static final String POSTGRESQL_WRITE_POSITION = "SELECT pg_current_wal_lsn()::text";

  /**
   * Whether a PostgreSQL replica has replayed up to {@code :position} (a
   * {@link #POSTGRESQL_WRITE_POSITION}).
   */
  public static final String POSTGRESQL_REPLAYED =
      "SELECT pg_last_wal_replay_lsn() >= CAST(:position AS pg_lsn)";

  private static final Consumer<ReplicaRoute> NO_OBSERVER = route -> { };
  private static final ReplicaPolicy DEFAULTS = new ReplicaPolicy(Duration.ofSeconds(5), null,
      null, Duration.ofSeconds(1), NO_OBSERVER, null, null);

  private final Duration readYourWrites;
  private final @Nullable Duration maxLag;
  private final @Nullable String lagQuery;
  private final Duration probeEvery;
  private final Consumer<ReplicaRoute> observer;
  private final @Nullable String writePosition;
  private final @Nullable String replayed;

  private ReplicaPolicy(Duration readYourWrites, @Nullable Duration maxLag,
      @Nullable String lagQuery, Duration probeEvery, Consumer<ReplicaRoute> observer,
      @Nullable String writePosition, @Nullable String replayed) {
    this.readYourWrites = readYourWrites;
    this.maxLag = maxLag;
    this.lagQuery = lagQuery;
    this.probeEvery = probeEvery;
    this.observer = observer;
    this.writePosition = writePosition;
    this.replayed = replayed;
  }

  /**
   * Reads of a {@link ReadYourWrites} session go to the primary for 5 seconds after its last
   * write; replicas are checked by {@link Db#health()} at most once a second; no lag limit.
   */
  public static ReplicaPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * For how long after a write of a {@link ReadYourWrites} session its reads go to the primary;
   * {@link Duration#ZERO} to send them to replicas at once.
   */
  public ReplicaPolicy readYourWrites(Duration window) {
    return new ReplicaPolicy(notNegative("a read-your-writes window", window), maxLag, lagQuery,
        probeEvery, observer, writePosition, replayed);
  }

  /**
   * Skips a replica whose lag, as {@code lagQuery} reports it, is beyond {@code limit}. The
   * query (SQL the replica runs, {@link #POSTGRESQL_LAG} on PostgreSQL) returns one row of one
   * number: the lag in seconds. A replica where it fails is skipped as down. Only on backends
   * that run SQL: elsewhere {@link DbBuilder#build()} refuses it.
   */
  public ReplicaPolicy maxLag(Duration limit, String lagQuery) {
    Objects.requireNonNull(lagQuery, "lagQuery");
    if (lagQuery.isBlank()) {
      throw new IllegalArgumentException("lagQuery is blank");
    }
    return new ReplicaPolicy(readYourWrites, notNegative("a lag limit", limit), lagQuery,
        probeEvery, observer, writePosition, replayed);
  }

  /**
   * How long a replica's check stands before it is made again; {@link Duration#ZERO} checks
   * before every read (a round trip each: for tests).
   */
  public ReplicaPolicy probeEvery(Duration interval) {
    return new ReplicaPolicy(readYourWrites, maxLag, lagQuery,
        notNegative("a probe interval", interval), observer, writePosition, replayed);
  }

  /**
   * Tells {@code observer} of each statement's route as it is chosen (a metric per route); it
   * runs on the subscriber's thread and must not block.
   */
  public ReplicaPolicy observer(Consumer<ReplicaRoute> observer) {
    return new ReplicaPolicy(readYourWrites, maxLag, lagQuery, probeEvery,
        Objects.requireNonNull(observer, "observer"), writePosition, replayed);
  }

  /**
   * Reads of a {@link ReadYourWrites} session after a write go to a replica once it has replayed
   * the write, instead of for a window: after each write under the session, the primary runs
   * {@code positionQuery} (one row, one text value: where its log is), and before a read the
   * chosen replica runs {@code replayedQuery} with that value bound to {@code :position} (one
   * row, one boolean: whether it has replayed that far); if not, the read goes to the primary. A
   * round trip each. On PostgreSQL: {@link #POSTGRESQL_WRITE_POSITION} and
   * {@link #POSTGRESQL_REPLAYED}. Where the position query fails, the window applies. SQL only,
   * as {@link #maxLag}.
   */
  public ReplicaPolicy readYourWritesByPosition(String positionQuery, String replayedQuery) {
    Objects.requireNonNull(positionQuery, "positionQuery");
    Objects.requireNonNull(replayedQuery, "replayedQuery");
    return new ReplicaPolicy(readYourWrites, maxLag, lagQuery, probeEvery, observer,
        positionQuery, replayedQuery);
  }

  /** The write position query, or null when reads follow the window. */
  public @Nullable String writePositionQuery() {
    return writePosition;
  }

  /** The replayed query, or null when reads follow the window. */
  public @Nullable String replayedQuery() {
    return replayed;
  }

  /** The read-your-writes window. */
  public Duration readYourWritesWindow() {
    return readYourWrites;
  }

  /** The lag limit, or null when lag is not checked. */
  public @Nullable Duration maxLagLimit() {
    return maxLag;
  }

  /** The lag query, or null when lag is not checked. */
  public @Nullable String lagQuery() {
    return lagQuery;
  }

  /** How long a replica's check stands. */
  public Duration probeInterval() {
    return probeEvery;
  }

  /** The route observer. */
  public Consumer<ReplicaRoute> routeObserver() {
    return observer;
  }

  private static Duration notNegative(String what, Duration d) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative: " + d);
    }
    return d;
  }
}
