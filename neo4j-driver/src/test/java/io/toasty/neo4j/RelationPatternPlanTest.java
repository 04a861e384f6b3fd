package io.toasty.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.neo4j.cypher.CypherRenderer;
import io.toasty.neo4j.cypher.Names;
import io.toasty.neo4j.cypher.RenderedCypher;
import io.toasty.neo4j.models.Actor;
import io.toasty.neo4j.models.Actors;
import io.toasty.neo4j.models.Castings;
import io.toasty.neo4j.models.Film;
import io.toasty.neo4j.models.Films;
import io.toasty.neo4j.models.Studio;
import io.toasty.neo4j.models.Studios;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.schema.Schema;
import io.toasty.schema.naming.NamingStrategy;
import io.toasty.stmt.StatementNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.summary.Plan;

/**
 * Relation filters and joins are relationship patterns, proved by the server's own plans: each
 * statement the engine sends for a relation filter, an include or a many-to-many include is
 * planned ({@code EXPLAIN}) with no cartesian product, no value join and no second label scan
 * (a subquery scanning a label per outer node); it expands over relationships instead. A
 * many-to-many join model (castings) is a relationship in these patterns, never a node.
 */
class RelationPatternPlanTest {
  static final Duration T = Duration.ofSeconds(60);
  String prefix;
  Db db;
  CapturingDriver captured;
  final Schema schema = Schema.of(List.of(Studios.MODEL.schema(), Films.MODEL.schema(),
      Castings.MODEL.schema(), Actors.MODEL.schema()));

  @BeforeEach
  void open() {
    String url = LocalNeo4j.url();
    prefix = url.substring(url.indexOf("labelPrefix=") + "labelPrefix=".length());
    db = Toasty.builder().url(url)
        .models(Studios.MODEL, Films.MODEL, Castings.MODEL, Actors.MODEL).poolMaxSize(4)
        .wrapDriver(d -> captured = new CapturingDriver(d))
        // the renderer below plans on the declared schema, so the Db names tables as declared
        .naming(NamingStrategy.declared()).build();
    db.schema().reset().block(Duration.ofMinutes(5));
  }

  @AfterEach
  void close() {
    db.close().block(T);
  }

  @Test
  void relationFiltersIncludesAndJoinsExpandOverRelationships() {
    Studio ghibli = Studios.create().name("Ghibli").exec(db).block(T);
    Studio pixar = Studios.create().name("Pixar").exec(db).block(T);
    Film totoro = Films.create().studio(ghibli).title("Totoro").exec(db).block(T);
    Film up = Films.create().studio(pixar).title("Up").exec(db).block(T);
    Actor ann = Actors.create().name("ann").exec(db).block(T);
    Actor bob = Actors.create().name("bob").exec(db).block(T);
    Castings.create().film(totoro).actor(ann).role("lead").exec(db).block(T);
    Castings.create().film(up).actor(ann).role("voice").exec(db).block(T);
    Castings.create().film(up).actor(bob).role("lead").exec(db).block(T);

    assertEquals(List.of("Ghibli"), names(planned(() -> Studios.filter(
        Studios.FILMS.any(Films.TITLE.eq("Totoro"))).collect(db).block(T)), Studio::name));
    assertEquals(List.of("Up"), names(planned(() -> Films.filter(
        Films.STUDIO.is(Studios.NAME.eq("Pixar"))).collect(db).block(T)), Film::title));
    assertEquals(List.of("Totoro"), names(planned(() -> Films.filter(
        Films.STUDIO.isNot(Studios.NAME.eq("Pixar"))).collect(db).block(T)), Film::title));
    assertEquals(List.of("bob"), names(planned(() -> Actors.filter(
        Actors.FILMS.any(Films.STUDIO.is(Studios.NAME.eq("Pixar")))
            .and(Actors.FILMS.none(Films.TITLE.eq("Totoro")))).collect(db).block(T)),
        Actor::name));
    List<Studio> studios = planned(() -> Studios.all().include(Studios.FILMS)
        .collect(db).block(T));
    assertEquals(2, studios.size());
    assertTrue(studios.stream().allMatch(s -> s.films().get().size() == 1));
    List<Film> films = planned(() -> Films.filter(Films.TITLE.eq("Up"))
        .include(Films.ACTORS).collect(db).block(T));
    assertEquals(List.of("ann", "bob"), films.get(0).actors().get().stream().map(Actor::name)
        .sorted().toList());
  }

  @Test
  void joinRecordsAreRelationshipsThatPatternsExpandOver() {
    Studio ghibli = Studios.create().name("Ghibli").exec(db).block(T);
    Film totoro = Films.create().studio(ghibli).title("Totoro").exec(db).block(T);
    Film up = Films.create().studio(ghibli).title("Up").exec(db).block(T);
    Actor ann = Actors.create().name("ann").exec(db).block(T);
    Actor bob = Actors.create().name("bob").exec(db).block(T);
    Castings.create().film(totoro).actor(ann).role("lead").exec(db).block(T);
    Castings.create().film(up).actor(bob).role("voice").exec(db).block(T);

    viaOnly = true;
    try {
      assertEquals(List.of("lead"), planned(() -> Castings.filter(
          Castings.FILM_ID.eq(totoro.id())).collect(db).block(T)).stream().map(c -> c.role().orElse("")).toList());
      assertEquals(List.of("voice"), planned(() -> Castings.filter(
          Castings.ACTOR.is(Actors.NAME.eq("bob"))).collect(db).block(T)).stream()
          .map(c -> c.role().orElse("")).toList());
      assertEquals(List.of("ann"), names(planned(() -> Actors.filter(
          Actors.CASTINGS.any(Castings.ROLE.eq("lead"))).collect(db).block(T)), Actor::name));
      assertEquals(List.of("Up"), names(planned(() -> Films.filter(
          Films.ACTORS.any(Actors.NAME.eq("bob"))).collect(db).block(T)), Film::title));
      List<Actor> actors = planned(() -> Actors.all().include(Actors.FILMS).include(
          Actors.CASTINGS).collect(db).block(T));
      assertTrue(actors.stream().allMatch(a -> a.films().get().size() == 1
          && a.castings().get().size() == 1));
    } finally {
      viaOnly = false;
    }
  }

  /** Whether each planned statement must reach the castings as relationships, never as nodes. */
  private boolean viaOnly;

  private static <T> List<String> names(List<T> records,
      Function<T, String> name) {
    return records.stream().map(name).sorted().toList();
  }

  /** Runs {@code read}, then checks the plan of every query it sent. */
  private <T> T planned(Supplier<T> read) {
    captured.queries.clear();
    T result = read.get();
    assertFalse(captured.queries.isEmpty());
    CypherRenderer renderer = new CypherRenderer(schema, new Names(prefix));
    try (Driver raw = GraphDatabase.driver(LocalNeo4j.bolt(), AuthTokens.none());
        var session = raw.session()) {
      for (StatementNode statement : captured.queries) {
        RenderedCypher cypher = renderer.render(statement);
        Plan plan = session.run("EXPLAIN " + cypher.text(), nullParams(cypher.text()))
            .consume().plan();
        List<String> operators = new ArrayList<>();
        operators(plan, operators);
        String shown = cypher.text() + " planned as " + operators;
        assertTrue(operators.stream().noneMatch(o -> o.startsWith("CartesianProduct")
            || o.startsWith("ValueHashJoin")), shown);
        assertTrue(operators.stream().filter(o -> o.startsWith("NodeByLabelScan")).count() <= 1,
            shown);
        assertFalse(cypher.text().contains("COLLECT {"), shown);
        if (viaOnly && cypher.text().contains("castings`")) {
          assertTrue(cypher.text().contains(":`" + prefix + "castings`]"), shown);
          assertFalse(cypher.text().contains(":`" + prefix + "castings`)"), shown);
        }
      }
    }
    return result;
  }

  private static Map<String, Object> nullParams(String text) {
    Map<String, Object> params = new HashMap<>();
    Matcher m = Pattern.compile("\\$(p\\d+)").matcher(text);
    while (m.find()) {
      params.put(m.group(1), null);
    }
    return params;
  }

  private static void operators(Plan plan, List<String> into) {
    into.add(plan.operatorType());
    plan.children().forEach(c -> operators(c, into));
  }
}
