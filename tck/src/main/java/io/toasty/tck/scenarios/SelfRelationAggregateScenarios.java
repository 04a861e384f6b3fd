package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.Agg;
import io.toasty.Condition;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.PqFollows;
import io.toasty.tck.models.PqPerson;
import io.toasty.tck.models.PqPersons;
import io.toasty.tck.models.RaPerson;
import io.toasty.tck.models.RaPersons;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A self relation without a join model ({@code mentor}, and the {@code mentees} that point back)
 * counted and aggregated per record, selected, ordered and filtered by: the subquery reads the
 * model's own table, so its correlation must tell the record counted from the records it
 * counts. One statement on SQL and Cypher; a key-value backend joins the related records to
 * each record in memory, and filters by a count as for any relation.
 */
@Models({RaPersons.class, PqPersons.class, PqFollows.class})
public abstract class SelfRelationAggregateScenarios {

  /** ann (50) mentors bob (30), cy (40) and dee (20); bob mentors eve (25); fay (60) is alone. */
  static void data(Db db) {
    RaPerson ann = person(db, "ann", 50, null);
    RaPerson bob = person(db, "bob", 30, ann);
    person(db, "cy", 40, ann);
    person(db, "dee", 20, ann);
    person(db, "eve", 25, bob);
    person(db, "fay", 60, null);
  }

  private static RaPerson person(Db db, String name, int age,
      @Nullable RaPerson mentor) {
    var create = RaPersons.create().name(name).age(age);
    return await((mentor == null ? create : create.mentor(mentor)).exec(db));
  }

  @BackendTest
  @Requires(Need.RELATION_AGGREGATE)
  public void selfRelationCountsAreSelectedAndOrderedBy(Db db, OperationLog log) {
    data(db);
    log.clear();
    assertEquals("[[ann,3], [bob,1], [cy,0], [dee,0], [eve,0], [fay,0]]", await(RaPersons.all()
        .select(RaPersons.NAME, RaPersons.MENTEES.count())
        .orderBy(RaPersons.MENTEES.count().desc(), RaPersons.NAME.asc()).collect(db)).toString());
    assertEquals(RelationAggregateScenarios.reads(db), log.size(), log::toString);
    // counting only the mentees that match, in a filtered query
    assertEquals("[[ann,2], [bob,0]]", await(RaPersons.filter(RaPersons.AGE.lt(55))
        .select(RaPersons.NAME, RaPersons.MENTEES.count(RaPersons.AGE.ge(30)))
        .orderBy(RaPersons.MENTEES.count(RaPersons.AGE.ge(30)).desc(), RaPersons.NAME.asc())
        .limit(2).collect(db)).toString());
    // the records themselves, ordered by their count: the busiest mentor
    log.clear();
    List<RaPerson> top = await(RaPersons.all().orderBy(RaPersons.MENTEES.count().desc())
        .limit(1).collect(db));
    assertEquals("ann", top.get(0).name());
    assertEquals(RelationAggregateScenarios.reads(db), log.size(), log::toString);
  }

  @BackendTest
  @Requires(Need.RELATION_AGGREGATE)
  public void otherAggregatesOfASelfRelationAreNullWithoutRecords(Db db) {
    data(db);
    List<List<Object>> rows = await(RaPersons.all().select(Arrays::asList, List.of(
        RaPersons.NAME,
        RaPersons.MENTEES.aggregate(Agg.sum(RaPersons.AGE)),
        RaPersons.MENTEES.aggregate(Agg.max(RaPersons.NAME)),
        RaPersons.MENTEES.aggregate(Agg.min(RaPersons.AGE))))
        .orderBy(RaPersons.NAME.asc()).collect(db));
    assertEquals(List.of(Arrays.asList("ann", 90L, "dee", 20), Arrays.asList("bob", 25L, "eve", 25),
        Arrays.asList("cy", null, null, null), Arrays.asList("dee", null, null, null),
        Arrays.asList("eve", null, null, null), Arrays.asList("fay", null, null, null)), rows);
  }

  /** A count whose condition is itself a count over the same relation: mentees who mentor. */
  @BackendTest
  @Requires(Need.RELATION_AGGREGATE)
  public void selfRelationCountsNest(Db db, OperationLog log) {
    data(db);
    log.clear();
    assertEquals("[[ann,1], [bob,0], [cy,0]]", await(RaPersons.filter(RaPersons.AGE.ge(30)
            .and(RaPersons.AGE.lt(55)))
        .select(RaPersons.NAME, RaPersons.MENTEES.count(RaPersons.MENTEES.count().ge(1)))
        .orderBy(RaPersons.NAME.asc()).collect(db)).toString());
    // a key-value backend: the records, the mentees grouped by mentor, the mentors' mentees
    assertEquals(db.capability().subqueries() ? 1 : 3, log.size(), log::toString);
  }

  /**
   * Through a join model between records of one model (who follows whom), an aggregate other
   * than a count reads the targets the pairs point to: the subquery on the model's own table
   * holds the pairs' subquery, which reads the outer record's key. A key-value backend reads each
   * window's pairs through the follower's index, then the persons they point to by key.
   */
  @BackendTest
  @Requires(Need.RELATION_AGGREGATE)
  public void aggregatesThroughASelfJoinModelReadTheTargets(Db db) {
    PqPerson ann = await(PqPersons.create().name("ann").age(50).exec(db));
    PqPerson bob = await(PqPersons.create().name("bob").age(30).exec(db));
    PqPerson cy = await(PqPersons.create().name("cy").age(40).exec(db));
    for (PqPerson[] pair : new PqPerson[][] {{ann, bob}, {ann, cy}, {bob, cy}}) {
      await(PqFollows.create().follower(pair[0]).followee(pair[1]).since(2020).exec(db));
    }
    List<List<Object>> rows = await(PqPersons.all().select(Arrays::asList, List.of(
        PqPersons.NAME,
        PqPersons.FOLLOWING.count(),
        PqPersons.FOLLOWING.aggregate(Agg.max(PqPersons.AGE)),
        PqPersons.FOLLOWING.aggregate(Agg.sum(PqPersons.AGE), PqPersons.AGE.lt(35))))
        .orderBy(PqPersons.NAME.asc()).collect(db));
    assertEquals(List.of(Arrays.asList("ann", 2L, 40, 30L), Arrays.asList("bob", 1L, 40, null),
        Arrays.asList("cy", 0L, null, null)), rows);
  }

  /**
   * Filtering by a self relation's count (a grouped semi-join over the model's own table, no
   * correlation) and by its mentor's: every backend, a key-value backend in two steps.
   */
  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void selfRelationCountsFilter(Db db) {
    data(db);
    assertEquals(List.of("ann"), names(db, RaPersons.MENTEES.count().ge(2)));
    assertEquals(List.of("ann", "bob"), names(db, RaPersons.MENTEES.count().ge(1)));
    assertEquals(List.of("bob"), names(db, RaPersons.MENTEES.count().eq(1)));
    assertEquals(List.of("cy", "dee", "eve", "fay"), names(db, RaPersons.MENTEES.count().eq(0)));
    assertEquals(List.of("ann"), names(db, RaPersons.MENTEES.count(RaPersons.AGE.lt(35)).ge(2)));
    // whose mentor mentors at least two
    assertEquals(List.of("bob", "cy", "dee"), names(db, RaPersons.MENTOR.is(
        RaPersons.MENTEES.count().ge(2))));
  }

  private static List<String> names(Db db, Condition filter) {
    return await(RaPersons.filter(filter).collect(db)).stream().map(RaPerson::name).sorted()
        .toList();
  }
}
