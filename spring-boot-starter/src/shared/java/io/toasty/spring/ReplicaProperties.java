package io.toasty.spring;

import io.toasty.reactive.DbBuilder;
import io.toasty.reactive.ReplicaPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code toasty.replicas.*} properties: read replicas of the application's database
 * (docs/spring.md#read-replicas, docs/databases.md#read-replicas).
 */
public class ReplicaProperties {
  /** The replicas' R2DBC URLs; each gets a pool of toasty.pool-max-size connections. */
  private List<String> urls = new ArrayList<>();

  /** For how long after a request's write its reads go to the primary. */
  private Duration readYourWrites = Duration.ofSeconds(5);

  /** How long a replica's check stands before it is made again. */
  private Duration probeEvery = Duration.ofSeconds(1);

  /**
   * A replica lagging more than this is skipped; unset: lag is not checked. On PostgreSQL the
   * lag query defaults to ReplicaPolicy.POSTGRESQL_LAG.
   */
  private @Nullable Duration maxLag;

  /** The SQL that reports a replica's lag in seconds (one row, one number). */
  private @Nullable String lagQuery;

  /**
   * In a WebFlux application, whether each request gets a ReadYourWrites session (a filter),
   * so that a request that wrote reads its writes from the primary.
   */
  private boolean sessionPerRequest = true;

  /** Whether each WebFlux request gets a ReadYourWrites session. */
  public boolean isSessionPerRequest() {
    return sessionPerRequest;
  }

  /** Sets whether each WebFlux request gets a ReadYourWrites session. */
  public void setSessionPerRequest(boolean sessionPerRequest) {
    this.sessionPerRequest = sessionPerRequest;
  }

  /** The replicas' URLs. */
  public List<String> getUrls() {
    return urls;
  }

  /** Sets the replicas' URLs. */
  public void setUrls(List<String> urls) {
    this.urls = urls;
  }

  /** The read-your-writes window. */
  public Duration getReadYourWrites() {
    return readYourWrites;
  }

  /** Sets the read-your-writes window. */
  public void setReadYourWrites(Duration readYourWrites) {
    this.readYourWrites = readYourWrites;
  }

  /** How long a replica's check stands. */
  public Duration getProbeEvery() {
    return probeEvery;
  }

  /** Sets how long a replica's check stands. */
  public void setProbeEvery(Duration probeEvery) {
    this.probeEvery = probeEvery;
  }

  /** The lag limit, or null. */
  public @Nullable Duration getMaxLag() {
    return maxLag;
  }

  /** Sets the lag limit. */
  public void setMaxLag(@Nullable Duration maxLag) {
    this.maxLag = maxLag;
  }

  /** The lag query, or null. */
  public @Nullable String getLagQuery() {
    return lagQuery;
  }

  /** Sets the lag query. */
  public void setLagQuery(@Nullable String lagQuery) {
    this.lagQuery = lagQuery;
  }

  /** Adds the replicas and their policy to {@code builder}; nothing when no URL is set. */
  void apply(DbBuilder builder, int poolMaxSize) {
    if (urls.isEmpty()) {
      return;
    }
    builder.poolMaxSize(poolMaxSize);
    urls.forEach(builder::replica);
    ReplicaPolicy policy = ReplicaPolicy.defaults().readYourWrites(readYourWrites)
        .probeEvery(probeEvery);
    if (maxLag != null) {
      policy = policy.maxLag(maxLag, lagQuery());
    }
    builder.replicaPolicy(policy);
  }

  private String lagQuery() {
    if (lagQuery != null) {
      return lagQuery;
    }
    if (urls.stream().allMatch(u -> u.startsWith("r2dbc:postgresql:"))) {
      return ReplicaPolicy.POSTGRESQL_LAG;
    }
    throw new IllegalStateException("toasty.replicas.max-lag is set but toasty.replicas.lag-query "
        + "is not, and the replicas are not PostgreSQL: set the SQL that reports a replica's lag"
        + " in seconds");
  }
}
