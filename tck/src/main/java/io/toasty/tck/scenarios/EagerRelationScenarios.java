package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Page;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.OperationLog;
import io.toasty.tck.models.Festival;
import io.toasty.tck.models.Festivals;
import io.toasty.tck.models.Gig;
import io.toasty.tck.models.Gigs;
import io.toasty.tck.models.Pass;
import io.toasty.tck.models.Passes;
import io.toasty.tck.models.Posters;
import io.toasty.tck.models.Stage;
import io.toasty.tck.models.Stages;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Eager relations: {@code Festival.stages} and {@code Festival.poster}, {@code Stage.gigs} and
 * {@code Pass.festival} are declared eager, so every query of those models loads them, one query
 * per level, unless it opts out; projections and counts load nothing.
 */
@Models({Festivals.class, Stages.class, Gigs.class, Posters.class, Passes.class})
public abstract class EagerRelationScenarios {

  /** rock: stages main (gigs a, b) and side (gig c), a poster; jazz: nothing; a pass each. */
  private static Festival fixture(Db db) {
    Festival rock = await(Festivals.create().name("rock")
        .stages(Stages.create().name("main").gigs(Gigs.create().band("a").slot(1),
                Gigs.create().band("b").slot(2)),
            Stages.create().name("side").gigs(Gigs.create().band("c").slot(1)))
        .poster(Posters.create().motto("loud"))
        .passes(Passes.create().holder("p1"))
        .exec(db));
    await(Festivals.create().name("jazz").passes(Passes.create().holder("p2")).exec(db));
    return rock;
  }

  @BackendTest
  public void everyQueryOfTheModelLoadsItsEagerRelationsOneQueryPerLevel(Db db,
      OperationLog log) {
    Festival created = fixture(db);
    log.clear();
    Festival rock = await(Festivals.filterById(created.id()).get(db));
    assertRock(rock);
    assertEquals(4, log.size(), "festivals, stages, posters, gigs: " + log);
    log.clear();
    Festival jazz = await(Festivals.filter(Festivals.NAME.eq("jazz")).first(db));
    assertEquals(List.of(), jazz.stages().get());
    assertTrue(jazz.poster().get().isEmpty());
    assertFalse(jazz.passes().isLoaded(), "a lazy relation stays unloaded");
    assertEquals(3, log.size(), "festivals, stages, posters (no stage: no gig query): " + log);
    log.clear();
    List<Festival> all = await(Festivals.all().collect(db));
    assertEquals(2, all.size());
    assertRock(all.stream().filter(f -> f.name().equals("rock")).findFirst().orElseThrow());
    assertEquals(4, log.size(), "one query per level for any number of records: " + log);
  }

  @BackendTest
  public void anEagerBelongsToBringsItsParentsEagerRelations(Db db, OperationLog log) {
    fixture(db);
    log.clear();
    List<Pass> passes = await(Passes.all().collect(db));
    assertEquals(2, passes.size());
    Pass p1 = passes.stream().filter(p -> p.holder().equals("p1")).findFirst().orElseThrow();
    assertRock(p1.festival().get());
    assertEquals(5, log.size(), "passes, festivals, stages, posters, gigs: " + log);
  }

  @BackendTest
  public void includesFromAnotherModelAndHandleQueriesCarryTheEagerRelations(Db db,
      OperationLog log) {
    Festival rock = fixture(db);
    log.clear();
    List<Stage> stages = byName(await(Stages.all().include(Stages.FESTIVAL).collect(db)),
        Stage::name);
    assertEquals(List.of("a", "b"), bands(stages.get(0)));
    assertRock(stages.get(0).festival().get());
    assertEquals(6, log.size(), "stages, gigs, festivals, their stages, posters, gigs: " + log);
    log.clear();
    List<Stage> handle = byName(await(rock.stages().collect(db)), Stage::name);
    assertEquals(List.of("c"), bands(handle.get(1)));
    assertFalse(handle.get(1).festival().isLoaded());
    // A handle query is one query (HasManyScenarios): on a key-value backend, one read of the
    // foreign key's index, which returns the records; then one for the eager gigs.
    assertEquals(2, log.size(), "the stages, their gigs: " + log);
  }

  @BackendTest
  public void pagesLoadEagerRelations(Db db, OperationLog log) {
    fixture(db);
    log.clear();
    Page<Festival> first = await(Festivals.all().paginate(1).collect(db));
    Festival f = first.items().get(0);
    assertTrue(f.stages().isLoaded() && f.poster().isLoaded(), f::toString);
    Page<Festival> next = await(Festivals.all().paginate(1).after(first.next().orElseThrow())
        .collect(db));
    List<Festival> both = byName(List.of(f, next.items().get(0)), Festival::name);
    assertEquals(List.of(), both.get(0).stages().get());
    assertRock(both.get(1));
    Page<Festival> byOffset = await(Festivals.all().page(1, 1).collect(db));
    assertTrue(byOffset.items().get(0).stages().isLoaded());
  }

  @BackendTest
  public void aQueryOptsOutOfAllOrSomeEagerRelations(Db db, OperationLog log) {
    Festival rock = fixture(db);
    log.clear();
    Festival bare = await(Festivals.filterById(rock.id()).withoutEager().get(db));
    assertFalse(bare.stages().isLoaded() || bare.poster().isLoaded());
    assertEquals(1, log.size(), log::toString);
    log.clear();
    Festival noPoster = await(Festivals.filterById(rock.id()).exclude(Festivals.POSTER)
        .get(db));
    assertFalse(noPoster.poster().isLoaded());
    assertEquals(List.of("a", "b"), bands(byName(noPoster.stages().get(), Stage::name).get(0)));
    assertEquals(3, log.size(), "festivals, stages, gigs: " + log);
    log.clear();
    Festival noGigs = await(Festivals.filterById(rock.id())
        .include(Festivals.STAGES.exclude(Stages.GIGS)).get(db));
    assertTrue(noGigs.stages().get().stream().noneMatch(s -> s.gigs().isLoaded()));
    assertTrue(noGigs.poster().isLoaded());
    assertEquals(3, log.size(), "festivals, stages, posters: " + log);
    log.clear();
    List<Pass> passes = await(Passes.all().include(Passes.FESTIVAL.withoutEager())
        .collect(db));
    assertTrue(passes.stream().allMatch(p -> !p.festival().get().stages().isLoaded()));
    assertEquals(2, log.size(), "passes, festivals: " + log);
  }

  @BackendTest
  public void anExplicitIncludeReplacesTheEagerOne(Db db, OperationLog log) {
    Festival rock = fixture(db);
    log.clear();
    Festival f = await(Festivals.filterById(rock.id()).include(Festivals.STAGES
        .filter(Stages.NAME.eq("side"))).get(db));  // the stages' own eager gigs still load
    assertEquals(List.of("side"), f.stages().get().stream().map(Stage::name).toList());
    assertEquals(List.of("c"), bands(f.stages().get().get(0)));
    assertTrue(f.poster().isLoaded());
    assertEquals(4, log.size(), "festivals, stages, posters, gigs, each once: " + log);
    log.clear();
    Festival ordered = await(Festivals.filterById(rock.id()).include(Festivals.STAGES
        .filter(Stages.NAME.eq("main")).then(Stages.GIGS.orderBy(Gigs.SLOT.desc()))).get(db));
    assertEquals(List.of("b", "a"), ordered.stages().get().get(0).gigs().get().stream()
        .map(Gig::band).toList());
  }

  @BackendTest
  public void projectionsAndCountsLoadNothing(Db db, OperationLog log) {
    fixture(db);
    log.clear();
    assertEquals(2L, await(Festivals.all().count(db)));
    assertTrue(await(Festivals.all().exists(db)));
    List<String> names = await(Festivals.all().select(Festivals.NAME).collect(db));
    assertEquals(List.of("jazz", "rock"), names.stream().sorted().toList());
    assertEquals(3, log.size(), "one operation each: " + log);
  }

  private static void assertRock(Festival rock) {
    assertEquals("rock", rock.name());
    List<Stage> stages = byName(rock.stages().get(), Stage::name);
    assertEquals(List.of("main", "side"), stages.stream().map(Stage::name).toList());
    assertEquals(List.of("a", "b"), bands(stages.get(0)));
    assertEquals(List.of("c"), bands(stages.get(1)));
    assertEquals("loud", rock.poster().get().orElseThrow().motto());
    assertFalse(stages.get(0).festival().isLoaded(), "the lazy way back");
  }

  private static List<String> bands(Stage s) {
    return s.gigs().get().stream().map(Gig::band).sorted().toList();
  }

  private static <T> List<T> byName(List<T> items, Function<T, String> name) {
    return items.stream().sorted(Comparator.comparing(name)).toList();
  }
}
