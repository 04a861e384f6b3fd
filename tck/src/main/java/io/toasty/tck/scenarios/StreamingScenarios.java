package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.DbOptions;
import io.toasty.tck.Models;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Tck;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Streaming with backpressure, and cancellation: a cancelled stream gives its connection back,
 * so that the next statement runs even with a pool of one connection.
 */
@Models(Users.class)
public abstract class StreamingScenarios {

  static void seed(Db db, int count) {
    await(Users.createMany(Fixtures.creates("u", count)).exec(db));
  }

  @BackendTest
  public void aStreamHonoursADemandOfOne(Db db) {
    seed(db, 50);
    StepVerifier.create(Users.all().stream(db), 1)
        .expectNextCount(1)
        .expectNoEvent(Duration.ofMillis(100))
        .thenCancel()
        .verify(Tck.TIMEOUT);
  }

  @BackendTest
  public void aStreamDeliversExactlyWhatIsRequested(Db db) {
    seed(db, 50);
    StepVerifier.create(Users.all().stream(db), 0)
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(50))
        .thenRequest(3)
        .expectNextCount(3)
        .thenRequest(47)
        .expectNextCount(47)
        .verifyComplete();
  }

  @BackendTest
  @DbOptions(poolMaxSize = 1)
  public void cancellingAStreamReleasesItsConnection(Db db, OperationLog log) {
    seed(db, 50);
    StepVerifier.create(Users.all().stream(db), 1)
        .expectNextCount(1)
        .thenCancel()
        .verify(Tck.TIMEOUT);
    assertEquals(50, await(Users.all().collect(db)).size());
    Tck.eventually("every connection is released: acquired " + log.connectionsAcquired()
        + ", released " + log.connectionsReleased(), () -> log.connectionsInUse() == 0);
  }

  @BackendTest
  @DbOptions(poolMaxSize = 1)
  public void takeReleasesTheConnectionEveryTime(Db db, OperationLog log) {
    seed(db, 30);
    for (int i = 0; i < 20; i++) {
      assertEquals(2, awaitAll(Users.all().stream(db).take(2)).size());
    }
    assertEquals(30, await(Users.all().collect(db)).size());
    Tck.eventually("every connection is released", () -> log.connectionsInUse() == 0);
  }

  @BackendTest
  @DbOptions(poolMaxSize = 1)
  public void cancellingBeforeTheFirstRowReleasesTheConnection(Db db, OperationLog log) {
    seed(db, 10);
    StepVerifier.create(Users.all().stream(db), 0)
        .expectSubscription()
        .thenCancel()
        .verify(Tck.TIMEOUT);
    assertEquals(10, await(Users.all().collect(db)).size());
    Tck.eventually("every connection is released", () -> log.connectionsInUse() == 0);
  }

  @BackendTest
  public void everyConnectionIsReleasedAfterCompletedStatements(Db db, OperationLog log) {
    List<User> users = Fixtures.fiveUsers(db);
    await(Users.getById(db, users.get(0).id()));
    await(Users.updateById(users.get(1).id()).name("x").exec(db));
    await(Users.deleteById(users.get(2).id()).exec(db));
    Tck.failure(RecordNotFoundException.class, () -> Users.getById(db, new UUID(0, -1)));
    Tck.failure(UniqueViolationException.class,
        () -> Users.create().name("d").email("dan@example.com").exec(db));
    Tck.eventually("every connection is released: acquired " + log.connectionsAcquired()
        + ", released " + log.connectionsReleased(), () -> log.connectionsInUse() == 0);
  }

  @BackendTest
  @DbOptions(poolMaxSize = 2)
  public void concurrentStatementsShareASmallPool(Db db) {
    seed(db, 10);
    List<Integer> sizes = Flux.range(0, 20)
        .flatMap(i -> Users.all().collect(db).map(List::size), 8)
        .collectList().block(Tck.TIMEOUT);
    assertEquals(20, sizes.size());
    sizes.forEach(s -> assertEquals(10, s));
  }

  @BackendTest
  public void aLargeResultStreamsCompletely(Db db) {
    // Written in batches small enough for any backend's atomic write (DynamoDB: 100 items,
    // two per user with its unique email): the subject is the read.
    for (int i = 0; i < 40; i++) {
      await(Users.createMany(Fixtures.creates("b" + i + "_", 25)).exec(db));
    }
    assertEquals(1000L, Users.all().stream(db).count().block(Tck.TIMEOUT));
  }
}
