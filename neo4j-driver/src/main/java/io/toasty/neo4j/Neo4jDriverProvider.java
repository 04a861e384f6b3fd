package io.toasty.neo4j;

import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.DriverProvider;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

/**
 * Opens {@link Neo4jDriver}s for {@code neo4j://}, {@code bolt://} and {@code memgraph://}
 * URLs (see {@link Neo4jUrl}); the Neo4j driver's pool takes the configuration's size and acquire
 * timeout.
 */
public final class Neo4jDriverProvider implements DriverProvider {

  @Override
  public boolean supports(String url) {
    return Neo4jUrl.supports(url);
  }

  @Override
  public Driver open(DriverConfig config) {
    Neo4jUrl url = Neo4jUrl.parse(config.url());
    Config driverConfig = Config.builder()
        .withMaxConnectionPoolSize(config.poolMaxSize())
        .withConnectionAcquisitionTimeout(config.acquireTimeout().toMillis(),
            TimeUnit.MILLISECONDS)
        .withLogging(Logging.slf4j())
        .build();
    org.neo4j.driver.Driver driver = GraphDatabase.driver(url.server(),
        url.user() == null ? AuthTokens.none() : AuthTokens.basic(url.user(), url.password()),
        driverConfig);
    return Neo4jDriver.builder()
        .driver(driver, true)
        .schema(config.schema())
        .labelPrefix(url.labelPrefix())
        .dialect(url.dialect())
        .database(url.database())
        .poolMaxSize(config.poolMaxSize())
        .statementTimeout(config.statementTimeout())
        .build();
  }
}
