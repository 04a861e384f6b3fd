package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.scenarios.Fixtures.sortedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Row;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.reactive.Db;
import io.toasty.schema.naming.NamingStrategy;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.GraphProbe;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.GrActor;
import io.toasty.tck.models.GrActors;
import io.toasty.tck.models.GrCompanies;
import io.toasty.tck.models.GrCompany;
import io.toasty.tck.models.GrCritic;
import io.toasty.tck.models.GrCritics;
import io.toasty.tck.models.GrEmployee;
import io.toasty.tck.models.GrEmployees;
import io.toasty.tck.models.GrEssay;
import io.toasty.tck.models.GrEssays;
import io.toasty.tck.models.GrFilm;
import io.toasty.tck.models.GrFilms;
import io.toasty.tck.models.GrMember;
import io.toasty.tck.models.GrMembers;
import io.toasty.tck.models.GrReview;
import io.toasty.tck.models.GrReviews;
import io.toasty.tck.models.GrRole;
import io.toasty.tck.models.GrRoles;
import io.toasty.tck.models.GrTeam;
import io.toasty.tck.models.GrTeams;
import io.toasty.tck.models.GrWriter;
import io.toasty.tck.models.GrWriters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Relations whose graph relationship is declared ({@code @Relationship}): a type on a
 * {@code BelongsTo}, a direction against the key, a declaration on the has-many side, a join
 * model of a declared type with several properties, a join model declared as a relationship
 * without a {@code via}.
 * Every backend reads and writes the same records through the same API (the annotation is
 * graph-only metadata elsewhere); a graph backend ({@link GraphProbe}) is also checked to store
 * each relationship with the declared type, in the declared direction, with its properties.
 */
@Models({GrCompanies.class, GrEmployees.class, GrWriters.class, GrEssays.class, GrTeams.class,
    GrMembers.class, GrActors.class, GrFilms.class, GrRoles.class, GrCritics.class,
    GrReviews.class})
public abstract class RelationshipModelScenarios {

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void aDeclaredTypeKeepsTheDefaultDirection(Db db) {
    GrCompany acme = await(GrCompanies.create().name("acme").exec(db));
    GrCompany initech = await(GrCompanies.create().name("initech").exec(db));
    GrEmployee ann = await(GrEmployees.create().name("ann").company(acme).exec(db));
    await(GrEmployees.create().name("bob").company(acme).exec(db));
    assertEquals(acme.id(), ann.companyId());
    assertEquals(List.of("acme"), names(await(GrCompanies.filter(GrCompanies.STAFF.any(
        GrEmployees.NAME.eq("bob"))).collect(db)).stream().map(GrCompany::name)));
    GrCompany loaded = await(GrCompanies.filter(GrCompanies.ID.eq(acme.id()))
        .include(GrCompanies.STAFF).first(db));
    assertEquals(List.of("ann", "bob"), names(loaded.staff().get().stream()
        .map(GrEmployee::name)));
    // moving the key moves the relationship
    await(GrEmployees.update(ann).companyId(initech.id()).exec(db));
    assertEquals(List.of("ann"), names(await(GrEmployees.filter(GrEmployees.COMPANY_ID
        .eq(initech.id())).collect(db)).stream().map(GrEmployee::name)));
    GraphProbe.of(db).ifPresent(g -> {
      assertEquals(2L, g.relationships(GrEmployees.MODEL, "WORKS_AT", GrCompanies.MODEL));
      assertEquals(0L, g.relationships(GrCompanies.MODEL, "WORKS_AT", GrEmployees.MODEL));
      assertEquals(0L, g.relationships(GrEmployees.MODEL, "COMPANY", GrCompanies.MODEL));
    });
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void anIncomingRelationshipPointsAtTheKeyHolder(Db db) {
    GrWriter woolf = await(GrWriters.create().name("woolf").exec(db));
    await(GrEssays.create().title("a room").writer(woolf).exec(db));
    GrEssay second = await(GrEssays.create().title("the moment").writer(woolf).exec(db));
    GrEssay anonymous = await(GrEssays.create().title("anonymous").exec(db));
    assertEquals(Optional.of(woolf.id()), second.writerId());
    assertEquals(Optional.empty(), anonymous.writerId());
    assertEquals(List.of("a room", "the moment"), names(await(GrEssays.filter(
        GrEssays.WRITER_ID.eq(woolf.id())).collect(db)).stream().map(GrEssay::title)));
    assertEquals(List.of("woolf"), names(await(GrWriters.filter(GrWriters.ESSAYS.any(
        GrEssays.TITLE.eq("the moment"))).collect(db)).stream().map(GrWriter::name)));
    GrWriter loaded = await(GrWriters.filter(GrWriters.ID.eq(woolf.id()))
        .include(GrWriters.ESSAYS).first(db));
    assertEquals(2, loaded.essays().get().size());
    GrEssay withWriter = await(GrEssays.filter(GrEssays.ID.eq(second.id()))
        .include(GrEssays.WRITER).first(db));
    assertEquals("woolf", withWriter.writer().get().orElseThrow().name());
    GraphProbe.of(db).ifPresent(g -> {
      assertEquals(2L, g.relationships(GrWriters.MODEL, "WROTE", GrEssays.MODEL));
      assertEquals(0L, g.relationships(GrEssays.MODEL, "WROTE", GrWriters.MODEL));
    });
  }

  @BackendTest
  public void aRelationshipDeclaredOnTheHasManySide(Db db) {
    GrTeam red = await(GrTeams.create().name("red").exec(db));
    await(GrMembers.create().name("ann").team(red).exec(db));
    await(GrMembers.create().name("bob").team(red).exec(db));
    GrTeam loaded = await(GrTeams.filter(GrTeams.ID.eq(red.id())).include(GrTeams.MEMBERS)
        .first(db));
    assertEquals(List.of("ann", "bob"), names(loaded.members().get().stream()
        .map(GrMember::name)));
    ForeignKeyViolationException e = Tck.failure(ForeignKeyViolationException.class,
        () -> GrMembers.create().name("eve").teamId(UUID.randomUUID()).exec(db));
    assertEquals(Optional.of("teamId"), e.field());
    GraphProbe.of(db).ifPresent(g -> {
      assertEquals(2L, g.relationships(GrTeams.MODEL, "HAS_MEMBER", GrMembers.MODEL));
      assertEquals(0L, g.relationships(GrMembers.MODEL, "HAS_MEMBER", GrTeams.MODEL));
      assertEquals(0L, g.relationships(GrMembers.MODEL, "TEAM", GrTeams.MODEL));
    });
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void aJoinModelsFieldsAreTheRelationshipsProperties(Db db) {
    GrActor keanu = await(GrActors.create().name("keanu").exec(db));
    GrFilm matrix = await(GrFilms.create().title("matrix").exec(db));
    GrFilm speed = await(GrFilms.create().title("speed").exec(db));
    GrRole neo = await(GrRoles.create().actor(keanu).film(matrix).character("neo").billing(1)
        .note("the one").exec(db));
    await(GrRoles.create().actor(keanu).film(speed).character("jack").billing(2).exec(db));
    await(GrRoles.update(neo).billing(3).exec(db));
    GrRole read = await(GrRoles.filter(GrRoles.CHARACTER.eq("neo")).first(db));
    assertEquals(new GrRole(neo.id(), keanu.id(), read.actor(), matrix.id(), read.film(), "neo",
        3, Optional.of("the one")), read);
    assertEquals(List.of("jack"), names(await(GrRoles.filter(GrRoles.BILLING.lt(3))
        .collect(db)).stream().map(GrRole::character)));
    GrActor loaded = await(GrActors.filter(GrActors.ID.eq(keanu.id()))
        .include(GrActors.FILMS).first(db));
    assertEquals(List.of("matrix", "speed"), names(loaded.films().get().stream()
        .map(GrFilm::title)));
    assertEquals(List.of("matrix"), names(await(GrFilms.filter(GrFilms.ROLES.any(
        GrRoles.CHARACTER.eq("neo"))).collect(db)).stream().map(GrFilm::title)));
    GraphProbe.of(db).ifPresent(g -> {
      String type = g.joinType("PLAYED_IN");
      assertEquals(2L, g.relationships(GrActors.MODEL, type, GrFilms.MODEL));
      assertEquals(0L, g.relationships(GrActors.MODEL, g.joinType(GrRoles.MODEL),
          GrFilms.MODEL));
      assertEquals(0L, g.nodes(GrRoles.MODEL));
      List<Map<String, Object>> properties = sortedBy(g.properties(type),
          p -> (String) p.get("character"));
      assertEquals(List.of("jack", "neo"), properties.stream().map(p -> p.get("character"))
          .toList());
      assertEquals(List.of(2L, 3L), properties.stream().map(p -> p.get("billing")).toList());
      assertEquals("the one", properties.get(1).get("note"));
      assertTrue(!properties.get(0).containsKey("note"), properties::toString);
    });
  }

  @BackendTest
  public void aJoinModelDeclaredAsARelationshipNeedsNoVia(Db db) {
    GrFilm matrix = await(GrFilms.create().title("matrix").exec(db));
    GrCritic ebert = await(GrCritics.create().name("ebert").exec(db));
    GrReview review = await(GrReviews.create().film(matrix).critic(ebert).stars(4).exec(db));
    assertEquals(review, await(GrReviews.filter(GrReviews.CRITIC_ID.eq(ebert.id())).first(db)));
    GrFilm loaded = await(GrFilms.filter(GrFilms.ID.eq(matrix.id())).include(GrFilms.REVIEWS)
        .first(db));
    assertEquals(List.of(4), loaded.reviews().get().stream().map(GrReview::stars).toList());
    GraphProbe.of(db).ifPresent(g -> {
      String type = g.joinType(GrReviews.MODEL);
      // incoming to its first end, the film: from the critic
      assertEquals(1L, g.relationships(GrCritics.MODEL, type, GrFilms.MODEL));
      assertEquals(0L, g.relationships(GrFilms.MODEL, type, GrCritics.MODEL));
      assertEquals(0L, g.nodes(GrReviews.MODEL));
    });
    assertEquals(1L, await(GrReviews.delete(review).exec(db)));
    assertEquals(0L, await(GrReviews.all().count(db)));
    GraphProbe.of(db).ifPresent(g -> assertEquals(0L,
        g.relationships(GrCritics.MODEL, g.joinType(GrReviews.MODEL), GrFilms.MODEL)));
  }

  /**
   * A {@code Db} with {@link NamingStrategy#graph()} names the tables (labels) after the records
   * and the columns (properties) in camel case: the same models, stored under other names, so a
   * {@code Db} with {@link NamingStrategy#declared()} names on the same database sees none of its
   * records, and raw text reads them by the new names. A {@code Db} given no strategy names as
   * its backend does: a graph as graph users write it, other backends as the models derive.
   */
  @BackendTest
  public void aNamingStrategyNamesTablesAndColumns(Db db, BackendContext context) {
    assertEquals(db.capability().naming().apply(GrCompanies.MODEL.schema()).tableName(),
        db.tableOf(GrCompanies.MODEL), "a Db given no strategy names as its backend does");
    Db graph = context.reopen(b -> b.naming(NamingStrategy.graph())).db();
    Db declared = context.reopen(b -> b.naming(NamingStrategy.declared())).db();
    await(graph.schema().push());
    GrCompany acme = await(GrCompanies.create().name("acme").foundedYear(1947).exec(graph));
    await(GrEmployees.create().name("ann").company(acme).exec(graph));
    GrCompany loaded = await(GrCompanies.filter(GrCompanies.FOUNDED_YEAR.lt(1950))
        .include(GrCompanies.STAFF).first(graph));
    assertEquals(Optional.of(1947), loaded.foundedYear());
    assertEquals(List.of("ann"), names(loaded.staff().get().stream().map(GrEmployee::name)));
    assertEquals(0L, await(GrCompanies.all().count(declared)));
    boolean graphNamed = db.tableOf(GrCompanies.MODEL).equals(graph.tableOf(GrCompanies.MODEL));
    assertEquals(graphNamed ? 1L : 0L, await(GrCompanies.all().count(db)));
    Row row = await(RawQueryScenarios.query(graph::sql, graph,
        "SELECT [name], [foundedYear] FROM [GrCompany]",
        "MATCH (c:GrCompany) RETURN c.name AS name, c.foundedYear AS foundedYear",
        "SELECT name, foundedYear FROM \"GrCompany\"").rows().next());
    assertEquals("acme", row.get("name", String.class));
    assertEquals(1947L, row.get("foundedYear", Long.class));
    GraphProbe.of(graph).ifPresent(g -> {
      assertEquals(1L, g.nodes("GrCompany"));
      assertEquals(1L, g.relationships("GrEmployee", "WORKS_AT", "GrCompany"));
      assertEquals(0L, g.nodes("gr_companies"));
      assertTrue(graphNamed, "a graph names labels after the records by default");
    });
  }

  private static List<String> names(Stream<String> names) {
    return names.sorted().toList();
  }
}
