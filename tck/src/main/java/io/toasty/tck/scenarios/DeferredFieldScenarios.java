package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Deferred;
import io.toasty.driver.Operation;
import io.toasty.error.DeferredNotLoadedException;
import io.toasty.error.NotLoadedException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.RelationNotLoadedException;
import io.toasty.reactive.Db;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.OperationLog;
import io.toasty.tck.models.Essay;
import io.toasty.tck.models.Essays;
import io.toasty.tck.models.Folio;
import io.toasty.tck.models.FolioCreate;
import io.toasty.tck.models.Folios;
import io.toasty.tck.models.Memo;
import io.toasty.tck.models.Memos;
import io.toasty.tck.models.Shelf;
import io.toasty.tck.models.Shelfs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code Deferred<T>} fields: left out of what a query reads (seen in the operations the driver
 * gets: the SQL query's columns, DynamoDB's projection), read when the query includes them or
 * afterwards by key, written by creates and updates like any field; reading one unloaded is the
 * typed error an unloaded relation also is.
 */
@Models({Shelfs.class, Essays.class, Memos.class, Folios.class})
public abstract class DeferredFieldScenarios {
  private static final int BODY = Essays.BODY.index();
  private static final int SCAN = Essays.SCAN.index();
  private static final byte[] BYTES = {0, 1, -1, 127, -128};

  private static Essay essay(Db db, long id, String body, Optional<byte[]> scan) {
    return await(Essays.create().id(id).shelfId(1).title("essay " + id).body(body).scan(scan)
        .words(body.length()).exec(db));
  }

  private static void shelf(Db db) {
    await(Shelfs.create().id(1).name("philosophy").exec(db));
  }

  /** The columns of the essays table that the logged read operations asked for. */
  private static Set<Integer> columnsRead(Db db, OperationLog log) {
    String essays = db.tableOf(Essays.MODEL);
    Set<Integer> out = new TreeSet<>();
    for (Operation op : log.operations()) {
      if (op instanceof Operation.QuerySql q && q.statement() instanceof Query s
          && s.source() instanceof Source.Table t && t.table().equals(essays)
          && s.returning() instanceof Returning.Project p) {
        p.exprs().forEach(e -> out.add(((ExprNode.Column) e).index()));
      } else if (op instanceof Operation.GetByKey g && g.table().equals(essays)) {
        out.addAll(g.columns());
      } else if (op instanceof Operation.QueryPk q && q.table().equals(essays)) {
        out.addAll(q.columns());
      } else if (op instanceof Operation.Scan s && s.table().equals(essays)) {
        out.addAll(s.columns());
      } else if (op instanceof Operation.FindPkByIndex f && f.table().equals(essays)) {
        out.addAll(f.columns());
      }
    }
    return out;
  }

  @BackendTest
  public void aQueryDoesNotReadDeferredColumns(Db db, OperationLog log) {
    shelf(db);
    essay(db, 1, "a long body", Optional.of(BYTES));
    log.clear();
    Essay read = await(Essays.getById(db, 1));
    assertEquals("essay 1", read.title());
    assertFalse(read.body().isLoaded());
    assertFalse(read.scan().isLoaded());
    Set<Integer> columns = columnsRead(db, log);
    assertFalse(columns.isEmpty(), "the read reached the driver: " + log.operations());
    assertFalse(columns.contains(BODY), "body was read: " + log.operations());
    assertFalse(columns.contains(SCAN), "scan was read: " + log.operations());
    assertTrue(columns.contains(Essays.TITLE.index()), columns.toString());
  }

  @BackendTest
  public void aScanOrFilteredQueryDoesNotReadThemEither(Db db, OperationLog log) {
    shelf(db);
    essay(db, 1, "one", Optional.empty());
    essay(db, 2, "two", Optional.empty());
    log.clear();
    List<Essay> all = awaitAll(Essays.filter(Essays.WORDS.ge(3)).orderBy(Essays.ID.asc())
        .stream(db));
    assertEquals(2, all.size());
    all.forEach(e -> assertFalse(e.body().isLoaded()));
    assertFalse(columnsRead(db, log).contains(BODY), log.operations().toString());
    assertFalse(columnsRead(db, log).contains(SCAN), log.operations().toString());
  }

  @BackendTest
  public void readingAnUnloadedFieldIsTheTypedNotLoadedError(Db db) {
    shelf(db);
    essay(db, 1, "body", Optional.empty());
    Essay read = await(Essays.getById(db, 1));
    DeferredNotLoadedException e = assertThrows(DeferredNotLoadedException.class,
        () -> read.body().get());
    assertEquals(Optional.of("Essay"), e.model());
    assertEquals(Optional.of("body"), e.field());
    assertTrue(e.getMessage().contains("include(..BODY)"), e.getMessage());
    // the same family of error as an unloaded relation
    assertInstanceOf(NotLoadedException.class, e);
    NotLoadedException relation = assertThrows(NotLoadedException.class,
        () -> read.shelf().get());
    assertInstanceOf(RelationNotLoadedException.class, relation);
  }

  @BackendTest
  public void anIncludeReadsTheField(Db db, OperationLog log) {
    shelf(db);
    essay(db, 1, "included body", Optional.of(BYTES));
    log.clear();
    Essay read = await(Essays.filterById(1).include(Essays.BODY).get(db));
    assertTrue(read.body().isLoaded());
    assertEquals("included body", read.body().get());
    assertFalse(read.scan().isLoaded());
    assertTrue(columnsRead(db, log).contains(BODY), log.operations().toString());
    assertFalse(columnsRead(db, log).contains(SCAN), log.operations().toString());
    Essay both = await(Essays.filterById(1).include(Essays.BODY, Essays.SCAN).get(db));
    assertArrayEquals(BYTES, both.scan().get().orElseThrow());
  }

  @BackendTest
  public void anAbsentOptionalDeferredFieldReadsEmpty(Db db) {
    shelf(db);
    essay(db, 1, "no scan", Optional.empty());
    Essay read = await(Essays.filterById(1).include(Essays.SCAN).get(db));
    assertEquals(Optional.empty(), read.scan().get());
    Essay plain = await(Essays.getById(db, 1));
    assertEquals(Optional.empty(), await(plain.scan().get(db)));
  }

  @BackendTest
  public void loadingAfterwardsReadsTheFieldByKey(Db db, OperationLog log) {
    shelf(db);
    essay(db, 1, "loaded later", Optional.of(BYTES));
    Essay read = await(Essays.getById(db, 1));
    log.clear();
    assertEquals("loaded later", await(read.body().get(db)));
    assertEquals(1, log.size(), log.operations().toString());
    assertTrue(columnsRead(db, log).contains(BODY), log.operations().toString());
    assertFalse(columnsRead(db, log).contains(SCAN), log.operations().toString());
    assertArrayEquals(BYTES, await(read.scan().get(db)).orElseThrow());
    // the record itself stays as it was loaded
    assertFalse(read.body().isLoaded());
  }

  @BackendTest
  public void loadingAfterTheRecordWasDeletedIsNotFound(Db db) {
    shelf(db);
    essay(db, 1, "gone", Optional.empty());
    Essay read = await(Essays.getById(db, 1));
    await(Essays.deleteById(1).exec(db));
    RecordNotFoundException e = failure(RecordNotFoundException.class,
        () -> read.body().get(db));
    assertTrue(e.getMessage().contains("Essay"), e.getMessage());
  }

  @BackendTest
  public void aCreateWritesTheFieldsAndReturnsThemLoaded(Db db) {
    shelf(db);
    String body = "ünïcödé ✓ 日本語 " + "x".repeat(20_000);
    Essay created = essay(db, 7, body, Optional.of(BYTES));
    assertEquals(body, created.body().get());
    assertArrayEquals(BYTES, created.scan().get().orElseThrow());
    Essay read = await(Essays.filterById(7).include(Essays.BODY, Essays.SCAN).get(db));
    assertEquals(body, read.body().get());
    assertArrayEquals(BYTES, read.scan().get().orElseThrow());
  }

  @BackendTest
  public void anUpdateWritesTheField(Db db) {
    shelf(db);
    Essay e = essay(db, 1, "first draft", Optional.empty());
    assertEquals(1L, await(Essays.updateById(1).body("second draft").scan(BYTES).exec(db)));
    Essay read = await(Essays.filterById(1).include(Essays.BODY, Essays.SCAN).get(db));
    assertEquals("second draft", read.body().get());
    assertArrayEquals(BYTES, read.scan().get().orElseThrow());
    Essay updated = await(Essays.update(e).body("final").scan(Optional.empty()).exec(db));
    assertEquals("final", updated.body().get());
    assertEquals(Optional.empty(), updated.scan().get());
    assertEquals("final", await(await(Essays.getById(db, 1)).body().get(db)));
  }

  @BackendTest
  public void anUpdateOfOtherFieldsKeepsTheDeferredOnes(Db db) {
    shelf(db);
    essay(db, 1, "kept", Optional.of(BYTES));
    Essay plain = await(Essays.getById(db, 1));
    await(Essays.update(plain).title("renamed").exec(db));
    Essay read = await(Essays.filterById(1).include(Essays.BODY, Essays.SCAN).get(db));
    assertEquals("renamed", read.title());
    assertEquals("kept", read.body().get());
    assertArrayEquals(BYTES, read.scan().get().orElseThrow());
  }

  @BackendTest
  public void aFilterOnADeferredFieldLeavesItUnloaded(Db db) {
    shelf(db);
    essay(db, 1, "needle", Optional.empty());
    essay(db, 2, "haystack", Optional.empty());
    List<Essay> found = awaitAll(Essays.filter(Essays.BODY.eq("needle")).stream(db));
    assertEquals(List.of(1L), found.stream().map(Essay::id).toList());
    assertFalse(found.get(0).body().isLoaded());
    assertEquals("needle", await(found.get(0).body().get(db)));
  }

  @BackendTest
  public void includedRecordsReadDeferredFieldsOnlyWhenTheIncludeSaysSo(Db db) {
    shelf(db);
    essay(db, 1, "first", Optional.empty());
    essay(db, 2, "second", Optional.of(BYTES));
    Shelf plain = await(Shelfs.filterById(1).include(Shelfs.ESSAYS).get(db));
    assertEquals(2, plain.essays().get().size());
    plain.essays().get().forEach(e -> assertFalse(e.body().isLoaded()));
    Shelf full = await(Shelfs.filterById(1)
        .include(Shelfs.ESSAYS.orderBy(Essays.ID.asc()).then(Essays.BODY)).get(db));
    assertEquals(List.of("first", "second"),
        full.essays().get().stream().map(e -> e.body().get()).toList());
    full.essays().get().forEach(e -> assertFalse(e.scan().isLoaded()));
  }

  @BackendTest
  public void aRelationIncludeAndADeferredIncludeGoTogether(Db db) {
    shelf(db);
    essay(db, 1, "with its shelf", Optional.empty());
    Essay read = await(Essays.filterById(1).include(Essays.SHELF, Essays.BODY).get(db));
    assertEquals("philosophy", read.shelf().get().name());
    assertEquals("with its shelf", read.body().get());
  }

  @BackendTest
  public void unloadedValuesCompareEqualAndLoadedOnesByValue(Db db) {
    shelf(db);
    essay(db, 1, "same", Optional.of(BYTES));
    Essay a = await(Essays.getById(db, 1));
    Essay b = await(Essays.getById(db, 1));
    assertEquals(a, b);
    Essay c = await(Essays.filterById(1).include(Essays.BODY, Essays.SCAN).get(db));
    Essay d = await(Essays.filterById(1).include(Essays.BODY, Essays.SCAN).get(db));
    assertEquals(c, d);
    assertFalse(a.equals(c));
    assertTrue(Arrays.equals(BYTES, d.scan().get().orElseThrow()));
  }

  private static void memos(Db db) {
    for (long i = 1; i <= 3; i++) {
      await(Memos.create().id(i).subject("memo " + i).text("text " + i).views(i * 1000)
          .exec(db));
    }
  }

  @BackendTest
  public void aModelWithoutRelationsReadsWithAndWithoutItsDeferredFields(Db db) {
    memos(db);
    List<Memo> plain = awaitAll(Memos.all().orderBy(Memos.ID.desc()).limit(2).stream(db));
    assertEquals(List.of(3L, 2L), plain.stream().map(Memo::id).toList());
    plain.forEach(m -> assertFalse(m.text().isLoaded() || m.views().isLoaded()));
    // every field read: the rows may go straight into records (the driver's row reader)
    List<Memo> full = awaitAll(Memos.all().include(Memos.TEXT, Memos.VIEWS)
        .orderBy(Memos.ID.asc()).stream(db));
    assertEquals(List.of("text 1", "text 2", "text 3"),
        full.stream().map(m -> m.text().get()).toList());
    assertEquals(List.of(1000L, 2000L, 3000L), full.stream().map(m -> m.views().get()).toList());
  }

  @BackendTest
  public void aDeferredNumberLoadsAfterwardsAndUpdates(Db db) {
    memos(db);
    Memo m = await(Memos.getById(db, 2));
    assertThrows(DeferredNotLoadedException.class, () -> m.views().get());
    await(Memos.updateById(2).views(2500L).exec(db));
    assertEquals(2500L, await(m.views().get(db)));
    assertEquals("text 2", await(m.text().get(db)));
    Memo reread = await(Memos.filterById(2).include(Memos.VIEWS).get(db));
    assertEquals(2500L, reread.views().get());
    assertFalse(reread.text().isLoaded());
  }

  /**
   * 1,000 random folios written with their deferred values: read back with every deferred field
   * included they equal what was written; read without, the plain fields do and none is loaded.
   */
  @BackendTest
  public void randomDeferredValuesRoundTrip(Db db) {
    Random random = new Random(17);
    Map<Long, Folio> written = new HashMap<>();
    List<FolioCreate> batch = new ArrayList<>();
    for (long id = 0; id < 1000; id++) {
      Folio f = randomFolio(random, id);
      written.put(id, f);
      batch.add(Folios.create().id(id).title(f.title()).body(f.body().get())
          .note(f.note().get()).count(f.count().get()).scan(f.scan().get()));
      if (batch.size() == 25) {
        await(Folios.createMany(batch).exec(db));
        batch.clear();
      }
    }
    Map<Long, String> titles = new HashMap<>();
    written.values().forEach(f -> titles.put(f.id(), f.title()));
    List<Folio> full = await(Folios.all()
        .include(Folios.BODY, Folios.NOTE, Folios.COUNT, Folios.SCAN).collect(db));
    assertEquals(List.of(), RoundTrips.differences(written, full, Folio::id));
    List<String> differences = new ArrayList<>();
    for (Folio plain : await(Folios.all().collect(db))) {
      if (!plain.title().equals(titles.remove(plain.id())) || plain.body().isLoaded()
          || plain.note().isLoaded() || plain.count().isLoaded() || plain.scan().isLoaded()) {
        differences.add(plain.toString());
      }
    }
    titles.keySet().forEach(id -> differences.add("missing " + id));
    assertEquals(List.of(), differences);
  }

  private static final String[] TEXTS = {"", " ", "a", "Grüße", "日本語テキスト", "🎉🚀",
      "שלום", "∀x∈ℝ", "'; DROP TABLE t17_folios; --", "back\\slash", "line\nbreak", "tab\t",
      "%_", "\"quoted\"", "null", "\u007f\u0001"};
  private static final long[] LONGS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE,
      Integer.MAX_VALUE, Integer.MIN_VALUE};

  private static Folio randomFolio(Random random, long id) {
    Optional<byte[]> scan = Optional.empty();
    if (random.nextInt(3) > 0) {
      byte[] bytes = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(300)];
      random.nextBytes(bytes);
      scan = Optional.of(bytes);
    }
    return new Folio(id, text(random), Deferred.of(text(random)),
        Deferred.of(random.nextInt(3) == 0 ? Optional.empty() : Optional.of(text(random))),
        Deferred.of(random.nextBoolean() ? random.nextLong()
            : LONGS[random.nextInt(LONGS.length)]),
        Deferred.of(scan));
  }

  private static String text(Random random) {
    return RandomTexts.text(random, TEXTS);
  }
}
