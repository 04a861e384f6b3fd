package io.toasty.docs.paths;

import io.toasty.PathQuery;
import io.toasty.Reached;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.stmt.PathNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The example of the "Paths" sections of docs/queries.md, docs/neo4j.md and docs/dynamodb.md,
 * run by {@link PathsGuideTest} on H2, on Neo4j and on DynamoDB Local in the test JVM: the same
 * calls, the same output.
 * It blocks because it is a command-line program.
 */
public final class PathsGuide {
  private PathsGuide() {}

  /** Runs the example against {@code url}, printing what it reads to {@code out}. */
  public static void run(String url, PrintStream out) {
    Db db = Toasty.builder().models(Members.MODEL, Follows.MODEL).url(url).build();
    try {
      db.schema().push().block();
      tour(db, out);
    } finally {
      db.close().block();
    }
  }

  private static void tour(Db db, PrintStream out) {
    Map<String, Member> m = new TreeMap<>();
    for (String[] who : new String[][] {{"ann", "Oslo"}, {"bob", "Rome"}, {"cat", "Oslo"},
        {"dan", "Oslo"}, {"eve", "Rome"}}) {
      m.put(who[0], Members.create().name(who[0]).city(who[1]).exec(db).block());
    }
    // ann -> bob -> cat -> ann (a cycle), bob -> dan -> eve
    int since = 2018;
    for (String[] edge : new String[][] {{"ann", "bob"}, {"bob", "cat"}, {"cat", "ann"},
        {"bob", "dan"}, {"dan", "eve"}}) {
      Follows.create().follower(m.get(edge[0])).followed(m.get(edge[1])).since(since++)
          .exec(db).block();
    }
    // snippet: paths-reach
    // everyone within three hops of ann, each once, with the length of its shortest path
    List<Reached<Member>> near = PathQuery.from(Members.MODEL, Members.NAME.eq("ann"))
        .along(Members.FOLLOWING.repeat(1, 3))
        .where(Members.CITY.eq("Oslo"))          // a filter on the members reached
        .distinct()                              // without it: one row per path
        .reached(db).collectList().block();
    // following only links made before 2020: a filter on the join model's fields
    List<Member> early = PathQuery.from(Members.MODEL, Members.NAME.eq("ann"))
        .along(Members.FOLLOWING.repeat(1, 3).links(Follows.SINCE.lt(2020)))
        .distinct().stream(db).collectList().block();
    // the shortest path's length from ann to eve; empty when eve is out of reach
    Reached<Member> toEve = PathQuery.from(Members.MODEL, Members.NAME.eq("ann"))
        .along(Members.FOLLOWING.repeat(1, 6))
        .shortestTo(Members.NAME.eq("eve"), db).block();
    // end-snippet
    out.println("near " + near.stream().map(r -> r.record().name() + ":" + r.length())
        .sorted().toList() + ", early " + early.stream().map(Member::name).sorted().toList()
        + ", eve at " + toEve.length());
    // snippet: paths-explain
    String plan = db.explain(PathQuery.from(Members.MODEL, Members.NAME.eq("ann"))
        .along(Members.FOLLOWING.repeat(1, 3)).untyped(PathNode.Mode.DISTINCT));
    // end-snippet
    out.println(plan.contains("WITH RECURSIVE") || plan.contains("FOLLOWS`*1..3]")
        || plan.contains("step by step") ? "explained" : "not explained: " + plan);
  }
}
