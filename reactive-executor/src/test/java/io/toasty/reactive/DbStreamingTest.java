package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class DbStreamingTest {
  @Test
  void requestOneYieldsOneRowWithoutDraining() {
    Dbs t = new Dbs(Capability.H2);
    AtomicLong produced = new AtomicLong();
    AtomicLong requested = new AtomicLong();
    t.driver.respond(op -> op instanceof Operation.QuerySql
        ? Mono.just(new ExecResponse.Rows(Flux.range(1, 10_000).map(i -> userRow(i))
            .doOnRequest(n -> requested.addAndGet(Math.min(n, 1_000_000)))
            .doOnNext(r -> produced.incrementAndGet()))) : null);
    StepVerifier.create(t.db.exec(users(eq(user(2), str("a@x")))), 1)
        .expectNext(userRow(1))
        .then(() -> {
          assertEquals(1, produced.get());
          assertEquals(1, requested.get());
        })
        .thenRequest(2)
        .expectNext(userRow(2), userRow(3))
        .thenCancel()
        .verify(Duration.ofSeconds(5));
    assertEquals(3, produced.get());
    assertEquals(1, t.driver.closes.get());
  }

  @Test
  void cancellationReleasesTheConnection() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> Mono.just(new ExecResponse.Rows(Flux.never())));
    StepVerifier.create(t.db.exec(users(eq(user(1), str("a")))))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(20))
        .thenCancel()
        .verify(Duration.ofSeconds(5));
    assertEquals(1, t.driver.connects.get());
    assertEquals(1, t.driver.closes.get());
  }

  @Test
  void errorsReleaseTheConnection() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> Mono.error(new IllegalStateException("boom")));
    StepVerifier.create(t.db.exec(users(eq(user(1), str("a")))))
        .expectErrorMessage("boom").verify(Duration.ofSeconds(5));
    assertEquals(1, t.driver.closes.get());
  }

  @Test
  void rowsAreLiftedToModelFieldOrder() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> Mono.just(new ExecResponse.Rows(Flux.just(userRow(7)))));
    Value v = t.db.exec(users(eq(user(2), str("x")))).blockFirst();
    assertEquals(userRow(7), v);
    Operation.QuerySql q = (Operation.QuerySql) t.driver.log.get(0);
    assertEquals(List.of(new Value.Str("x")), q.args());
    assertEquals(4, q.rowType().size());
  }

  @Test
  void nothingRunsBeforeSubscription() {
    Dbs t = new Dbs(Capability.H2);
    Flux<Value> pending = t.db.exec(users(eq(user(2), str("x"))));
    assertEquals(0, t.driver.connects.get());
    pending.blockLast();
    assertEquals(1, t.driver.connects.get());
  }
}
