package io.toasty.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code toasty.*} properties.
 *
 * <pre>
 * toasty.url=r2dbc:postgresql://app@db:5432/app   # optional: else spring.r2dbc.* is used
 * toasty.schema=push                              # none (default), push, validate
 * toasty.plan-cache-size=1024
 * </pre>
 */
@ConfigurationProperties(prefix = "toasty")
public class ToastyProperties {
  /**
   * The database URL, such as r2dbc:postgresql://user@host:5432/db. When set, the starter makes
   * the application's pooled R2DBC ConnectionFactory from it (Spring Boot's own then backs off);
   * when not, the Db runs on the ConnectionFactory that spring.r2dbc.* configures.
   */
  private String url;

  /** What to do to the schema at start-up: none, push (create what is missing) or validate. */
  private SchemaAction schema = SchemaAction.NONE;

  /** The most compiled plans kept (0 disables the plan cache). */
  private long planCacheSize = 1024;

  /** The most pooled connections of the pool made from toasty.url. */
  private int poolMaxSize = 10;

  /** How long the start-up schema action may take. */
  private Duration startupTimeout = Duration.ofSeconds(60);

  /** The database URL, or null. */
  public String getUrl() {
    return url;
  }

  /** Sets the database URL. */
  public void setUrl(String url) {
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

  /** The start-up schema action's time limit. */
  public Duration getStartupTimeout() {
    return startupTimeout;
  }

  /** Sets the start-up schema action's time limit. */
  public void setStartupTimeout(Duration startupTimeout) {
    this.startupTimeout = startupTimeout;
  }
}
