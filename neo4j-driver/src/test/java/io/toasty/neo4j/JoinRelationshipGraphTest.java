package io.toasty.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.UniqueViolationException;
import io.toasty.neo4j.models.Actor;
import io.toasty.neo4j.models.Actors;
import io.toasty.neo4j.models.Casting;
import io.toasty.neo4j.models.Castings;
import io.toasty.neo4j.models.Film;
import io.toasty.neo4j.models.Films;
import io.toasty.neo4j.models.Studio;
import io.toasty.neo4j.models.Studios;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;

/**
 * A many-to-many join model is one relationship in the graph: raw Cypher through the Neo4j
 * driver sees {@code (:films)-[:castings {id, role}]->(:actors)} and no {@code :castings} node,
 * and the engine still creates, reads, filters, updates and deletes castings as records.
 */
class JoinRelationshipGraphTest extends FilmGraphTestBase {
  @Test
  void aJoinRecordIsOneRelationshipWithTheJoinModelsFields() {
    Studio ghibli = Studios.create().name("Ghibli").exec(db).block(T);
    Film totoro = Films.create().studio(ghibli).title("Totoro").exec(db).block(T);
    Actor ann = Actors.create().name("ann").exec(db).block(T);
    Casting lead = Castings.create().film(totoro).actor(ann).role("lead").exec(db).block(T);
    assertEquals(totoro.id(), lead.filmId());
    assertEquals(ann.id(), lead.actorId());

    assertEquals(0L, cypher("MATCH (n:`$Lcastings`) RETURN count(n) AS c").get(0).get("c")
        .asLong());
    List<Record> shape = cypher("MATCH (f:`$Lfilms`)-[r:`$Lcastings`]->(a:`$Lactors`) "
        + "RETURN f.title AS film, a.name AS actor, r.role AS role, r.id AS id, keys(r) AS props");
    assertEquals(1, shape.size());
    assertEquals("Totoro", shape.get(0).get("film").asString());
    assertEquals("ann", shape.get(0).get("actor").asString());
    assertEquals("lead", shape.get(0).get("role").asString());
    assertEquals(lead.id().toString(), shape.get(0).get("id").asString());
    assertEquals(List.of("id", "role"), shape.get(0).get("props").asList(v -> v.asString())
        .stream().sorted().toList());
    assertTrue(cypher("SHOW CONSTRAINTS YIELD entityType, labelsOrTypes, properties "
        + "WHERE entityType = 'RELATIONSHIP' RETURN labelsOrTypes").stream()
        .anyMatch(r -> r.get("labelsOrTypes").asList().contains(prefix + "castings")));
  }

  @Test
  void joinRecordsAreReadFilteredUpdatedAndDeletedAsRecords() {
    Studio ghibli = Studios.create().name("Ghibli").exec(db).block(T);
    Film totoro = Films.create().studio(ghibli).title("Totoro").exec(db).block(T);
    Film up = Films.create().studio(ghibli).title("Up").exec(db).block(T);
    Actor ann = Actors.create().name("ann").exec(db).block(T);
    Actor bob = Actors.create().name("bob").exec(db).block(T);
    Casting lead = Castings.create().film(totoro).actor(ann).role("lead").exec(db).block(T);
    Castings.create().film(up).actor(ann).role("voice").exec(db).block(T);
    Castings.create().film(up).actor(bob).role("lead").exec(db).block(T);

    assertEquals(lead, Castings.getById(db, lead.id()).block(T));
    assertEquals(2L, Castings.filter(Castings.ROLE.eq("lead")).count(db).block(T));
    assertEquals(List.of("voice"), Castings.filter(Castings.FILM_ID.eq(up.id())
        .and(Castings.ACTOR_ID.eq(ann.id()))).collect(db).block(T).stream()
        .map(c -> c.role().orElse("")).toList());
    assertEquals(List.of("Up"), Films.filter(Films.ACTORS.any(Actors.NAME.eq("bob")))
        .collect(db).block(T).stream().map(Film::title).toList());
    assertEquals(List.of("bob"), Actors.filter(Actors.CASTINGS.none(Castings.ROLE.eq("voice")))
        .collect(db).block(T).stream().map(Actor::name).toList());
    Film loaded = Films.filter(Films.ID.eq(up.id())).include(Films.ACTORS).first(db).block(T);
    assertEquals(List.of("ann", "bob"), loaded.actors().get().stream().map(Actor::name)
        .sorted().toList());

    Castings.filter(Castings.ID.eq(lead.id())).update().role("hero").exec(db).block(T);
    assertEquals("hero", Castings.getById(db, lead.id()).block(T).role().orElse(""));
    Castings.filter(Castings.ROLE.eq("voice")).delete().exec(db).block(T);
    assertEquals(2L, cypher("MATCH ()-[r:`$Lcastings`]->() RETURN count(r) AS c").get(0)
        .get("c").asLong());

    // many-to-many link and unlink write and delete the relationship
    totoro.actors().insert(db, bob).block(T);
    assertEquals(1L, cypher("MATCH (:`$Lfilms` {title: 'Totoro'})-[r:`$Lcastings`]->"
        + "(:`$Lactors` {name: 'bob'}) RETURN count(r) AS c").get(0).get("c").asLong());
    totoro.actors().remove(db, bob).block(T);
    assertEquals(0L, cypher("MATCH (:`$Lfilms` {title: 'Totoro'})-[r:`$Lcastings`]->"
        + "(:`$Lactors` {name: 'bob'}) RETURN count(r) AS c").get(0).get("c").asLong());

    // deleting a film deletes its castings with it
    Films.filter(Films.ID.eq(up.id())).delete().exec(db).block(T);
    assertEquals(List.of("hero"), Castings.all().collect(db).block(T).stream()
        .map(c -> c.role().orElse("")).toList());
  }

  @Test
  void aMissingEndOrATakenKeyFailsAndWritesNothing() {
    Studio ghibli = Studios.create().name("Ghibli").exec(db).block(T);
    Film totoro = Films.create().studio(ghibli).title("Totoro").exec(db).block(T);
    Actor ann = Actors.create().name("ann").exec(db).block(T);
    ForeignKeyViolationException missing = assertThrows(ForeignKeyViolationException.class,
        () -> Castings.create().filmId(totoro.id()).actorId(UUID.randomUUID()).role("x")
            .exec(db).block(T));
    assertEquals("actorId", missing.field().orElse("?"));
    Casting lead = Castings.create().film(totoro).actor(ann).role("lead").exec(db).block(T);
    UniqueViolationException taken = assertThrows(UniqueViolationException.class,
        () -> Castings.create().id(lead.id()).film(totoro).actor(ann).role("again").exec(db)
            .block(T));
    assertEquals("Casting", taken.model().orElse("?"));
    assertEquals(1L, Castings.all().count(db).block(T));
  }

  @Test
  void anUpsertMergesTheRelationshipOnItsKey() {
    Studio ghibli = Studios.create().name("Ghibli").exec(db).block(T);
    Film totoro = Films.create().studio(ghibli).title("Totoro").exec(db).block(T);
    Actor ann = Actors.create().name("ann").exec(db).block(T);
    UUID id = UUID.randomUUID();
    Castings.upsert().id(id).filmId(totoro.id()).actorId(ann.id()).role("lead").exec(db)
        .block(T);
    Casting again = Castings.upsert().id(id).filmId(totoro.id()).actorId(ann.id()).role("hero")
        .exec(db).block(T);
    assertEquals("hero", again.role().orElse(""));
    assertEquals(List.of("hero"), cypher("MATCH (:`$Lfilms`)-[r:`$Lcastings`]->(:`$Lactors`) "
        + "RETURN r.role AS role").stream().map(r -> r.get("role").asString()).toList());
  }
}
