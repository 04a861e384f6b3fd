package io.toasty.docs.dynamo;

import io.toasty.Agg;
import io.toasty.docs.dynamo.Sailor.Gear;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.io.PrintStream;
import java.util.List;
import reactor.util.function.Tuple2;

/**
 * The many-to-many, JSON path and mixed batch examples of {@code docs/dynamodb.md}, run against
 * DynamoDB Local by {@link JoinModelGuideTest}. It blocks because it is a command-line program.
 */
public final class JoinModelGuide {
  private JoinModelGuide() {}

  /** Runs the example against {@code url}, printing what it does to {@code out}. */
  public static void run(String url, PrintStream out) {
    Db db = Toasty.builder().models(Sailors.MODEL, Boats.MODEL, Crewings.MODEL).url(url).build();
    db.schema().push().block();
    try {
      tour(db, out);
    } finally {
      db.close().block();
    }
  }

  private static void relationCounts(Db db, PrintStream out) {
    // snippet: dynamo-relation-aggregates
    // the sailors, then per window of sailors their crewings through the sailorId index,
    // counted and sorted in memory
    List<Tuple2<String, Long>> crews = Sailors.all()
        .select(Sailors.NAME, Sailors.BOATS.count())
        .orderBy(Sailors.BOATS.count().desc(), Sailors.NAME.asc())
        .collect(db).block();                      // [ann, 2], [bob, 1]
    String plan = db.explain(Sailors.all().select(Sailors.NAME, Sailors.BOATS.count())
        .untyped());
    // ... %1 NestedMerge %0 in windows of 500 rows; ...: QuerySql SELECT .. FROM crewings
    //         + (..) IN window keys
    //     %2 AggregateSlot %1 position 3: COUNT_ALL of the related records there (in memory,
    //         streaming: 0 without related records)
    // through the join model any other aggregate reads the boats themselves: per window of
    // sailors their crewings by the sailorId index, then those boats by key (BatchGetItem)
    List<Tuple2<String, String>> last = Sailors.all()
        .select(Sailors.NAME, Sailors.BOATS.aggregate(Agg.max(Boats.NAME)))
        .orderBy(Sailors.NAME.asc())
        .collect(db).block();                      // [ann, Wave], [bob, Gull]
    // end-snippet
    out.println(crews + (plan.contains("AggregateSlot") ? " by window" : " unexpected:\n"
        + plan));
    out.println(last);
  }

  private static void tour(Db db, PrintStream out) {
    // snippet: dynamo-many-to-many
    Sailor ann = Sailors.create().name("ann").gear(new Gear("M", true)).exec(db).block();
    Sailor bob = Sailors.create().name("bob").gear(new Gear("L", false)).exec(db).block();
    Boat wave = Boats.create().name("Wave").exec(db).block();
    Boat gull = Boats.create().name("Gull").exec(db).block();
    ann.boats().insert(db, wave, gull).block();    // two Crewing items, one TransactWriteItems
    bob.boats().insert(db, gull).block();
    // per window of sailors: their crewings by the sailorId index, then the boats by key
    // (BatchGetItem, 100 keys a request), merged and ordered in memory
    List<Sailor> sailors = Sailors.all().orderBy(Sailors.NAME.asc())
        .include(Sailors.BOATS.orderBy(Boats.NAME.asc())).collect(db).block();
    for (Sailor s : sailors) {
      out.println(s.name() + ": " + s.boats().get().stream().map(Boat::name).toList());
    }
    // end-snippet
    relationCounts(db, out);

    // snippet: dynamo-cascade-join
    ann.boats().remove(db, wave).block();          // the link goes, the boat stays
    Sailors.delete(bob).exec(db).block();          // bob and his crewings: one TransactWriteItems
    out.println("crewings " + Crewings.all().count(db).block()
        + ", boats " + Boats.all().count(db).block());   // crewings 1, boats 2
    // end-snippet

    // snippet: dynamo-json-path
    // the engine reads the path in each document the read returns
    List<Sailor> skippers = Sailors.filter(Sailors.GEAR.text("skipper").eq("true"))
        .collect(db).block();
    Long resized = Sailors.filter(Sailors.GEAR.text("size").eq("M")).update()
        .gear(new Gear("S", true)).exec(db).block();
    // end-snippet
    out.println("skippers " + skippers.stream().map(Sailor::name).toList()
        + ", resized " + resized);

    // snippet: dynamo-mixed-batch
    // a query and a write: one optimistic transaction, the update sent at COMMIT on condition
    // that what the query read is unchanged
    Tuple2<List<Sailor>, Long> both = Toasty.batch(
            Sailors.filter(Sailors.NAME.eq("ann")).asList(),
            Boats.updateById(wave.id()).name("Wave II"))
        .exec(db).block();
    // end-snippet
    out.println("batch read " + both.getT1().size() + ", renamed " + both.getT2());
  }
}
