package io.toasty.example.techempower;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.stereotype.Component;

/**
 * The five implementations by their path prefix, each on a pool of its own of
 * {@code techempower.pool-size} connections:
 *
 * <ul>
 *   <li>{@code toasty-r2dbc}: the {@link Db} of the Spring Boot starter, on Boot's R2DBC pool
 *       ({@code spring.r2dbc.*});
 *   <li>{@code toasty-vertx}: a {@link Db} built from a {@code vertx:postgresql:} URL;
 *   <li>{@code raw-r2dbc}: r2dbc-postgresql on an r2dbc-pool {@link ConnectionPool};
 *   <li>{@code spring-data}: Spring Data R2DBC's {@link R2dbcEntityTemplate} on another;
 *   <li>{@code raw-vertx}: vertx-pg-client's {@link Pool}.
 * </ul>
 *
 * <p>Built after the database is in place ({@link TechEmpowerDatabase}); closes the pools it made.
 */
@Component
public class Implementations implements DisposableBean {
  /** The prefixes, in the order of the page's tables. */
  public static final String TOASTY_R2DBC = "toasty-r2dbc";
  public static final String TOASTY_VERTX = "toasty-vertx";
  public static final String RAW_R2DBC = "raw-r2dbc";
  public static final String SPRING_DATA = "spring-data";
  public static final String RAW_VERTX = "raw-vertx";
  /** Statements each Vert.x connection keeps prepared, as many as Toasty's transport keeps. */
  private static final int STATEMENT_CACHE = 256;

  private final Map<String, WorldStore> stores = new LinkedHashMap<>();
  private final Db toastyVertx;
  private final ConnectionPool rawPool;
  private final ConnectionPool springPool;
  private final Vertx vertx;
  private final Pool vertxPool;

  /** Makes the database if needed, then each implementation's pool. */
  public Implementations(TechEmpowerProperties properties, Db db) {
    TechEmpowerDatabase.ensure(properties);
    toastyVertx = Toasty.builder()
        .models(Worlds.MODEL, Fortunes.MODEL)
        .url("vertx:postgresql:" + properties.address())
        .poolMaxSize(properties.poolSize())
        .coalesceGets(false)
        .coalesceLists(false)
        .coalesceUpdates(false)
        .pipelineReads(properties.pipelineReads())
        .build();
    rawPool = pool(properties);
    springPool = pool(properties);
    vertx = Vertx.vertx();
    vertxPool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(properties.poolSize()))
        .connectingTo(PgConnectOptions.fromUri("postgresql:" + properties.address())
            .setCachePreparedStatements(true)
            .setPreparedStatementCacheMaxSize(STATEMENT_CACHE))
        .using(vertx)
        .build();
    stores.put(TOASTY_R2DBC, new ToastyWorldStore(db));
    stores.put(TOASTY_VERTX, new ToastyWorldStore(toastyVertx));
    stores.put(RAW_R2DBC, new RawR2dbcWorldStore(rawPool));
    stores.put(SPRING_DATA, new SpringDataWorldStore(new R2dbcEntityTemplate(springPool)));
    stores.put(RAW_VERTX, new VertxWorldStore(vertxPool));
  }

  /** An r2dbc-pool as Boot configures the starter's ({@code application.properties}). */
  private static ConnectionPool pool(TechEmpowerProperties properties) {
    ConnectionFactory factory = ConnectionFactories.get("r2dbc:postgresql:" + properties.address());
    return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
        .initialSize(0)
        .maxSize(properties.poolSize())
        .maxAcquireTime(Duration.ofSeconds(30))
        .build());
  }

  /** The stores by prefix, in the page's order. */
  public Map<String, WorldStore> stores() {
    return stores;
  }

  @Override
  public void destroy() {
    toastyVertx.close();
    rawPool.dispose();
    springPool.dispose();
    vertxPool.close().await();
    vertx.close().await();
  }
}
