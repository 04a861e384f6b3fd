package io.toasty.tck.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.reactive.Tx;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Author;
import io.toasty.tck.models.AuthorCreate;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Comments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two sibling includes run concurrently while their parents stream: the plan's NestedMerge
 * subscribes both child queries at once, each on a pooled connection of its own. The gate answers
 * neither query until both have been sent, so a sequential executor would time out. The parents
 * are more than two windows (1,001 authors): fewer are read to their end first and their children
 * after them on the parents' connection, one query after the other, as is a query the planner
 * knows to return at most one window (a read by key, a limit of at most 500:
 * {@code PreloadScenarios.parentsWithinOneWindowTakeOnePooledConnection}).
 */
class SiblingIncludeConcurrencyTest {

  @Test
  void bothChildQueriesAreInFlightBeforeEitherCompletes() {
    GateDriver[] gate = new GateDriver[1];
    Db db = open(4, gate);
    try {
      db.schema().reset().block(Duration.ofSeconds(20));
      Author ann = authors(db);
      Author loaded = streamed(Authors.all().include(Authors.ARTICLES, Authors.BIO)
          .collect(db).block(Duration.ofSeconds(20)), ann);
      assertEquals(1, loaded.articles().get().size());
      assertEquals(2, gate[0].maxInFlight(), "both child queries were in flight at once");
      System.out.println("[concurrency] child queries in flight at once: "
          + gate[0].maxInFlight() + " (tables " + gate[0].sentBeforeOpen + ")");
    } finally {
      db.close().block(Duration.ofSeconds(20));
    }
  }

  /**
   * The plan leases a connection per sibling branch beside its own, together: with a pool of
   * three of which a transaction holds one, the include waits at the gate for three permits
   * (instead of starting on two and finding no third free for its second branch, which would
   * then wait behind the first, and the gate would never open), and once the transaction ends
   * both child queries are in flight at once.
   */
  @Test
  void siblingsLeaseTheirConnectionsTogether() {
    GateDriver[] gate = new GateDriver[1];
    Db db = open(3, gate);
    Duration wait = Duration.ofSeconds(20);
    try {
      db.schema().reset().block(wait);
      Author ann = authors(db);
      Tx tx = db.begin().block(wait);
      Authors.all().count(tx).block(wait); // the transaction holds its connection
      CompletableFuture<List<Author>> loaded = Authors.all()
          .include(Authors.ARTICLES, Authors.BIO).collect(db).toFuture();
      Tck.eventually("the include waits for three connections at once",
          () -> db.poolState().orElseThrow().pending() == 1);
      tx.commit().block(wait);
      assertEquals(1, streamed(loaded.get(20, TimeUnit.SECONDS), ann).articles().get().size());
      assertEquals(2, gate[0].maxInFlight(), "both child queries were in flight at once");
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      db.close().block(wait);
    }
  }

  /** Ann, with an article, and 1,000 other authors: more parents than two windows of 500. */
  private static Author authors(Db db) {
    Duration wait = Duration.ofSeconds(20);
    Author ann = Authors.create().name("ann").exec(db).block(wait);
    Articles.create().author(ann).title("a1").votes(1).exec(db).block(wait);
    for (int chunk = 0; chunk < 1000; chunk += 250) {
      List<AuthorCreate> rows = new ArrayList<>();
      for (int i = chunk; i < chunk + 250; i++) {
        rows.add(Authors.create().name("author" + i));
      }
      Authors.createMany(rows).exec(db).block(wait);
    }
    return ann;
  }

  /** {@code ann} as the include loaded her, among all 1,001 authors. */
  private static Author streamed(List<Author> all, Author ann) {
    assertEquals(1001, all.size());
    return all.stream().filter(a -> a.id().equals(ann.id())).findFirst().orElseThrow();
  }

  /** A fresh H2 database on a pool of {@code pool}, its driver gated on both child tables. */
  private static Db open(int pool, GateDriver[] gate) {
    return Toasty.builder()
        .models(Authors.MODEL, Articles.MODEL, Comments.MODEL, Bios.MODEL)
        .url("r2dbc:h2:mem:///siblings_" + UUID.randomUUID().toString().replace("-", ""))
        .poolMaxSize(pool)
        .wrapDriver(d -> gate[0] = new GateDriver(d, Set.of("articles", "bios"), 2))
        .build();
  }
}
