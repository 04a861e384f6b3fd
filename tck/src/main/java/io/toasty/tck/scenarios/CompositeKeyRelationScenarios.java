package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Charter;
import io.toasty.tck.models.Charters;
import io.toasty.tck.models.Medal;
import io.toasty.tck.models.Medals;
import io.toasty.tck.models.Org;
import io.toasty.tck.models.Orgs;
import io.toasty.tck.models.Squad;
import io.toasty.tck.models.Squads;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Relations over composite keys: {@code Squad.org} is a belongs-to through (orgRegion, orgCode)
 * to {@code Org}'s key (region, code); {@code Medal.squad} through (squadCode, squadName) to
 * {@code Squad}'s key (code, name); {@code Org.charter} a has-one through an optional pair. The
 * orgs share codes across regions and the squads names across codes, so a plan that matched
 * one key field at a time would find records of the wrong parent.
 */
@Models({Orgs.class, Squads.class, Medals.class, Charters.class})
public abstract class CompositeKeyRelationScenarios {

  static Org org(Db db, String region, String code) {
    return await(Orgs.create().region(region).code(code).name(region + "/" + code).exec(db));
  }

  static Squad squad(Db db, Org org, String code, String name, int rank) {
    return await(org.squads().create(Squads.create()).code(code).name(name).rank(rank).exec(db));
  }

  static Medal medal(Db db, Squad squad, String id, String title) {
    return await(squad.medals().create(Medals.create()).id(id).title(title).exec(db));
  }

  static List<String> names(List<Squad> squads) {
    return squads.stream().map(Squad::name).sorted().toList();
  }

  /** Two orgs with the same code in two regions, and squads of the same name under each. */
  static List<Org> crossedFixture(Db db) {
    Org eu = org(db, "eu", "acme");
    Org us = org(db, "us", "acme");
    Org euBolt = org(db, "eu", "bolt");
    squad(db, eu, "eu1", "red", 1);
    squad(db, eu, "eu2", "blue", 2);
    squad(db, us, "us1", "red", 3);
    squad(db, euBolt, "eb1", "green", 4);
    return List.of(eu, us, euBolt);
  }

  @BackendTest
  public void handleQueriesSeeOnlyTheParentsRecords(Db db, OperationLog log) {
    List<Org> orgs = crossedFixture(db);
    Org eu = orgs.get(0);
    Org us = orgs.get(1);
    log.clear();
    assertEquals(List.of("blue", "red"), names(await(eu.squads().collect(db))));
    // The parent's key is lifted into the filter: one read, never one of the parents.
    assertTrue(log.size() <= 2, log::toString);
    assertEquals(List.of("blue"), names(await(eu.squads().filter(Squads.RANK.gt(1))
        .collect(db))));
    assertEquals("red", await(us.squads().first(db)).name());
    assertEquals(List.of("red"), names(await(eu.squads().orderBy(Squads.RANK.asc()).limit(1)
        .collect(db))));
    assertEquals(List.of("green"), names(await(orgs.get(2).squads().collect(db))));
  }

  @BackendTest
  public void belongsToAndHasOneHandles(Db db) {
    List<Org> orgs = crossedFixture(db);
    Squad red = await(Squads.getByCodeAndName(db, "us1", "red"));
    assertEquals(orgs.get(1), await(red.org().get(db)));
    assertEquals(Optional.empty(), await(orgs.get(0).charter().get(db)));
    Charter c = await(orgs.get(0).charter().create(Charters.create()).id("c1").text("rules")
        .exec(db));
    assertEquals(Optional.of("eu"), c.orgRegion());
    assertEquals(Optional.of("acme"), c.orgCode());
    assertEquals(Optional.of(c), await(orgs.get(0).charter().get(db)));
    assertEquals(Optional.empty(), await(orgs.get(1).charter().get(db)));
  }

  /** Each level of a nested include is one read for the whole window of parents. */
  @BackendTest
  public void nestedIncludeIsOneQueryPerLevel(Db db, OperationLog log) {
    crossedFixture(db);
    Squad usRed = await(Squads.getByCodeAndName(db, "us1", "red"));
    Squad euRed = await(Squads.getByCodeAndName(db, "eu1", "red"));
    medal(db, usRed, "m1", "gold");
    medal(db, euRed, "m2", "silver");
    medal(db, euRed, "m3", "bronze");
    log.clear();
    List<Org> loaded = await(Orgs.all().include(Orgs.SQUADS.then(Squads.MEDALS), Orgs.CHARTER)
        .collect(db)).stream().sorted(Comparator.comparing(Org::region)
            .thenComparing(Org::code)).toList();
    // One read per level and window (a key-value backend answers each level's key list
    // through the first foreign key field's index).
    assertEquals(4, log.size(), "orgs, squads, medals, charters: " + log);
    assertEquals(List.of("blue", "red"), names(loaded.get(0).squads().get()));
    assertEquals(List.of("green"), names(loaded.get(1).squads().get()));
    assertEquals(List.of("red"), names(loaded.get(2).squads().get()));
    Squad eu1 = loaded.get(0).squads().get().stream().filter(s -> s.name().equals("red"))
        .findFirst().orElseThrow();
    assertEquals(List.of("bronze", "silver"), eu1.medals().get().stream().map(Medal::title)
        .sorted().toList());
    assertEquals(List.of("gold"), loaded.get(2).squads().get().get(0).medals().get().stream()
        .map(Medal::title).toList());
    assertEquals(Optional.empty(), loaded.get(0).charter().get());
  }

  @BackendTest
  public void includeBelongsToOverACompositeKey(Db db, OperationLog log) {
    crossedFixture(db);
    log.clear();
    List<Squad> squads = await(Squads.all().include(Squads.ORG).collect(db));
    assertEquals(2, log.size(), "squads, then their orgs by key: " + log);
    assertEquals(4, squads.size());
    for (Squad s : squads) {
      assertEquals(s.orgRegion(), s.org().get().region());
      assertEquals(s.orgCode(), s.org().get().code());
    }
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void relationFiltersMatchWholeKeys(Db db) {
    crossedFixture(db);
    // Only us/acme has a squad ranked 3; eu/acme shares its code and must not match.
    assertEquals(List.of("us/acme"), await(Orgs.filter(Orgs.SQUADS.any(Squads.RANK.eq(3)))
        .collect(db)).stream().map(Org::name).toList());
    assertEquals(List.of("eu/acme", "eu/bolt"), await(Orgs.filter(
        Orgs.SQUADS.none(Squads.NAME.eq("red").and(Squads.RANK.eq(3)))).collect(db)).stream()
        .map(Org::name).sorted().toList());
    assertEquals(List.of("blue", "red"), names(await(Squads.filter(Squads.ORG.is(
        Orgs.REGION.eq("eu").and(Orgs.CODE.eq("acme")))).collect(db))));
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void nestedCreateFillsEveryForeignKeyField(Db db) {
    Org made = await(Orgs.create().region("ap").code("zeta").name("Zeta")
        .squads(Squads.create().code("z1").name("red").rank(1),
            Squads.create().code("z2").name("blue").rank(2))
        .charter(Charters.create().id("zc").text("be kind")).exec(db));
    org(db, "eu", "zeta");
    assertEquals(List.of("blue", "red"), names(await(made.squads().collect(db))));
    for (Squad s : await(made.squads().collect(db))) {
      assertEquals("ap", s.orgRegion());
      assertEquals("zeta", s.orgCode());
    }
    assertEquals("be kind", await(made.charter().get(db)).orElseThrow().text());
    Squad child = await(Squads.create().code("n1").name("new").rank(9)
        .org(Orgs.create().region("sa").code("nova").name("Nova")).exec(db));
    assertEquals("sa", child.orgRegion());
    assertEquals("nova", child.orgCode());
    assertEquals("Nova", await(child.org().get(db)).name());
  }

  @BackendTest
  @Requires(Need.CASCADING_DELETE)
  public void deletingAParentCascadesByTheWholeKey(Db db) {
    crossedFixture(db);
    Squad euRed = await(Squads.getByCodeAndName(db, "eu1", "red"));
    Squad usRed = await(Squads.getByCodeAndName(db, "us1", "red"));
    medal(db, euRed, "m1", "gold");
    medal(db, usRed, "m2", "silver");
    Org eu = await(Orgs.getByRegionAndCode(db, "eu", "acme"));
    await(eu.charter().create(Charters.create()).id("c1").text("rules").exec(db));
    assertEquals(1L, await(Orgs.delete(eu).exec(db)));
    // eu/acme's squads and their medals are gone; us/acme's (same code) stay; the optional
    // charter's key is cleared.
    assertEquals(List.of("green", "red"), names(await(Squads.all().collect(db))));
    assertEquals(List.of("silver"), await(Medals.all().collect(db)).stream().map(Medal::title)
        .toList());
    Charter c = await(Charters.getById(db, "c1"));
    assertEquals(Optional.empty(), c.orgRegion());
    assertEquals(Optional.empty(), c.orgCode());
  }
}
