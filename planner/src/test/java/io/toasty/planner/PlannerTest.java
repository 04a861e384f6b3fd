package io.toasty.planner;

import static io.toasty.planner.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import org.junit.jupiter.api.Test;

class PlannerTest {
  @Test
  void repeatedShapeWithOtherValuesHitsTheCache() {
    Planner planner = new Planner(SCHEMA, Capability.H2, 64);
    Prepared a = planner.prepare(users(eq(user(EMAIL), str("a@x"))));
    Prepared b = planner.prepare(users(eq(user(EMAIL), str("b@x"))));
    assertSame(a.plan(), b.plan());
    assertEquals(new PlanCacheStats(1, 1, 1), planner.cacheStats());
    planner.prepare(users(eq(user(NAME), str("a"))));
    assertEquals(new PlanCacheStats(1, 2, 2), planner.cacheStats());
  }

  @Test
  void nullLiteralIsAnotherShape() {
    Planner planner = new Planner(SCHEMA, Capability.H2, 64);
    planner.prepare(users(eq(user(NICKNAME), str("a"))));
    planner.prepare(users(eq(user(NICKNAME), ExprNode.NULL)));
    assertEquals(2, planner.cacheStats().misses());
  }

  /** Not an assertion on time: prints the cost of a cache hit for the record. */
  @Test
  void measureCacheHitCost() {
    Planner planner = new Planner(SCHEMA, Capability.H2, 1024);
    int n = 200_000;
    long sink = 0;
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        Prepared p = planner.prepare(users(eq(user(EMAIL), str("user" + (i & 1023) + "@x")))
            .withLimit(new Limit(i64(1), null)));
        sink += p.args().size();
      }
      long perHit = (System.nanoTime() - start) / n;
      System.out.println("plan-cache hit (parameterize + lookup), round " + round + ": "
          + perHit + " ns");
    }
    assertTrue(sink > 0);
    assertEquals(1, planner.cacheStats().misses());
  }
}
