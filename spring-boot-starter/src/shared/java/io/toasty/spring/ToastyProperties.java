package io.toasty.spring;

import io.toasty.reactive.DbBuilder;
import io.toasty.reactive.RetryPolicy;
import io.toasty.schema.naming.NamingStrategy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.transaction.annotation.RollbackOn;

/**
 * The {@code toasty.*} properties.
 *
 * <pre>
 * toasty.url=r2dbc:postgresql://app@db:5432/app   # optional: else spring.r2dbc.* is used
 * toasty.schema=push                              # none (default), push, validate, migrate, reset
 * toasty.transaction.rollback-on=all-exceptions   # or runtime-exceptions (Spring's rule)
 * toasty.migrations.location=classpath:db/migration  # with toasty.schema=migrate
 * toasty.plan-cache-size=1024
 * toasty.acquire-timeout=30s                      # wait for a pooled connection at most this
 * toasty.url=dynamodb://?region=eu-west-1         # DynamoDB (needs toasty-dynamo-driver)
 * toasty.dynamo.table-prefix=app_                 # with a DynamoDbAsyncClient bean of your own
 * </pre>
 */
@ConfigurationProperties(prefix = "toasty")
public class ToastyProperties {
  /**
   * The database URL, such as r2dbc:postgresql://user@host:5432/db or dynamodb://?region=x.
   * When set to an R2DBC URL, the starter makes
   * the application's pooled R2DBC ConnectionFactory from it (Spring Boot's own then backs off);
   * when not, the Db runs on the ConnectionFactory that spring.r2dbc.* configures.
   */
  private @Nullable String url;

  /**
   * What to do to the schema at start-up: none, push (create what is missing), validate (read
   * one row of every model), migrate (apply the pending migrations of
   * toasty.migrations.location) or reset (drop the models' tables and create them again, empty:
   * refused on a database outside this JVM's memory unless toasty.force-schema-reset is set).
   */
  private SchemaAction schema = SchemaAction.NONE;

  /** The most compiled plans kept (0 disables the plan cache). */
  private long planCacheSize = 1024;

  /** The most pooled connections of the pool made from toasty.url. */
  private int poolMaxSize = 10;

  /**
   * How long a statement may wait for a pooled connection before it fails with a transient
   * PoolTimeoutException (Spring's TransientDataAccessResourceException through the
   * translator); also the default spring.r2dbc.pool.max-acquire-time and the pool of
   * toasty.url's max acquire time.
   */
  private Duration acquireTimeout = Duration.ofSeconds(30);

  /** How long the start-up schema action may take. */
  private Duration startupTimeout = Duration.ofSeconds(60);

  /**
   * Statements slower than this are logged at WARN (logger io.toasty.statement; every statement
   * at DEBUG). Values are not logged unless log-values is set.
   */
  private Duration slowStatementThreshold = Duration.ofSeconds(1);

  /**
   * Whether statement log lines (and observers) show each statement's values, sensitive ones
   * masked. For debugging: values in logs may be personal data.
   */
  private boolean logValues;

  /** Whether statement log lines show values. */
  public boolean isLogValues() {
    return logValues;
  }

  /** Sets whether statement log lines show values. */
  public void setLogValues(boolean logValues) {
    this.logValues = logValues;
  }

  /**
   * Whether gets by key that wait for a connection at the same time are answered by one query
   * ({@code DbBuilder.coalesceGets}; docs/operations.md, "Gets under load").
   */
  private boolean coalesceGets = true;

  /** Whether gets waiting for a connection together share one query. */
  public boolean isCoalesceGets() {
    return coalesceGets;
  }

  /** Sets whether gets waiting for a connection together share one query. */
  public void setCoalesceGets(boolean coalesceGets) {
    this.coalesceGets = coalesceGets;
  }

  /**
   * Whether reads of the records whose integer or UUID field holds one value that wait for a
   * connection at the same time are answered by one query ({@code DbBuilder.coalesceLists};
   * docs/operations.md, "Lists under load").
   */
  private boolean coalesceLists = true;

  /** Whether reads by one value waiting for a connection together share one query. */
  public boolean isCoalesceLists() {
    return coalesceLists;
  }

  /** Sets whether reads by one value waiting for a connection together share one query. */
  public void setCoalesceLists(boolean coalesceLists) {
    this.coalesceLists = coalesceLists;
  }

  /**
   * Whether updates by key that wait for a connection at the same time are written by one
   * statement ({@code DbBuilder.coalesceUpdates}; docs/operations.md, "Updates under load").
   */
  private boolean coalesceUpdates = true;

  /** Whether updates waiting for a connection together share one statement. */
  public boolean isCoalesceUpdates() {
    return coalesceUpdates;
  }

  /** Sets whether updates waiting for a connection together share one statement. */
  public void setCoalesceUpdates(boolean coalesceUpdates) {
    this.coalesceUpdates = coalesceUpdates;
  }

  /**
   * Whether reads by key that wait for a connection at the same time are sent together, each
   * its own statement, where the driver pipelines: the Vert.x transport
   * ({@code DbBuilder.pipelineReads}; docs/design/pipelining.md).
   */
  private boolean pipelineReads = true;

  /** Whether reads by key waiting for a connection together are sent in one round trip. */
  public boolean isPipelineReads() {
    return pipelineReads;
  }

  /** Sets whether reads by key waiting for a connection together are sent in one round trip. */
  public void setPipelineReads(boolean pipelineReads) {
    this.pipelineReads = pipelineReads;
  }

  /**
   * Whether a batch's consecutive updates by key of one shape are written by one statement
   * ({@code DbBuilder.mergeBatchUpdates}; docs/batches.md, "Updates by key together").
   */
  private boolean mergeBatchUpdates = true;

  /** Whether a batch's consecutive updates by key share one statement. */
  public boolean isMergeBatchUpdates() {
    return mergeBatchUpdates;
  }

  /** Sets whether a batch's consecutive updates by key share one statement. */
  public void setMergeBatchUpdates(boolean mergeBatchUpdates) {
    this.mergeBatchUpdates = mergeBatchUpdates;
  }

  /**
   * How the database names the tables and columns the models did not name with {@code @Table}
   * or {@code @Column} ({@code DbBuilder.naming}; docs/models.md, "Names in the database"):
   * {@code declared} (snake case) or {@code graph} (labels after the records, properties in
   * camel case); unset, the backend's own ({@code Capability.naming()}: declared on the SQL
   * backends and DynamoDB, graph on Neo4j).
   */
  private @Nullable Naming naming;

  /** The naming of tables and columns the models did not name; null for the backend's own. */
  public @Nullable Naming getNaming() {
    return naming;
  }

  /** Sets the naming of tables and columns the models did not name (null: the backend's). */
  public void setNaming(@Nullable Naming naming) {
    this.naming = naming;
  }

  /** The naming strategies {@code toasty.naming} chooses from. */
  public enum Naming {
    /** {@code NamingStrategy.declared()}: the names as the models carry them. */
    DECLARED,
    /** {@code NamingStrategy.graph()}: labels after the records, properties in camel case. */
    GRAPH;

    /** The strategy this names. */
    public NamingStrategy strategy() {
      return this == GRAPH ? NamingStrategy.graph() : NamingStrategy.declared();
    }
  }

  /**
   * The most changes a change stream keeps waiting for a slow subscriber, past which one
   * {@code GAP} stands for those dropped ({@code DbBuilder.changeBuffer}; docs/changes.md,
   * "Slow subscribers").
   */
  private int changeBuffer = DbBuilder.DEFAULT_CHANGE_BUFFER;

  /** The most changes a change stream keeps waiting for a slow subscriber. */
  public int getChangeBuffer() {
    return changeBuffer;
  }

  /** Sets the most changes a change stream keeps waiting for a slow subscriber. */
  public void setChangeBuffer(int changeBuffer) {
    this.changeBuffer = changeBuffer;
  }

  /** The slow-statement threshold. */
  public Duration getSlowStatementThreshold() {
    return slowStatementThreshold;
  }

  /** Sets the slow-statement threshold. */
  public void setSlowStatementThreshold(Duration slowStatementThreshold) {
    this.slowStatementThreshold = slowStatementThreshold;
  }

  /**
   * How long one statement may run before the database stops it (a QueryTimeoutException,
   * Spring's QueryTimeoutException through the translator); unset for no limit.
   */
  private @Nullable Duration statementTimeout;

  /**
   * How long a db.transaction(..) may take from its start before it is rolled back (a
   * QueryTimeoutException); unset for no limit.
   */
  private @Nullable Duration transactionTimeout;

  /** The default statement timeout, or null. */
  public @Nullable Duration getStatementTimeout() {
    return statementTimeout;
  }

  /** Sets the default statement timeout. */
  public void setStatementTimeout(@Nullable Duration statementTimeout) {
    this.statementTimeout = statementTimeout;
  }

  /** The default transaction timeout, or null. */
  public @Nullable Duration getTransactionTimeout() {
    return transactionTimeout;
  }

  /** Sets the default transaction timeout. */
  public void setTransactionTimeout(@Nullable Duration transactionTimeout) {
    this.transactionTimeout = transactionTimeout;
  }

  /** Retries of statements that fail with a transient error (see RetryPolicy). */
  private final Retry retry = new Retry();

  /** The retry settings. */
  public Retry getRetry() {
    return retry;
  }

  /** Read replicas (toasty.replicas.urls) and how reads choose between them and the primary. */
  @NestedConfigurationProperty
  private final ReplicaProperties replicas = new ReplicaProperties();

  /** The read replica settings ({@code toasty.replicas.*}). */
  public ReplicaProperties getReplicas() {
    return replicas;
  }

  /** How a WebFlux request's tenant is read (toasty.tenant.header, .from-principal). */
  @NestedConfigurationProperty
  private final TenantProperties tenant = new TenantProperties();

  /** The tenant settings ({@code toasty.tenant.*}). */
  public TenantProperties getTenant() {
    return tenant;
  }

  /** The {@code toasty.retry.*} and {@code toasty.transaction-retry.*} properties. */
  public static class Retry {
    /**
     * Retries after the first try (0: none). A write is retried on a lost connection only when
     * nothing of it was sent.
     */
    private int maxRetries;

    /** The first pause; pauses double up to max-backoff, half of each at random. */
    private Duration firstBackoff = Duration.ofMillis(50);

    /** The longest pause. */
    private Duration maxBackoff = Duration.ofSeconds(2);

    /** Retries after the first try. */
    public int getMaxRetries() {
      return maxRetries;
    }

    /** Sets the retries. */
    public void setMaxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
    }

    /** The first pause. */
    public Duration getFirstBackoff() {
      return firstBackoff;
    }

    /** Sets the first pause. */
    public void setFirstBackoff(Duration firstBackoff) {
      this.firstBackoff = firstBackoff;
    }

    /** The longest pause. */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    /** Sets the longest pause. */
    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    /** The policy these settings describe. */
    RetryPolicy policy() {
      return new RetryPolicy(maxRetries, firstBackoff, maxBackoff, 0.5);
    }
  }

  /**
   * Retries of whole transactions ({@code db.transaction(..)}) whose options set none: run again
   * from the start on a serialization failure, a deadlock or throttling, and on a lost
   * connection or a pool timeout before any of their statements was sent.
   */
  private final Retry transactionRetry = new Retry();

  /** The transaction retry settings ({@code toasty.transaction-retry.*}). */
  public Retry getTransactionRetry() {
    return transactionRetry;
  }

  /** The {@code toasty.transaction.*} properties. */
  private final Transaction transaction = new Transaction();

  /** How Spring-managed transactions on the Db's pool end ({@code toasty.transaction.*}). */
  public Transaction getTransaction() {
    return transaction;
  }

  /** The {@code toasty.transaction.*} properties. */
  public static class Transaction {
    /**
     * Which exceptions roll back a Spring-managed transaction (@Transactional) whose manager
     * runs on the Db's connection pool: all-exceptions (the default: checked ones too, such as
     * the IOException of a client that reset its connection mid-upload) or runtime-exceptions
     * (Spring's own rule: a checked exception commits). Transactions of other managers keep
     * Spring's rule either way.
     */
    private RollbackOn rollbackOn = RollbackOn.ALL_EXCEPTIONS;

    /** Which exceptions roll back a Spring-managed transaction on the Db's pool. */
    public RollbackOn getRollbackOn() {
      return rollbackOn;
    }

    /** Sets which exceptions roll back a Spring-managed transaction on the Db's pool. */
    public void setRollbackOn(RollbackOn rollbackOn) {
      this.rollbackOn = rollbackOn;
    }
  }

  /**
   * Allows toasty.schema=reset on a database that is not in this JVM's memory (PostgreSQL,
   * MariaDB, MySQL, DynamoDB, an H2 or SQLite file outside the temporary directory): every
   * table of the models is dropped, with its data, at each start.
   */
  private boolean forceSchemaReset;

  /** Whether toasty.schema=reset may drop the tables of any database. */
  public boolean isForceSchemaReset() {
    return forceSchemaReset;
  }

  /** Sets whether toasty.schema=reset may drop the tables of any database. */
  public void setForceSchemaReset(boolean forceSchemaReset) {
    this.forceSchemaReset = forceSchemaReset;
  }

  /** Where the migrations are, for {@code toasty.schema=migrate}. */
  private final Migrations migrations = new Migrations();

  /** The migration settings. */
  public Migrations getMigrations() {
    return migrations;
  }

  /** The {@code toasty.migrations.*} properties. */
  public static class Migrations {
    /**
     * Where toasty.schema=migrate reads the migrations: a class path folder
     * (classpath:db/migration, also inside the application's jar) or a folder on disk
     * (file:/srv/app/migrations, or a plain path). The backend's sub-folder (postgresql, mariadb,
     * h2, sqlite, dynamodb) is read, as MigrationGenerator writes it.
     */
    private String location = "classpath:db/migration";

    /** The migrations' location. */
    public String getLocation() {
      return location;
    }

    /** Sets the migrations' location. */
    public void setLocation(String location) {
      this.location = location;
    }
  }

  /** DynamoDB settings used with the application's own {@code DynamoDbAsyncClient} bean. */
  private final Dynamo dynamo = new Dynamo();

  /** DynamoDB settings. */
  public Dynamo getDynamo() {
    return dynamo;
  }

  /** The {@code toasty.dynamo.*} properties. */
  public static class Dynamo {
    /**
     * Put before every table name when the Db runs on the application's DynamoDbAsyncClient
     * bean (with toasty.url, the URL's tablePrefix parameter does this).
     */
    private String tablePrefix = "";

    /** The table name prefix. */
    public String getTablePrefix() {
      return tablePrefix;
    }

    /** Sets the table name prefix. */
    public void setTablePrefix(String tablePrefix) {
      this.tablePrefix = tablePrefix;
    }
  }

  /**
   * The secret (at least 16 bytes of UTF-8) that signs pagination cursors; the same on every
   * instance, so that a cursor one made is accepted by all. When unset, each start draws a
   * random one.
   */
  private @Nullable String cursorKey;

  /** The database URL, or null. */
  public @Nullable String getUrl() {
    return url;
  }

  /** Sets the database URL. */
  public void setUrl(@Nullable String url) {
    this.url = url;
  }

  /** The start-up schema action. */
  public SchemaAction getSchema() {
    return schema;
  }

  /** Sets the start-up schema action. */
  public void setSchema(SchemaAction schema) {
    this.schema = schema;
  }

  /** The plan cache's size. */
  public long getPlanCacheSize() {
    return planCacheSize;
  }

  /** Sets the plan cache's size. */
  public void setPlanCacheSize(long planCacheSize) {
    this.planCacheSize = planCacheSize;
  }

  /** The pool size for toasty.url. */
  public int getPoolMaxSize() {
    return poolMaxSize;
  }

  /** Sets the pool size for toasty.url. */
  public void setPoolMaxSize(int poolMaxSize) {
    this.poolMaxSize = poolMaxSize;
  }

  /** How long a statement may wait for a pooled connection. */
  public Duration getAcquireTimeout() {
    return acquireTimeout;
  }

  /** Sets how long a statement may wait for a pooled connection. */
  public void setAcquireTimeout(Duration acquireTimeout) {
    this.acquireTimeout = acquireTimeout;
  }

  /** The start-up schema action's time limit. */
  public Duration getStartupTimeout() {
    return startupTimeout;
  }

  /** Sets the start-up schema action's time limit. */
  public void setStartupTimeout(Duration startupTimeout) {
    this.startupTimeout = startupTimeout;
  }

  /** The cursor signing secret, or null. */
  public @Nullable String getCursorKey() {
    return cursorKey;
  }

  /** Sets the cursor signing secret. */
  public void setCursorKey(@Nullable String cursorKey) {
    this.cursorKey = cursorKey;
  }
}
