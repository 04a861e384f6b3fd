package io.toasty.tck.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Doc;
import io.toasty.tck.models.Docs;
import io.toasty.tck.models.Tokens;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Statements subscribed on a non-blocking thread ({@code Schedulers.parallel()}) must not
 * block it: BlockHound, installed in every TCK JVM, turns a blocking call there into an error.
 */
@Models({Users.class, Docs.class, Tokens.class})
public abstract class NonBlockingScenarios {

  static <T> T onParallel(Mono<T> mono) {
    return mono.subscribeOn(Schedulers.parallel()).block(Tck.TIMEOUT);
  }

  @BackendTest
  public void createsAndReadsOnAParallelThread(Db db) {
    User ann = onParallel(Users.create().name("ann").email("ann@example.com").exec(db));
    assertEquals(ann, onParallel(Users.getById(db, ann.id())));
  }

  @BackendTest
  public void queriesOnAParallelThread(Db db) {
    onParallel(Users.createMany(Fixtures.creates("u", 10)).exec(db));
    assertEquals(10, onParallel(Users.filter(Users.NAME.ne("x")).collect(db)).size());
    assertEquals(10, onParallel(Users.all().stream(db).count()));
  }

  @BackendTest
  public void updatesAndDeletesOnAParallelThread(Db db) {
    List<User> users = onParallel(Users.createMany(Fixtures.creates("u", 3)).exec(db));
    assertEquals(1L, onParallel(Users.updateById(users.get(0).id())
        .loginCount(Users.LOGIN_COUNT.plus(1)).exec(db)));
    assertEquals(1, onParallel(Users.update(users.get(1)).name("x").exec(db)).name().length());
    assertEquals(2L, onParallel(Users.filter(Users.NAME.ne("u0")).delete().exec(db)));
  }

  @BackendTest
  public void errorsOnAParallelThreadAreTyped(Db db) {
    onParallel(Users.create().name("ann").email("ann@example.com").exec(db));
    Tck.failure(UniqueViolationException.class, () -> Users.create().name("b")
        .email("ann@example.com").exec(db).subscribeOn(Schedulers.parallel()));
  }

  @BackendTest
  public void manyConcurrentStatementsOnParallelThreads(Db db) {
    onParallel(Users.createMany(Fixtures.creates("u", 10)).exec(db));
    List<Integer> sizes = Flux.range(0, 16)
        .flatMap(i -> Users.all().collect(db).map(List::size)
            .subscribeOn(Schedulers.parallel()), 8)
        .collectList().block(Tck.TIMEOUT);
    assertEquals(16, sizes.size());
    sizes.forEach(s -> assertEquals(10, s));
  }

  @BackendTest
  public void uuidKeysAreGeneratedWithoutBlocking(Db db) {
    Doc d = onParallel(Docs.create().title("t").exec(db));
    assertEquals(7, d.id().version());
    assertEquals(4, onParallel(Tokens.create().label("l").exec(db)).id().version());
  }

  @BackendTest
  public void concurrentIncrementsOfOneRecordAllApply(Db db) {
    User u = onParallel(Users.create().name("ann").email("ann@example.com").exec(db));
    List<Long> counts = Flux.range(0, 40)
        .flatMap(i -> Users.updateById(u.id()).loginCount(Users.LOGIN_COUNT.plus(1)).exec(db)
            .subscribeOn(Schedulers.parallel()), 8)
        .collectList().block(Tck.TIMEOUT);
    assertEquals(40, counts.size());
    counts.forEach(c -> assertEquals(1L, c));
    assertEquals(40, onParallel(Users.getById(db, u.id())).loginCount());
  }

  @BackendTest
  public void concurrentCreatesOnParallelThreadsAllLand(Db db) {
    List<User> created = Flux.range(0, 40)
        .flatMap(i -> Users.create().name("u" + i).email("u" + i + "@example.com").exec(db)
            .subscribeOn(Schedulers.parallel()), 8)
        .collectList().block(Tck.TIMEOUT);
    assertEquals(40, created.stream().map(User::id).distinct().count());
    assertEquals(40, onParallel(Users.all().collect(db)).size());
  }
}
