package io.toasty.tck;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.cypher.CacheMetricsMonitor;
import org.neo4j.cypher.ExecutableQueryCacheMetricsMonitor;
import org.neo4j.cypher.internal.cache.CacheTracer;
import org.neo4j.harness.Neo4j;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.monitoring.Monitors;

/**
 * How often the Neo4j server in this JVM compiled a Cypher query, how often a schema change
 * emptied its plan cache, and how many compiles were of a query compiled before (a flush had
 * dropped it), for the run's report ({@code BackendTally}). Compiling is most of what the TCK's
 * Neo4j runs cost (docs/design/test-time.md), so the report shows whether a change to how runs
 * share labels and schemas made compiles fewer. Listens as Neo4j's own cache metrics do, through
 * the DBMS's monitors; the server must run with {@code cypher_enable_query_cache_monitors}.
 */
final class Neo4jPlanCacheTally {
  /** Null until the server in this JVM started; a server elsewhere is not watched. */
  private static volatile CacheMetricsMonitor<?> queries;
  /** Every query (text and parameter types) that missed the cache, as the cache keys it. */
  private static final Set<String> MISSED = ConcurrentHashMap.newKeySet();
  /** Misses of a query that had missed before: compiled again after a flush or an eviction. */
  private static final AtomicLong AGAIN = new AtomicLong();

  private Neo4jPlanCacheTally() {}

  /** Starts counting the server's compiles and cache flushes. */
  static void watch(Neo4j server) {
    ExecutableQueryCacheMetricsMonitor monitor = new ExecutableQueryCacheMetricsMonitor();
    Monitors dbms = root(((GraphDatabaseAPI) server.defaultDatabaseService())
        .getDependencyResolver().resolveDependency(Monitors.class));
    dbms.addMonitorListener(monitor, monitor.monitorTag());
    dbms.addMonitorListener(new Misses(), monitor.monitorTag());
    queries = monitor;
  }

  /** Notes each query that missed the cache, and whether it had missed before. */
  private static final class Misses implements CacheTracer<Object> {
    @Override
    public void cacheMiss(Object key, String metaData) {
      if (!MISSED.add(String.valueOf(key))) {
        AGAIN.incrementAndGet();
      }
    }
  }

  /**
   * The DBMS's monitors, of which the database's are a child: a listener hears the monitors of
   * its own {@code Monitors} and of its children, not of its parent. Neo4j has no public way up;
   * the field is read by reflection.
   */
  private static Monitors root(Monitors monitors) {
    try {
      Field parent = Monitors.class.getDeclaredField("parent");
      parent.setAccessible(true);
      Monitors m = monitors;
      for (Monitors up; (up = (Monitors) parent.get(m)) != null; ) {
        m = up;
      }
      return m;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot reach Neo4j's DBMS monitors", e);
    }
  }

  /** A line for the report, or an empty string when no server in this JVM ran. */
  static String line() {
    CacheMetricsMonitor<?> q = queries;
    if (q == null) {
      return "";
    }
    return String.format("Neo4j's query cache: %d hits, %d misses (%d distinct queries, %d "
        + "compiled again), %d compiles, %d flushes (schema changes), %d replans%n",
        q.getHits(), q.getMisses(), MISSED.size(), AGAIN.get(), q.getCompiled(),
        q.getCacheFlushes(), q.getStaleEntries());
  }
}
