package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.Select;
import io.toasty.error.InvalidStatementException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Bag;
import io.toasty.tck.models.BagCreate;
import io.toasty.tck.models.Bags;
import io.toasty.tck.models.Crate;
import io.toasty.tck.models.CrateCreate;
import io.toasty.tck.models.Crates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection fields ({@code List}, {@code Set}, {@code Map<String, T>} of scalars), one column
 * each: written whole and read back equal, empty and absent kept apart, replaced whole by updates
 * and upserts, never compared whole; a NULL item or a number that is not finite fails naming
 * model and field before anything is sent; and a round trip of random collections.
 */
@Models({Crates.class, Bags.class})
public abstract class CollectionFieldScenarios {
  static final UUID U1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
  static final UUID U2 = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");

  static CrateCreate crate(String name, List<String> tags, Set<Long> numbers,
      Map<String, Integer> counts) {
    return Crates.create().id(UUID.randomUUID()).name(name).tags(tags).numbers(numbers)
        .counts(counts);
  }

  static Crate create(Db db, String name, List<String> tags, Set<Long> numbers,
      Map<String, Integer> counts) {
    return await(crate(name, tags, numbers, counts).exec(db));
  }

  static Crate reread(Db db, Crate b) {
    return await(Crates.getById(db, b.id()));
  }

  @BackendTest
  public void aCreatedRecordReadsBackItsCollections(Db db) {
    Crate b = await(crate("ann", List.of("b", "a", "b"), Set.of(3L, 1L, 2L),
        Map.of("x", 1, "y", -2)).refs(List.of(U1, U2)).exec(db));
    assertEquals(List.of("b", "a", "b"), b.tags());
    Crate read = reread(db, b);
    assertEquals(List.of("b", "a", "b"), read.tags(), "a list keeps order and duplicates");
    assertEquals(Set.of(1L, 2L, 3L), read.numbers());
    assertEquals(Map.of("x", 1, "y", -2), read.counts());
    assertEquals(Optional.of(List.of(U1, U2)), read.refs());
  }

  @BackendTest
  public void emptyAndAbsentCollectionsStayApart(Db db) {
    Crate none = create(db, "none", List.of(), Set.of(), Map.of());
    Crate empty = await(crate("empty", List.of(), Set.of(), Map.of()).refs(List.of())
        .exec(db));
    Crate readNone = reread(db, none);
    assertEquals(List.of(), readNone.tags());
    assertEquals(Set.of(), readNone.numbers());
    assertEquals(Map.of(), readNone.counts());
    assertEquals(Optional.empty(), readNone.refs());
    assertEquals(Optional.of(List.of()), reread(db, empty).refs());
    assertEquals(List.of("none"), names(db, Crates.filter(Crates.REFS.isNull())));
    assertEquals(List.of("empty"), names(db, Crates.filter(Crates.REFS.isNotNull())));
  }

  @BackendTest
  public void itemsOfEveryKindRoundTrip(Db db) {
    List<String> tags = List.of("日本語", "", "'; DROP TABLE crate; --", "\"quoted\"",
        "back\\slash", "line\nbreak", "🎉", "[1,2]", "{\"a\":1}", "null", "\u0001\u007f");
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("", 0);
    counts.put("ключ", Integer.MIN_VALUE);
    counts.put("with space", Integer.MAX_VALUE);
    counts.put("~tilde", 7);
    counts.put("\"", -1);
    Set<Long> numbers = Set.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L);
    Crate b = create(db, "ann", tags, numbers, counts);
    Crate read = reread(db, b);
    assertEquals(tags, read.tags());
    assertEquals(numbers, read.numbers());
    assertEquals(counts, read.counts());
  }

  @BackendTest
  public void aSetKeepsEachItemOnce(Db db) {
    Set<Long> numbers = new LinkedHashSet<>(List.of(5L, 4L));
    Crate b = create(db, "ann", List.of("a", "a"), numbers, Map.of());
    Crate read = reread(db, b);
    assertEquals(Set.of(4L, 5L), read.numbers());
    assertEquals(2, read.numbers().size());
    assertEquals(List.of("a", "a"), read.tags());
  }

  @BackendTest
  public void anUpdateReplacesWholeCollections(Db db) {
    Crate b = await(crate("ann", List.of("a"), Set.of(1L), Map.of("x", 1)).refs(List.of(U1))
        .exec(db));
    Crate updated = await(Crates.update(b).tags(List.of("c", "d")).refs(Optional.empty())
        .exec(db));
    assertEquals(List.of("c", "d"), updated.tags());
    assertEquals(Optional.empty(), updated.refs());
    assertEquals(List.of("c", "d"), reread(db, b).tags());
    assertEquals(1L, await(Crates.updateById(b.id()).counts(Map.of("z", 9)).numbers(Set.of())
        .refs(List.of(U2)).exec(db)));
    Crate read = reread(db, b);
    assertEquals(Map.of("z", 9), read.counts());
    assertEquals(Set.of(), read.numbers());
    assertEquals(Optional.of(List.of(U2)), read.refs());
    assertEquals(List.of("c", "d"), read.tags());
  }

  @BackendTest
  public void anUpsertWritesCollectionsOnBothPaths(Db db) {
    UUID id = UUID.randomUUID();
    Crate created = await(Crates.upsert().id(id).name("ann").tags(List.of("a"))
        .numbers(Set.of(1L)).counts(Map.of()).exec(db));
    assertEquals(List.of("a"), created.tags());
    await(Crates.upsert().id(id).name("ann").tags(List.of("b", "c")).numbers(Set.of(2L, 3L))
        .counts(Map.of("k", 3)).refs(List.of(U1)).exec(db));
    Crate read = await(Crates.getById(db, id));
    assertEquals(List.of("b", "c"), read.tags());
    assertEquals(Set.of(2L, 3L), read.numbers());
    assertEquals(Map.of("k", 3), read.counts());
    assertEquals(Optional.of(List.of(U1)), read.refs());
  }

  @BackendTest
  public void manyRecordsWithCollectionsAreCreatedAtOnce(Db db) {
    List<CrateCreate> creates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      creates.add(crate("b" + i, List.of("t" + i), Set.of((long) i, i + 100L),
          Map.of("i", i)));
    }
    assertEquals(20, await(Crates.createMany(creates).exec(db)).size());
    for (Crate b : await(Crates.all().collect(db))) {
      int i = Integer.parseInt(b.name().substring(1));
      assertEquals(List.of("t" + i), b.tags());
      assertEquals(Set.of((long) i, i + 100L), b.numbers());
      assertEquals(Map.of("i", i), b.counts());
    }
  }

  @BackendTest
  public void aNullItemFailsNamingTheFieldAndWritesNothing(Db db) {
    List<String> tags = new ArrayList<>();
    tags.add("a");
    tags.add(null);
    InvalidStatementException e = failure(InvalidStatementException.class,
        () -> crate("ann", tags, Set.of(), Map.of()).exec(db));
    assertEquals(Optional.of("Crate"), e.model());
    assertEquals(Optional.of("tags"), e.field());
    Map<String, Integer> counts = new HashMap<>();
    counts.put("k", null);
    e = failure(InvalidStatementException.class,
        () -> crate("ann", List.of(), Set.of(), counts).exec(db));
    assertEquals(Optional.of("counts"), e.field());
    assertEquals(0L, await(Crates.all().count(db)));
  }

  @BackendTest
  public void aNumberThatIsNotFiniteFailsNamingTheField(Db db) {
    for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      InvalidStatementException e = failure(InvalidStatementException.class,
          () -> emptyBag(0).doubles(List.of(1.0, d)).exec(db));
      assertEquals(Optional.of("Bag"), e.model());
      assertEquals(Optional.of("doubles"), e.field());
    }
    assertEquals(0L, await(Bags.all().count(db)));
  }

  @BackendTest
  public void aWholeCollectionDoesNotCompare(Db db) {
    create(db, "ann", List.of("a"), Set.of(), Map.of());
    InvalidStatementException e = failure(InvalidStatementException.class,
        () -> Crates.filter(Crates.TAGS.eq(List.of("a"))).collect(db));
    assertEquals(Optional.of("tags"), e.field());
  }

  @BackendTest
  public void aDeleteRemovesARecordWithCollections(Db db) {
    Crate b = create(db, "ann", List.of("a"), Set.of(1L), Map.of("x", 1));
    create(db, "bob", List.of(), Set.of(), Map.of());
    assertEquals(1L, await(Crates.deleteById(b.id()).exec(db)));
    assertEquals(List.of("bob"), names(db, Crates.all()));
  }

  /** Ann (java, sql), Bob (go), Cid (empty, NULL refs), Dan (java) with numbers and counts. */
  static void fourCrates(Db db) {
    await(crate("ann", List.of("java", "sql"), Set.of(1L, 5L), Map.of("a", 1)).refs(List.of(U1))
        .exec(db));
    await(crate("bob", List.of("go"), Set.of(5L, Long.MAX_VALUE), Map.of("b", 2, "~x", 3))
        .refs(List.of(U2, U1)).exec(db));
    create(db, "cid", List.of(), Set.of(), Map.of());
    await(crate("dan", List.of("Java", "java"), Set.of(Long.MIN_VALUE), Map.of("", 0))
        .refs(List.of()).exec(db));
  }

  @BackendTest
  @Requires(Need.COLLECTION_ITEMS)
  public void aFilterFindsTheRecordsWhoseCollectionHoldsAnItem(Db db) {
    fourCrates(db);
    assertEquals(List.of("ann", "dan"), names(db, Crates.filter(Crates.TAGS.contains("java"))));
    assertEquals(List.of("ann", "bob"), names(db, Crates.filter(Crates.NUMBERS.contains(5L))));
    assertEquals(List.of("bob"), names(db, Crates.filter(
        Crates.NUMBERS.contains(Long.MAX_VALUE))));
    assertEquals(List.of("dan"), names(db, Crates.filter(
        Crates.NUMBERS.contains(Long.MIN_VALUE))));
    assertEquals(List.of("ann", "bob"), names(db, Crates.filter(Crates.REFS.contains(U1))));
    assertEquals(List.of(), names(db, Crates.filter(Crates.TAGS.contains("ja"))));
    // NOT contains: a record whose optional collection is NULL is in neither answer
    assertEquals(List.of("dan"), names(db, Crates.filter(Crates.REFS.contains(U1).not())));
  }

  @BackendTest
  @Requires(Need.COLLECTION_ITEMS)
  public void aFilterTestsEveryItemAndAMapsKeys(Db db) {
    fourCrates(db);
    assertEquals(List.of("ann"), names(db, Crates.filter(
        Crates.TAGS.containsAll(List.of("sql", "java")))));
    assertEquals(List.of("bob"), names(db, Crates.filter(
        Crates.REFS.containsAll(Set.of(U1, U2)))));
    assertEquals(List.of("ann", "bob", "dan"), names(db, Crates.filter(
        Crates.REFS.containsAll(List.of()))));
    assertEquals(List.of("bob"), names(db, Crates.filter(Crates.COUNTS.containsKey("~x"))));
    assertEquals(List.of("dan"), names(db, Crates.filter(Crates.COUNTS.containsKey(""))));
    assertEquals(List.of("ann", "bob"), names(db, Crates.filter(
        Crates.COUNTS.containsKey("a").or(Crates.COUNTS.containsKey("b")))));
  }

  @BackendTest
  @Requires(Need.COLLECTION_ITEMS)
  public void anUpdateAndADeleteFilterByAnItem(Db db) {
    fourCrates(db);
    assertEquals(2L, await(Crates.filter(Crates.TAGS.contains("java")).update().name("coffee")
        .exec(db)));
    assertEquals(List.of("bob", "cid", "coffee", "coffee"), names(db, Crates.all()));
    assertEquals(1L, await(Crates.filter(Crates.COUNTS.containsKey("b")).delete().exec(db)));
    assertEquals(List.of("cid", "coffee", "coffee"), names(db, Crates.all()));
  }

  @BackendTest
  public void aFilterFindsEmptyCollectionsAndNotAbsentOnes(Db db) {
    fourCrates(db);
    assertEquals(List.of("cid"), names(db, Crates.filter(Crates.TAGS.isEmpty())));
    assertEquals(List.of("cid"), names(db, Crates.filter(Crates.COUNTS.isEmpty())));
    assertEquals(List.of("dan"), names(db, Crates.filter(Crates.REFS.isEmpty())));
    assertEquals(List.of("ann", "bob"), names(db, Crates.filter(Crates.REFS.isEmpty().not())));
    assertEquals(List.of("ann", "bob", "dan"), names(db, Crates.filter(
        Crates.NUMBERS.isEmpty().not())));
  }

  @BackendTest
  public void aTestOfTheWrongShapeFailsNamingTheField(Db db) {
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> Crates.COUNTS.contains(1));
    assertEquals(Optional.of("counts"), e.field());
    e = assertThrows(InvalidStatementException.class, () -> Crates.TAGS.containsKey("a"));
    assertEquals(Optional.of("tags"), e.field());
    e = assertThrows(InvalidStatementException.class, () -> Crates.TAGS.contains(null));
    assertEquals(Optional.of("Crate"), e.model());
  }

  @BackendTest
  @Requires(Need.LIST_APPEND)
  public void anUpdateAppendsToAListWithoutReadingTheRecord(Db db, OperationLog log) {
    Crate c = create(db, "ann", List.of("a", "b"), Set.of(), Map.of());
    log.clear();
    assertEquals(1L, await(Crates.updateById(c.id()).tags(Crates.TAGS.append(List.of("c", "a")))
        .refs(Crates.REFS.append(List.of(U1))).exec(db)));
    assertEquals(1, log.size(), "one write, no read: " + log.operations());
    Crate read = reread(db, c);
    assertEquals(List.of("a", "b", "c", "a"), read.tags());
    assertEquals(Optional.of(List.of(U1)), read.refs(), "an absent list becomes the items");
    Crate appended = await(Crates.update(read).tags(Crates.TAGS.append(List.of())).exec(db));
    assertEquals(List.of("a", "b", "c", "a"), appended.tags());
  }

  @BackendTest
  @Requires(Need.LIST_APPEND)
  public void appendsByManyUpdatesAllLand(Db db) {
    Crate c = create(db, "ann", List.of(), Set.of(), Map.of());
    List<Mono<Long>> appends = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      appends.add(Crates.updateById(c.id()).tags(Crates.TAGS.append(List.of("t" + i))).exec(db));
    }
    await(Flux.merge(appends).then());
    List<String> tags = new ArrayList<>(reread(db, c).tags());
    tags.sort(null);
    assertEquals(List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9"), tags);
  }

  @BackendTest
  @Requires(Need.SET_CHANGES)
  public void anUpdateAddsToAndRemovesFromASetWithoutReadingTheRecord(Db db, OperationLog log) {
    Crate c = create(db, "ann", List.of(), new LinkedHashSet<>(List.of(1L, 2L)), Map.of());
    Crate empty = create(db, "bob", List.of(), Set.of(), Map.of());
    log.clear();
    assertEquals(1L, await(Crates.updateById(c.id())
        .numbers(Crates.NUMBERS.append(List.of(2L, 3L, 3L, Long.MIN_VALUE))).exec(db)));
    assertEquals(1, log.size(), "one write, no read: " + log.operations());
    Crate read = reread(db, c);
    assertEquals(Set.of(1L, 2L, 3L, Long.MIN_VALUE), read.numbers());
    assertEquals(4, read.numbers().size());
    await(Crates.updateById(empty.id()).numbers(Crates.NUMBERS.append(Set.of(7L))).exec(db));
    assertEquals(Set.of(7L), reread(db, empty).numbers(), "an empty set takes the items");
    await(Crates.updateById(c.id()).numbers(Crates.NUMBERS.remove(Set.of(1L, 2L, 3L, 99L)))
        .exec(db));
    assertEquals(Set.of(Long.MIN_VALUE), reread(db, c).numbers());
    await(Crates.updateById(c.id()).numbers(Crates.NUMBERS.remove(List.of(Long.MIN_VALUE)))
        .exec(db));
    assertEquals(Set.of(), reread(db, c).numbers(), "the last item removed: the empty set");
    assertEquals(List.of("ann"), names(db, Crates.filter(Crates.NUMBERS.isEmpty())));
    assertEquals(List.of("bob"), names(db, Crates.filter(Crates.NUMBERS.isEmpty().not())));
    await(Crates.updateById(c.id()).numbers(Crates.NUMBERS.append(List.of(5L))).exec(db));
    assertEquals(Set.of(5L), reread(db, c).numbers(), "an emptied set takes items again");
    assertEquals(0L, await(Crates.updateById(UUID.randomUUID())
        .numbers(Crates.NUMBERS.append(List.of(1L))).exec(db)), "no such record");
    assertEquals(2L, await(Crates.all().count(db)));
  }

  @BackendTest
  @Requires(Need.LIST_REMOVE)
  public void anUpdateRemovesEveryOccurrenceFromAListWithoutReadingTheRecord(Db db,
      OperationLog log) {
    Crate c = await(crate("ann", List.of("a", "b", "a", "c"), Set.of(), Map.of())
        .refs(List.of(U1, U2, U1)).exec(db));
    Crate none = create(db, "bob", List.of("a"), Set.of(), Map.of());
    log.clear();
    assertEquals(1L, await(Crates.updateById(c.id())
        .tags(Crates.TAGS.remove(List.of("a", "zzz"))).refs(Crates.REFS.remove(List.of(U1)))
        .exec(db)));
    assertEquals(1, log.size(), "one write, no read: " + log.operations());
    Crate read = reread(db, c);
    assertEquals(List.of("b", "c"), read.tags());
    assertEquals(Optional.of(List.of(U2)), read.refs());
    await(Crates.updateById(none.id()).tags(Crates.TAGS.remove(List.of("a")))
        .refs(Crates.REFS.remove(List.of(U1))).exec(db));
    Crate readNone = reread(db, none);
    assertEquals(List.of(), readNone.tags());
    assertEquals(Optional.empty(), readNone.refs(), "an absent list stays absent");
    Crate same = await(Crates.update(read).tags(Crates.TAGS.remove(List.of())).exec(db));
    assertEquals(List.of("b", "c"), same.tags());
  }

  @BackendTest
  @Requires(Need.MAP_CHANGES)
  public void anUpdatePutsAndRemovesMapEntriesWithoutReadingTheRecord(Db db, OperationLog log) {
    Crate c = create(db, "ann", List.of(), Set.of(), Map.of("x", 1, "y", 2, "", 3));
    log.clear();
    assertEquals(1L, await(Crates.updateById(c.id()).counts(Crates.COUNTS.put("x", 10))
        .exec(db)));
    assertEquals(1, log.size(), "one write, no read: " + log.operations());
    assertEquals(Map.of("x", 10, "y", 2, "", 3), reread(db, c).counts());
    await(Crates.updateById(c.id()).counts(Crates.COUNTS.putAll(Map.of("~t", -4, "a.b", 5,
        "'q\"$", Integer.MIN_VALUE))).exec(db));
    await(Crates.updateById(c.id()).counts(Crates.COUNTS.removeKeys(List.of("y", "", "gone")))
        .exec(db));
    assertEquals(Map.of("x", 10, "~t", -4, "a.b", 5, "'q\"$", Integer.MIN_VALUE),
        reread(db, c).counts());
    await(Crates.updateById(c.id()).counts(Crates.COUNTS.removeKeys(List.of("x", "~t", "a.b",
        "'q\"$"))).exec(db));
    assertEquals(Map.of(), reread(db, c).counts());
    await(Crates.updateById(c.id()).counts(Crates.COUNTS.put("", 0)).exec(db));
    assertEquals(Map.of("", 0), reread(db, c).counts(), "an emptied map takes entries again");
  }

  /**
   * 200 random bags, then to each of its sets (text, longs, UUIDs, and an optional set of ints)
   * random items added or removed by one update without a read, the items partly the set's own:
   * read back, every set is what the same changes make of it in memory.
   */
  @BackendTest
  @Requires(Need.SET_CHANGES)
  public void randomSetChangesMatchTheSameChangesInMemory(Db db, OperationLog log) {
    Random random = new Random(31);
    Map<Long, Bag> expected = new HashMap<>();
    List<Bag> bags = randomBags(db, random);
    log.clear();
    for (Bag bag : bags) {
      Bag fresh = RandomCollections.bag(random, bag.id());
      RandomChange<String> words = RandomChange.of(random, bag.words(), fresh.words());
      RandomChange<Long> longs = RandomChange.of(random, bag.longs(), fresh.longs());
      RandomChange<UUID> uuids = RandomChange.of(random, bag.uuids(), fresh.uuids());
      RandomChange<Integer> maybe = RandomChange.of(random, bag.maybe().orElse(Set.of()),
          fresh.maybe().orElse(Set.of()));
      await(Bags.updateById(bag.id()).words(words.of(Bags.WORDS)).longs(longs.of(Bags.LONGS))
          .uuids(uuids.of(Bags.UUIDS)).maybe(maybe.of(Bags.MAYBE)).exec(db));
      expected.put(bag.id(), new Bag(bag.id(), bag.strings(), words.applied(bag.words()),
          bag.shorts(), bag.ints(), longs.applied(bag.longs()), bag.doubles(), bag.flags(),
          uuids.applied(bag.uuids()), bag.texts(), bag.amounts(), bag.ratios(),
          bag.maybe().isEmpty() ? maybe.appliedToNull() : Optional.of(maybe.applied(
              bag.maybe().get()))));
    }
    assertEquals(200, log.size(), "one write per update, no read");
    assertEquals(List.of(), RoundTrips.differences(expected, await(Bags.all().collect(db)),
        Bag::id));
  }

  /**
   * 200 random bags, then from each of its lists (text, shorts, ints, doubles, booleans) every
   * occurrence of random items removed by one update without a read, the items partly the
   * list's own: read back, every list is what the same removals make of it in memory.
   */
  @BackendTest
  @Requires(Need.LIST_REMOVE)
  public void randomListRemovalsMatchTheSameRemovalsInMemory(Db db, OperationLog log) {
    Random random = new Random(37);
    Map<Long, Bag> expected = new HashMap<>();
    List<Bag> bags = randomBags(db, random);
    log.clear();
    for (Bag bag : bags) {
      Bag fresh = RandomCollections.bag(random, bag.id());
      List<String> strings = RandomChange.some(random, bag.strings(), fresh.strings());
      List<Short> shorts = RandomChange.some(random, bag.shorts(), fresh.shorts());
      List<Integer> ints = RandomChange.some(random, bag.ints(), fresh.ints());
      List<Double> doubles = RandomChange.some(random, bag.doubles(), fresh.doubles());
      List<Boolean> flags = RandomChange.some(random, bag.flags(), fresh.flags());
      await(Bags.updateById(bag.id()).strings(Bags.STRINGS.remove(strings))
          .shorts(Bags.SHORTS.remove(shorts)).ints(Bags.INTS.remove(ints))
          .doubles(Bags.DOUBLES.remove(doubles)).flags(Bags.FLAGS.remove(flags)).exec(db));
      expected.put(bag.id(), new Bag(bag.id(), without(bag.strings(), strings), bag.words(),
          without(bag.shorts(), shorts), without(bag.ints(), ints), bag.longs(),
          without(bag.doubles(), doubles), without(bag.flags(), flags), bag.uuids(),
          bag.texts(), bag.amounts(), bag.ratios(), bag.maybe()));
    }
    assertEquals(200, log.size(), "one write per update, no read");
    assertEquals(List.of(), RoundTrips.differences(expected, await(Bags.all().collect(db)),
        Bag::id));
  }

  /**
   * 200 random bags, then into each of its maps (text, longs, and an optional map of doubles)
   * random entries put or random keys removed by one update without a read, the keys partly the
   * map's own: read back, every map is what the same changes make of it in memory.
   */
  @BackendTest
  @Requires(Need.MAP_CHANGES)
  public void randomMapChangesMatchTheSameChangesInMemory(Db db, OperationLog log) {
    Random random = new Random(41);
    Map<Long, Bag> expected = new HashMap<>();
    List<Bag> bags = randomBags(db, random);
    log.clear();
    for (Bag bag : bags) {
      Bag fresh = RandomCollections.bag(random, bag.id());
      RandomMapChange<String> texts = RandomMapChange.of(random, bag.texts(), fresh.texts());
      RandomMapChange<Long> amounts = RandomMapChange.of(random, bag.amounts(), fresh.amounts());
      RandomMapChange<Double> ratios = RandomMapChange.of(random, bag.ratios().orElse(Map.of()),
          fresh.ratios().orElse(Map.of()));
      await(Bags.updateById(bag.id()).texts(texts.of(Bags.TEXTS))
          .amounts(amounts.of(Bags.AMOUNTS)).ratios(ratios.of(Bags.RATIOS)).exec(db));
      expected.put(bag.id(), new Bag(bag.id(), bag.strings(), bag.words(), bag.shorts(),
          bag.ints(), bag.longs(), bag.doubles(), bag.flags(), bag.uuids(),
          texts.applied(bag.texts()), amounts.applied(bag.amounts()),
          bag.ratios().isEmpty() ? ratios.appliedToNull()
              : Optional.of(ratios.applied(bag.ratios().get())), bag.maybe()));
    }
    assertEquals(200, log.size(), "one write per update, no read");
    assertEquals(List.of(), RoundTrips.differences(expected, await(Bags.all().collect(db)),
        Bag::id));
  }

  /** 200 random bags, created 25 at a time. */
  private static List<Bag> randomBags(Db db, Random random) {
    List<Bag> bags = new ArrayList<>();
    List<BagCreate> batch = new ArrayList<>();
    for (long id = 0; id < 200; id++) {
      Bag bag = RandomCollections.bag(random, id);
      bags.add(bag);
      batch.add(creation(bag));
      if (batch.size() == 25) {
        await(Bags.createMany(batch).exec(db));
        batch.clear();
      }
    }
    return bags;
  }

  private static <T> List<T> without(List<T> list, List<T> items) {
    List<T> out = new ArrayList<>(list);
    out.removeIf(items::contains);
    return out;
  }

  @BackendTest
  @Requires(Need.LIST_APPEND)
  public void aChangeOfAMapOrWithANullItemFailsNamingTheField(Db db) {
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> Crates.COUNTS.append(List.of(1)));
    assertEquals(Optional.of("counts"), e.field());
    e = assertThrows(InvalidStatementException.class, () -> Crates.TAGS.put("k", "v"));
    assertEquals(Optional.of("tags"), e.field());
    e = assertThrows(InvalidStatementException.class, () -> Crates.COUNTS.put(null, 1));
    assertEquals(Optional.of("counts"), e.field());
    Crate c = create(db, "ann", List.of("a"), Set.of(), Map.of());
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    e = failure(InvalidStatementException.class, () -> Crates.updateById(c.id())
        .tags(Crates.TAGS.append(withNull)).exec(db));
    assertEquals(Optional.of("tags"), e.field());
    assertEquals(List.of("a"), reread(db, c).tags());
  }

  /**
   * 200 random bags, then to each of its lists (text, shorts, ints, doubles, booleans) random
   * items appended by one update without a read: read back, every list is the old items then
   * the new ones, exactly (the backend joins what was stored with what was sent).
   */
  @BackendTest
  @Requires(Need.LIST_APPEND)
  public void randomAppendsToListsLandAsWritten(Db db, OperationLog log) {
    Random random = new Random(29);
    Map<Long, Bag> expected = new HashMap<>();
    List<BagCreate> batch = new ArrayList<>();
    List<Bag> extras = new ArrayList<>();
    for (long id = 0; id < 200; id++) {
      Bag bag = RandomCollections.bag(random, id);
      Bag extra = RandomCollections.bag(random, id);
      extras.add(extra);
      expected.put(id, new Bag(id, joined(bag.strings(), extra.strings()), bag.words(),
          joined(bag.shorts(), extra.shorts()), joined(bag.ints(), extra.ints()), bag.longs(),
          joined(bag.doubles(), extra.doubles()), joined(bag.flags(), extra.flags()),
          bag.uuids(), bag.texts(), bag.amounts(), bag.ratios(), bag.maybe()));
      batch.add(creation(bag));
      if (batch.size() == 25) {
        await(Bags.createMany(batch).exec(db));
        batch.clear();
      }
    }
    log.clear();
    for (Bag extra : extras) {
      await(Bags.updateById(extra.id()).strings(Bags.STRINGS.append(extra.strings()))
          .shorts(Bags.SHORTS.append(extra.shorts())).ints(Bags.INTS.append(extra.ints()))
          .doubles(Bags.DOUBLES.append(extra.doubles())).flags(Bags.FLAGS.append(extra.flags()))
          .exec(db));
    }
    assertEquals(200, log.size(), "one write per update, no read");
    assertEquals(List.of(), RoundTrips.differences(expected, await(Bags.all().collect(db)),
        Bag::id));
  }

  /** The create that writes {@code bag} as it is. */
  private static BagCreate creation(Bag bag) {
    return Bags.create().id(bag.id()).strings(bag.strings()).words(bag.words())
        .shorts(bag.shorts()).ints(bag.ints()).longs(bag.longs()).doubles(bag.doubles())
        .flags(bag.flags()).uuids(bag.uuids()).texts(bag.texts()).amounts(bag.amounts())
        .ratios(bag.ratios()).maybe(bag.maybe());
  }

  private static <T> List<T> joined(List<T> first, List<T> then) {
    List<T> out = new ArrayList<>(first);
    out.addAll(then);
    return out;
  }

  /** 1,000 random bags of twelve collections each, every item type, written and read back. */
  @BackendTest
  public void randomCollectionsRoundTrip(Db db) {
    Random random = new Random(17);
    Map<Long, Bag> written = new HashMap<>();
    List<BagCreate> batch = new ArrayList<>();
    for (long id = 0; id < 1000; id++) {
      Bag bag = RandomCollections.bag(random, id);
      written.put(id, bag);
      batch.add(creation(bag));
      if (batch.size() == 25) {
        await(Bags.createMany(batch).exec(db));
        batch.clear();
      }
    }
    assertEquals(List.of(), RoundTrips.differences(written, await(Bags.all().collect(db)),
        Bag::id));
  }

  static BagCreate emptyBag(long id) {
    return Bags.create().id(id).strings(List.of()).words(Set.of()).shorts(List.of())
        .ints(List.of()).longs(Set.of()).doubles(List.of()).flags(List.of()).uuids(Set.of())
        .texts(Map.of()).amounts(Map.of());
  }

  /** The names of the records {@code query} finds, sorted here: every backend can run it. */
  static List<String> names(Db db, Select<Crate> query) {
    return await(query.collect(db)).stream().map(Crate::name).sorted().toList();
  }
}
