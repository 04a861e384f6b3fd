package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Agg;
import io.toasty.error.InvalidStatementException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Author;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Comments;
import io.toasty.tck.models.Courses;
import io.toasty.tck.models.Enrollments;
import io.toasty.tck.models.Students;
import java.util.Arrays;
import java.util.List;
import reactor.util.function.Tuple2;

/**
 * A relation's count and other aggregates per record, selected and ordered by: each query is one
 * statement (a correlated subquery), never one per record; a key-value backend reads the records
 * and then the related records once, grouped by their foreign key ({@link #reads(Db)}).
 */
@Models({Authors.class, Articles.class, Comments.class, Bios.class, Students.class,
    Courses.class, Enrollments.class})
public abstract class RelationAggregateScenarios {

  @BackendTest
  @Requires(Need.RELATION_AGGREGATE)
  public void relationCountsAreSelectedAndOrderedBy(Db db, OperationLog log) {
    PreloadScenarios.data(db); // ann: a1 (3 votes), a2 (7); bob: b1 (5); cy none
    log.clear();
    List<Tuple2<String, Long>> counts = await(Authors.all()
        .select(Authors.NAME, Authors.ARTICLES.count())
        .orderBy(Authors.ARTICLES.count().desc(), Authors.NAME.asc()).collect(db));
    assertEquals("[[ann,2], [bob,1], [cy,0]]", counts.toString());
    assertEquals(reads(db), log.size(), log::toString);
    // counting only the related records that match, ascending
    assertEquals("[[cy,0], [ann,1], [bob,1]]", await(Authors.all()
        .select(Authors.NAME, Authors.ARTICLES.count(Articles.VOTES.ge(5)))
        .orderBy(Authors.ARTICLES.count(Articles.VOTES.ge(5)).asc(), Authors.NAME.asc())
        .collect(db)).toString());
    // records ordered by a count, limited: the most prolific author
    log.clear();
    List<Author> top = await(Authors.all().orderBy(Authors.ARTICLES.count().desc())
        .limit(1).collect(db));
    assertEquals("ann", top.get(0).name());
    assertEquals(reads(db), log.size(), log::toString);
  }

  /**
   * The operations of a query with one relation aggregate: one statement, or on a key-value
   * backend the records' read and the related records' grouped read.
   */
  static int reads(Db db) {
    return db.capability().subqueries() ? 1 : 2;
  }

  @BackendTest
  @Requires(Need.RELATION_AGGREGATE)
  public void otherAggregatesOfARelationAreNullWithoutRecords(Db db) {
    PreloadScenarios.data(db);
    List<List<Object>> rows = await(Authors.all().select(Arrays::asList, List.of(Authors.NAME,
        Authors.ARTICLES.aggregate(Agg.sum(Articles.VOTES)),
        Authors.ARTICLES.aggregate(Agg.max(Articles.TITLE)),
        Authors.ARTICLES.aggregate(Agg.min(Articles.VOTES))))
        .orderBy(Authors.NAME.asc()).collect(db));
    assertEquals(List.of(Arrays.asList("ann", 10L, "a2", 3), Arrays.asList("bob", 5L, "b1", 5),
        Arrays.asList("cy", null, null, null)), rows);
  }

  /** Through a join model a count counts its rows: one per related pair. */
  @BackendTest
  @Requires(Need.RELATION_AGGREGATE)
  public void relationCountsGoThroughTheJoinModel(Db db, OperationLog log) {
    ManyToManyScenarios.data(db); // art: ann, bob; math: ann; gym: nobody
    log.clear();
    assertEquals("[[art,2], [math,1], [gym,0]]", await(Courses.all()
        .select(Courses.TITLE, Courses.STUDENTS.count())
        .orderBy(Courses.STUDENTS.count().desc(), Courses.TITLE.asc()).collect(db)).toString());
    assertEquals(reads(db), log.size(), log::toString);
    assertEquals("[[art,1], [gym,0], [math,1]]", await(Courses.all()
        .select(Courses.TITLE, Courses.STUDENTS.count(Students.NAME.eq("ann")))
        .orderBy(Courses.TITLE.asc()).collect(db)).toString());
    assertEquals("[[ann,2], [bob,1]]", await(Students.all()
        .select(Students.NAME, Students.COURSES.count())
        .orderBy(Students.NAME.asc()).collect(db)).toString());
  }

  /**
   * Through a join model any other aggregate reads the targets: their greatest and least name,
   * NULL where there are none (a condition on them: {@code SelfRelationAggregateScenarios}). A key-value backend reads the records, then each
   * window's join records through their foreign key's index, then the targets by key.
   */
  @BackendTest
  @Requires(Need.RELATION_AGGREGATE)
  public void aggregatesThroughTheJoinModelReadTheTargets(Db db, OperationLog log) {
    ManyToManyScenarios.data(db); // art: ann, bob; math: ann; gym: nobody
    log.clear();
    List<List<Object>> rows = await(Courses.all().select(Arrays::asList, List.of(
            Courses.TITLE,
            Courses.STUDENTS.aggregate(Agg.max(Students.NAME)),
            Courses.STUDENTS.aggregate(Agg.min(Students.NAME))))
        .orderBy(Courses.TITLE.asc()).collect(db));
    assertEquals(List.of(Arrays.asList("art", "bob", "ann"), Arrays.asList("gym", null, null),
        Arrays.asList("math", "ann", "ann")), rows);
    // a key-value backend: the courses, then per aggregate the enrollments and the students
    assertEquals(db.capability().subqueries() ? 1 : 5, log.size(), log::toString);
  }

  /**
   * What would miscount is refused by name before anything runs: a grouped query (its records
   * are groups, with no key to correlate on). A self relation is counted as any other, see
   * {@link SelfRelationAggregateScenarios}.
   */
  @BackendTest
  @Requires(Need.RELATION_AGGREGATE)
  public void aggregatesThatWouldMiscountAreRefusedByName(Db db, OperationLog log) {
    PreloadScenarios.data(db);
    assertEquals(List.of(2L, 1L, 0L), await(Authors.all().select(Authors.ARTICLES.count())
        .orderBy(Authors.NAME.asc()).collect(db)));
    log.clear();
    InvalidStatementException grouped = Tck.failure(InvalidStatementException.class,
        () -> Authors.all().select(Authors.NAME, Authors.ARTICLES.count()).distinct()
            .collect(db));
    assertTrue(grouped.getMessage().contains("articles"), grouped.getMessage());
    assertEquals(0, log.size(), log::toString);
  }
}
