package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.PathQuery;
import io.toasty.Reached;
import io.toasty.driver.Capability;
import io.toasty.reactive.Db;
import io.toasty.stmt.PathNode;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.PqFollows;
import io.toasty.tck.models.PqPerson;
import io.toasty.tck.models.PqPersons;
import io.toasty.tck.models.PqTask;
import io.toasty.tck.models.PqTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Flux;

/**
 * Path queries ({@code PathQuery}): a variable-length traversal of a relation of a model to
 * itself, and the shortest path over it. The follows graph has a cycle (ann, bob, cat, ann) and
 * two ways from ann to cat; every backend answers the same records with the same lengths: a
 * path never visits a person twice and the bound always holds. Neo4j runs one Cypher pattern,
 * the SQL databases one recursive CTE; DynamoDB, which has neither, the engine's reads, one hop
 * at a time (the links by index, the records reached by key).
 */
@Models({PqPersons.class, PqFollows.class, PqTasks.class})
@Requires(Need.PATH_QUERIES)
public abstract class PathQueryScenarios {

  /**
   * ann -> bob (2015), bob -> cat (2016), cat -> ann (2017), bob -> dan (2018),
   * dan -> eve (2019), ann -> cat (2020); fay follows no one and no one follows her.
   */
  private static Map<String, PqPerson> graph(Db db) {
    Map<String, PqPerson> people = new TreeMap<>();
    int age = 20;
    for (String name : List.of("ann", "bob", "cat", "dan", "eve", "fay")) {
      people.put(name, await(PqPersons.create().name(name).age(age).exec(db)));
      age += 5;
    }
    follow(db, people, "ann", "bob", 2015);
    follow(db, people, "bob", "cat", 2016);
    follow(db, people, "cat", "ann", 2017);
    follow(db, people, "bob", "dan", 2018);
    follow(db, people, "dan", "eve", 2019);
    follow(db, people, "ann", "cat", 2020);
    return people;
  }

  private static void follow(Db db, Map<String, PqPerson> people, String from, String to,
      int since) {
    await(PqFollows.create().follower(people.get(from)).followee(people.get(to)).since(since)
        .exec(db));
  }

  private static PathQuery<PqPerson> fromAnn() {
    return PathQuery.from(PqPersons.MODEL, PqPersons.NAME.eq("ann"));
  }

  /** Each name reached with its length, sorted by name then length. */
  private static List<String> named(List<Reached<PqPerson>> reached) {
    List<String> out = new ArrayList<>();
    reached.forEach(r -> out.add(r.record().name() + ":" + r.length()));
    out.sort(null);
    return out;
  }

  @BackendTest
  public void reachesWithinTheBoundThroughACycle(Db db) {
    graph(db);
    assertEquals(List.of("bob:1", "cat:1", "dan:2", "eve:3"), named(awaitAll(fromAnn()
        .along(PqPersons.FOLLOWING.repeat(1, 3)).distinct().reached(db))));
    // the bound holds: eve is three hops away
    assertEquals(List.of("bob:1", "cat:1", "dan:2"), named(awaitAll(fromAnn()
        .along(PqPersons.FOLLOWING.repeat(1, 2)).distinct().reached(db))));
    // a cycle ends a path: ten hops reach no more than three do
    assertEquals(List.of("bob:1", "cat:1", "dan:2", "eve:3"), named(awaitAll(fromAnn()
        .along(PqPersons.FOLLOWING.repeat(1, 10)).distinct().reached(db))));
  }

  @BackendTest
  public void allPathsAnswerARecordOncePerPath(Db db) {
    graph(db);
    // cat is reached directly and through bob; ann is never reached again
    assertEquals(List.of("bob:1", "cat:1", "cat:2", "dan:2"), named(awaitAll(fromAnn()
        .along(PqPersons.FOLLOWING.repeat(1, 2)).reached(db))));
    assertEquals(List.of("bob:1", "cat:1", "dan:2"), named(awaitAll(fromAnn()
        .along(PqPersons.FOLLOWING.repeat(1, 2)).distinct().reached(db))));
  }

  @BackendTest
  public void theLowerBoundAndTheStartRecords(Db db) {
    graph(db);
    // at least two hops: cat's shortest path of two or more is two
    assertEquals(List.of("cat:2", "dan:2", "eve:3"), named(awaitAll(fromAnn()
        .along(PqPersons.FOLLOWING.repeat(2, 3)).distinct().reached(db))));
    // no hop at all: the start records themselves, at length 0
    assertEquals(List.of("ann:0", "bob:1", "cat:1"), named(awaitAll(fromAnn()
        .along(PqPersons.FOLLOWING.repeat(0, 1)).distinct().reached(db))));
  }

  @BackendTest
  public void filtersTheRecordsReached(Db db) {
    graph(db);
    // ages: ann 20, bob 25, cat 30, dan 35, eve 40
    assertEquals(List.of("dan", "eve"), awaitAll(fromAnn()
        .along(PqPersons.FOLLOWING.repeat(1, 3)).where(PqPersons.AGE.gt(30)).distinct()
        .stream(db)).stream().map(PqPerson::name).sorted().toList());
  }

  @BackendTest
  public void filtersTheLinksFollowed(Db db) {
    graph(db);
    // links before 2019 only: not dan -> eve, not ann -> cat
    assertEquals(List.of("bob:1", "cat:2", "dan:2"), named(awaitAll(fromAnn()
        .along(PqPersons.FOLLOWING.repeat(1, 3).links(PqFollows.SINCE.lt(2019))).distinct()
        .reached(db))));
  }

  @BackendTest
  public void theShortestPathBetweenTwoRecords(Db db) {
    graph(db);
    Reached<PqPerson> eve = await(fromAnn().along(PqPersons.FOLLOWING.repeat(1, 6))
        .shortestTo(PqPersons.NAME.eq("eve"), db));
    assertEquals("eve", eve.record().name());
    assertEquals(3, eve.length());
    Reached<PqPerson> cat = await(fromAnn().along(PqPersons.FOLLOWING.repeat(1, 6))
        .shortestTo(PqPersons.NAME.eq("cat"), db));
    assertEquals(1, cat.length());
    // fay is unreachable; eve is beyond two hops
    assertEquals(List.of(), awaitAll(fromAnn().along(PqPersons.FOLLOWING.repeat(1, 6))
        .shortestTo(PqPersons.NAME.eq("fay"), db).flux()));
    assertEquals(List.of(), awaitAll(fromAnn().along(PqPersons.FOLLOWING.repeat(1, 2))
        .shortestTo(PqPersons.NAME.eq("eve"), db).flux()));
  }

  @BackendTest
  public void anEmptyStartSetReachesNothing(Db db) {
    graph(db);
    assertEquals(List.of(), awaitAll(PathQuery.from(PqPersons.MODEL,
        PqPersons.NAME.eq("nobody")).along(PqPersons.FOLLOWING.repeat(1, 3)).reached(db)));
    assertEquals(List.of(), awaitAll(PathQuery.from(PqPersons.MODEL, PqPersons.NAME.eq("fay"))
        .along(PqPersons.FOLLOWING.repeat(1, 3)).reached(db)));
  }

  @BackendTest
  public void aForeignKeyToItsOwnModelUpAndDown(Db db) {
    PqTask design = await(PqTasks.create().title("design").exec(db));
    PqTask build = await(PqTasks.create().title("build").blocker(design).exec(db));
    await(PqTasks.create().title("ship").blocker(build).exec(db));
    await(PqTasks.create().title("other").exec(db));
    assertEquals(List.of("build:1", "design:2"), awaitAll(PathQuery.from(PqTasks.MODEL,
        PqTasks.TITLE.eq("ship")).along(PqTasks.BLOCKER.repeat(1, 5)).reached(db)).stream()
        .map(r -> r.record().title() + ":" + r.length()).sorted().toList());
    assertEquals(List.of("build:1", "ship:2"), awaitAll(PathQuery.from(PqTasks.MODEL,
        PqTasks.TITLE.eq("design")).along(PqTasks.BLOCKED.repeat(1, 5)).reached(db)).stream()
        .map(r -> r.record().title() + ":" + r.length()).sorted().toList());
  }

  @BackendTest
  @Requires({Need.PATH_QUERIES, Need.INTERACTIVE_TRANSACTIONS})
  public void seesTheTransactionsOwnWrites(Db db) {
    Map<String, PqPerson> people = graph(db);
    List<String> inside = await(db.transaction(tx -> PqFollows.create()
        .follower(people.get("eve")).followee(people.get("fay")).since(2021).exec(tx)
        .thenMany(fromAnn().along(PqPersons.FOLLOWING.repeat(1, 4)).distinct().reached(tx))
        .collectList().map(PathQueryScenarios::named)).next());
    assertEquals(List.of("bob:1", "cat:1", "dan:2", "eve:3", "fay:4"), inside);
  }

  @BackendTest
  public void cancellingMidStreamReleasesTheConnection(Db db, OperationLog log) {
    graph(db);
    List<Reached<PqPerson>> first = awaitAll(fromAnn().along(PqPersons.FOLLOWING.repeat(1, 3))
        .reached(db).take(1));
    assertEquals(1, first.size());
    Tck.eventually("every connection is released: acquired " + log.connectionsAcquired()
        + ", released " + log.connectionsReleased(), () -> log.connectionsInUse() == 0);
    // the pool still serves
    assertEquals(4, awaitAll(fromAnn().along(PqPersons.FOLLOWING.repeat(1, 3)).distinct()
        .reached(db)).size());
  }

  @BackendTest
  public void manyCancelledAtOnceReleaseEveryConnection(Db db, OperationLog log) {
    graph(db);
    // a hundred queries, sixteen at a time, cancelled after 0, 1 or 2 rows, or read to the end
    List<Integer> rows = await(Flux.range(0, 100).flatMap(i -> fromAnn()
        .along(PqPersons.FOLLOWING.repeat(1, 3)).reached(db).take(i % 4 == 3 ? 10 : i % 4)
        .count().map(Long::intValue), 16).collectList());
    assertEquals(100, rows.size());
    assertTrue(rows.stream().allMatch(n -> n <= 5), rows::toString);
    Tck.eventually("every connection is released: acquired " + log.connectionsAcquired()
        + ", released " + log.connectionsReleased(), () -> log.connectionsInUse() == 0);
    assertEquals(List.of("bob:1", "cat:1", "dan:2", "eve:3"), named(awaitAll(fromAnn()
        .along(PqPersons.FOLLOWING.repeat(1, 3)).distinct().reached(db))));
  }

  @BackendTest
  public void explainShowsTheBackendsPathQuery(Db db, OperationLog log) {
    String plan = db.explain(fromAnn().along(PqPersons.FOLLOWING.repeat(1, 3))
        .untyped(PathNode.Mode.DISTINCT));
    Capability c = db.capability();
    if (!c.pathQueries()) {
      assertTrue(plan.contains("step by step") && plan.contains("each hop, up to 3: PqFollow"),
          plan);
      assertTrue(db.explain(fromAnn().along(PqPersons.FOLLOWING.repeat(1, 3))
          .untyped(PathNode.Mode.SHORTEST)).contains("the nearest, LIMIT 1"));
      Tck.assertOperations(0, log);
      return;
    }
    if (c.cypher()) {
      assertTrue(plan.contains("*1..3]") && plan.contains("MATCH p = "), plan);
    } else {
      assertTrue(plan.contains("WITH RECURSIVE ") && plan.contains("UNION ALL"), plan);
    }
    String shortest = db.explain(fromAnn().along(PqPersons.FOLLOWING.repeat(1, 3))
        .untyped(PathNode.Mode.SHORTEST));
    assertTrue(c.cypher() ? shortest.contains("shortestPath(") : shortest.contains("MIN(")
        || shortest.contains("1 ROWS ONLY") || shortest.contains("LIMIT 1"), shortest);
    Tck.assertOperations(0, log);
  }
}
