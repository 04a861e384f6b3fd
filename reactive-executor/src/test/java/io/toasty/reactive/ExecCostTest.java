package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.driver.ExecResponse;
import io.toasty.value.Value;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Prints what one cached read costs end to end over the fake driver (no timing assertions). */
class ExecCostTest {
  @Test
  void measureCachedExec() {
    Dbs t = new Dbs(Capability.H2);
    Value.Record row = userRow(1);
    t.driver.respond(op -> Mono.just(new ExecResponse.Rows(Flux.just(row))));
    t.driver.log.clear();
    int n = 100_000;
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        t.db.exec(users(eq(user(2), str("u" + (i & 255))))).blockLast();
      }
      System.out.println("Db.exec, cached plan, fake driver, one row, round " + round + ": "
          + (System.nanoTime() - start) / n + " ns");
      t.driver.log.clear();
    }
    assertEquals(1, t.db.planCacheStats().misses());
  }
}
