package io.toasty.tck.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Author;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Comments;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two sibling includes run concurrently: the plan's NestedMerge subscribes both child queries at
 * once, each on a pooled connection of its own. The gate answers neither query until both have
 * been sent, so a sequential executor would time out.
 */
class SiblingIncludeConcurrencyTest {

  @Test
  void bothChildQueriesAreInFlightBeforeEitherCompletes() {
    GateDriver[] gate = new GateDriver[1];
    Db db = Toasty.builder()
        .models(Authors.MODEL, Articles.MODEL, Comments.MODEL, Bios.MODEL)
        .url("r2dbc:h2:mem:///siblings_" + UUID.randomUUID().toString().replace("-", ""))
        .poolMaxSize(4)
        .wrapDriver(d -> gate[0] = new GateDriver(d, Set.of("articles", "bios"), 2))
        .build();
    try {
      db.schema().reset().block(Duration.ofSeconds(20));
      Author ann = Authors.create().name("ann").exec(db).block(Duration.ofSeconds(20));
      Articles.create().author(ann).title("a1").votes(1).exec(db).block(Duration.ofSeconds(20));
      Author loaded = Authors.filterById(ann.id()).include(Authors.ARTICLES, Authors.BIO)
          .get(db).block(Duration.ofSeconds(20));
      assertEquals(1, loaded.articles().get().size());
      assertEquals(2, gate[0].maxInFlight(), "both child queries were in flight at once");
      System.out.println("[concurrency] child queries in flight at once: "
          + gate[0].maxInFlight() + " (tables " + gate[0].sentBeforeOpen + ")");
    } finally {
      db.close().block(Duration.ofSeconds(20));
    }
  }
}
