package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Insert;
import io.toasty.driver.Operation;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Artist;
import io.toasty.tck.models.Artists;
import io.toasty.tck.models.Course;
import io.toasty.tck.models.Courses;
import io.toasty.tck.models.Curators;
import io.toasty.tck.models.Enrollments;
import io.toasty.tck.models.Frame;
import io.toasty.tck.models.Frames;
import io.toasty.tck.models.Gallery;
import io.toasty.tck.models.Galleries;
import io.toasty.tck.models.Painting;
import io.toasty.tck.models.Paintings;
import io.toasty.tck.models.Student;
import io.toasty.tck.models.Students;
import java.util.List;

/**
 * A nested create returns what it created, relations loaded: the related records as stored (their
 * generated keys, defaults and timestamps), to any depth, has-one and belongs-to alike, read from
 * the rows the inserts return (or, on DynamoDB, the items written): no operation beyond the
 * inserts.
 */
@Models({Galleries.class, Paintings.class, Frames.class, Curators.class, Artists.class,
    Courses.class, Students.class, Enrollments.class})
public abstract class NestedCreateResultScenarios {

  private static Gallery createGallery(Db db) {
    return await(Galleries.create().name("north")
        .paintings(Paintings.create().title("a dawn")
                .frames(Frames.create(), Frames.create().wood("ash")),
            Paintings.create().title("b dusk").edition(3))
        .curator(Curators.create().name("cy"))
        .exec(db));
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void theCreatedChildrenComeBackAsStored(Db db) {
    Gallery g = createGallery(db);
    List<Painting> paintings = g.paintings().get();
    assertEquals(List.of("a dawn", "b dusk"), paintings.stream().map(Painting::title).toList());
    for (Painting p : paintings) {
      assertNotNull(p.id(), "generated key");
      assertEquals(g.id(), p.galleryId(), "foreign key filled");
      assertNotNull(p.paintedAt(), "creation time");
      assertFalse(p.gallery().isLoaded(), "the way back is not loaded");
      assertFalse(p.artist().isLoaded(), "a relation the create did not set");
    }
    assertEquals(1, paintings.get(0).edition(), "the default");
    assertEquals(3, paintings.get(1).edition());
    assertEquals(List.of("oak", "ash"), paintings.get(0).frames().get().stream()
        .map(Frame::wood).toList());
    assertEquals(paintings.get(0).id(), paintings.get(0).frames().get().get(0).paintingId());
    assertFalse(paintings.get(1).frames().isLoaded(), "created without frames: not loaded");
    assertEquals("cy", g.curator().get().orElseThrow().name());
    assertEquals(g.id(), g.curator().get().orElseThrow().galleryId());
    // As stored: what a query reads back is the same records, to the last field. Compared
    // record by record, not as one gallery: the query that includes frames loads "b dusk"'s as
    // empty, where the create, which gave it none, leaves them not loaded (docs/relations.md).
    Gallery read = await(Galleries.filterById(g.id()).include(
        Galleries.PAINTINGS.orderBy(Paintings.TITLE.asc()).then(Paintings.FRAMES
            .orderBy(Frames.WOOD.desc())), Galleries.CURATOR).get(db));
    assertEquals(List.of(g.id(), g.name(), g.openedAt()),
        List.of(read.id(), read.name(), read.openedAt()));
    assertEquals(read.curator(), g.curator());
    assertEquals(read.paintings().get().get(0), paintings.get(0));
    assertEquals(List.of(), read.paintings().get().get(1).frames().get());
    assertEquals(await(Paintings.filterById(paintings.get(1).id()).get(db)), paintings.get(1));
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void noOperationIsAddedToReturnTheRelations(Db db, OperationLog log) {
    log.clear();
    Gallery g = createGallery(db);
    assertEquals(2, g.paintings().get().size());
    assertEquals(0, reads(log), "nothing is read back: " + log);
    if (db.capability().sql()) {
      // gallery, paintings (one multi-row insert, or one per row), frames, curator
      long inserts = db.capability().multiRowInsert() ? 4 : 5;
      assertEquals(inserts, log.count(Operation.Insert.class), log::toString);
    } else {
      assertEquals(1, log.count(Operation.Atomic.class), "one TransactWriteItems: " + log);
      assertEquals(1, log.size(), log::toString);
    }
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void aBelongsToParentCreatedAlongsideIsLoaded(Db db, OperationLog log) {
    Gallery g = await(Galleries.create().name("east").exec(db));
    log.clear();
    Painting p = await(g.paintings().create(Paintings.create()).title("portrait")
        .artist(Artists.create().name("vera")).exec(db));
    assertEquals(0, reads(log), log::toString);
    Artist artist = p.artist().get().orElseThrow();
    assertEquals("vera", artist.name());
    assertEquals(p.artistId().orElseThrow(), artist.id());
    assertFalse(artist.paintings().isLoaded());
    assertFalse(p.gallery().isLoaded(), "linked to an existing gallery: not read");
    assertEquals(artist, await(Artists.filterById(artist.id()).get(db)));
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void aParentCreatedWithItsChildrensNewParentsNestsEveryLevel(Db db) {
    Gallery g = await(Galleries.create().name("west")
        .paintings(Paintings.create().title("one").artist(Artists.create().name("al"))
            .frames(Frames.create().wood("pine")),
            Paintings.create().title("two"))
        .exec(db));
    Painting one = g.paintings().get().get(0);
    assertEquals("al", one.artist().get().orElseThrow().name());
    assertEquals("pine", one.frames().get().get(0).wood());
    assertFalse(g.paintings().get().get(1).artist().isLoaded());
    Painting read = await(Paintings.filterById(one.id()).include(Paintings.ARTIST,
        Paintings.FRAMES).get(db));
    assertEquals(read, one);
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void manyToManyTargetsComeBackThroughTheirJoinRecords(Db db, OperationLog log) {
    log.clear();
    Course c = await(Courses.create().title("chemistry")
        .students(Students.create().name("ann"), Students.create().name("bob"))
        .exec(db));
    assertEquals(0, reads(log), log::toString);
    List<Student> students = c.students().get();
    assertEquals(List.of("ann", "bob"), students.stream().map(Student::name).toList());
    assertFalse(c.enrollments().isLoaded(), "the join records are not the relation asked for");
    Course read = await(Courses.filterById(c.id())
        .include(Courses.STUDENTS.orderBy(Students.NAME.asc())).get(db));
    assertEquals(read.students().get(), students);
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void severalRecordsEachGetTheirOwnChildren(Db db) {
    List<Gallery> created = await(Insert.of(Galleries.MODEL, List.of(
        Galleries.create().name("g1").paintings(Paintings.create().title("p1")),
        Galleries.create().name("g2").paintings(Paintings.create().title("p2"),
            Paintings.create().title("p3")),
        Galleries.create().name("g3"))).exec(db));
    assertEquals(List.of("p1"), titles(created.get(0)));
    assertEquals(List.of("p2", "p3"), titles(created.get(1)));
    assertFalse(created.get(2).paintings().isLoaded());
    for (Gallery g : created.subList(0, 2)) {
      assertTrue(g.paintings().get().stream().allMatch(p -> p.galleryId().equals(g.id())));
    }
  }

  private static List<String> titles(Gallery g) {
    return g.paintings().get().stream().map(Painting::title).toList();
  }

  /** Operations that read: none of them may be sent to return what was created. */
  private static long reads(OperationLog log) {
    return log.operations().stream().filter(o -> o instanceof Operation.QuerySql
        || o instanceof Operation.GetByKey || o instanceof Operation.QueryPk
        || o instanceof Operation.FindPkByIndex || o instanceof Operation.Scan
        || o instanceof Operation.Count).count();
  }
}
