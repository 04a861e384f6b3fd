package io.toasty.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.toasty.error.ForeignKeyViolationException;
import io.toasty.neo4j.models.Film;
import io.toasty.neo4j.models.Films;
import io.toasty.neo4j.models.Studio;
import io.toasty.neo4j.models.Studios;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import reactor.core.publisher.Mono;

/**
 * A foreign key is a relationship in the graph: raw Cypher through the Neo4j driver sees
 * {@code (:films)-[:STUDIO]->(:studios)} and no {@code studioId} property, and the engine reads,
 * filters and moves the key through the relationship.
 */
class RelationshipGraphTest extends FilmGraphTestBase {
  @Test
  void aForeignKeyIsARelationshipAndNoProperty() {
    Studio ghibli = Studios.create().name("Ghibli").exec(db).block(T);
    Film totoro = Films.create().studio(ghibli).title("Totoro").exec(db).block(T);
    assertEquals(ghibli.id(), totoro.studioId());

    List<Record> shape = cypher("MATCH (f:`$Lfilms`)-[r:STUDIO]->(s:`$Lstudios`) "
        + "RETURN f.title AS title, s.name AS studio, keys(f) AS props, type(r) AS type");
    assertEquals(1, shape.size());
    assertEquals("Totoro", shape.get(0).get("title").asString());
    assertEquals("Ghibli", shape.get(0).get("studio").asString());
    assertEquals(List.of("id", "title"), shape.get(0).get("props").asList(v -> v.asString())
        .stream().sorted().toList());

    assertEquals(List.of(totoro), Films.filter(Films.STUDIO_ID.eq(ghibli.id())).collect(db)
        .block(T));
    assertEquals(totoro, Films.getById(db, totoro.id()).block(T));
  }

  @Test
  void updatingTheForeignKeyMovesTheRelationship() {
    Studio ghibli = Studios.create().name("Ghibli").exec(db).block(T);
    Studio pixar = Studios.create().name("Pixar").exec(db).block(T);
    Film film = Films.create().studio(ghibli).title("Up").exec(db).block(T);
    Films.update(film).studioId(pixar.id()).exec(db).block(T);
    List<Record> to = cypher("MATCH (:`$Lfilms`)-[:STUDIO]->(s:`$Lstudios`) RETURN s.name AS n");
    assertEquals(List.of("Pixar"), to.stream().map(r -> r.get("n").asString()).toList());
    assertEquals(pixar.id(), Films.getById(db, film.id()).block(T).studioId());
  }

  @Test
  void anUpsertCreatesThenMovesTheRelationship() {
    Studio ghibli = Studios.create().name("Ghibli").exec(db).block(T);
    Studio pixar = Studios.create().name("Pixar").exec(db).block(T);
    UUID id = UUID.randomUUID();
    Films.upsert().id(id).studioId(ghibli.id()).title("Up").exec(db).block(T);
    Films.upsert().id(id).studioId(pixar.id()).title("Up").exec(db).block(T);
    List<Record> shape = cypher("MATCH (f:`$Lfilms`)-[:STUDIO]->(s:`$Lstudios`) "
        + "RETURN s.name AS n, keys(f) AS props");
    assertEquals(1, shape.size());
    assertEquals("Pixar", shape.get(0).get("n").asString());
    assertEquals(List.of("id", "title"), shape.get(0).get("props").asList(v -> v.asString())
        .stream().sorted().toList());
    assertEquals(pixar.id(), Films.getById(db, id).block(T).studioId());
  }

  @Test
  void aKeyToAMissingNodeIsAForeignKeyViolationAndWritesNothing() {
    Object e = Mono.defer(() -> Films.create().studioId(new UUID(0, 7)).title("Lost").exec(db))
        .map(Object.class::cast).onErrorResume(Mono::just).block(T);
    ForeignKeyViolationException f = assertInstanceOf(ForeignKeyViolationException.class, e);
    assertEquals(Optional.of("Film"), f.model());
    assertEquals(Optional.of("studioId"), f.field());
    assertEquals(List.of(), Films.all().collect(db).block(T));
    assertEquals(0L, cypher("MATCH (f:`$Lfilms`) RETURN count(f) AS c").get(0).get("c").asLong());
  }
}
