package io.toasty.docs.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.reactive.Db;
import io.toasty.reactive.ReplicaRoute;
import io.toasty.reactive.ReplicaRoute.Why;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the read replicas examples of docs/databases.md on H2, the replica a second pool on the
 * primary's in-memory database (the TCK's ReplicaRoutingTest runs them against a PostgreSQL
 * streaming replica).
 */
class ReplicasGuideTest {

  @Test
  void theGuideRunsAsWrittenOnH2() {
    String url = "r2dbc:h2:mem:///replicas-guide";
    Db db = ReplicasGuide.open(url, url);
    try {
      Article shown = ReplicasGuide.publishAndShow(db, "Replicas");
      assertEquals("Replicas", shown.title());
      assertEquals(List.of(shown), ReplicasGuide.list(db));
      Map<ReplicaRoute, Long> routes = ReplicasGuide.routes(db);
      assertEquals(1L, routes.get(new ReplicaRoute(ReplicaRoute.PRIMARY, Why.WRITE)));
      assertEquals(1L, routes.get(new ReplicaRoute(ReplicaRoute.PRIMARY, Why.READ_YOUR_WRITES)));
      assertEquals(1L, routes.get(new ReplicaRoute("replica-0", Why.READ)));
      assertEquals(1L, routes.get(new ReplicaRoute("replica-0", Why.READ_ONLY_TRANSACTION)));
      assertEquals(1, db.replicas().size());
    } finally {
      db.close().block();
    }
  }
}
