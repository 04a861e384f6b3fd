package io.toasty.neo4j.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.neo4j.models.Actors;
import io.toasty.neo4j.models.Castings;
import io.toasty.neo4j.models.Films;
import io.toasty.neo4j.models.Studios;
import io.toasty.schema.Schema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner's relation semi-joins and the many-to-many join, as the statements it sends (see
 * {@code SimplifyRelated} and {@code LowerInclude}), rendered as relationship patterns.
 */
class RelationPatternTest {
  final Schema schema = Schema.of(List.of(Studios.MODEL.schema(), Films.MODEL.schema(),
      Castings.MODEL.schema(), Actors.MODEL.schema()));
  final CypherRenderer renderer = new CypherRenderer(schema, new Names(""));
  final String studios = schema.tableOf("Studio").name();
  final String films = schema.tableOf("Film").name();
  final String castings = schema.tableOf("Casting").name();
  final String actors = schema.tableOf("Actor").name();

  private ExprNode.Column col(String table, String name) {
    var columns = schema.table(table).columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return new ExprNode.Column(table, i);
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static Query select(Source source, ExprNode filter, ExprNode.Column... columns) {
    return new Query(source, filter, new Returning.Project(List.of(columns)), List.of(), null);
  }

  /** {@code keys IN (SELECT fk FROM films WHERE fk IS NOT NULL AND f)}. */
  private ExprNode.InSubquery filmsOfStudio(ExprNode filter) {
    ExprNode.Column fk = col(films, "studio_id");
    return new ExprNode.InSubquery(col(studios, "id"), select(new Source.Table(films),
        ExprNode.and(new ExprNode.Not(new ExprNode.IsNull(fk)), filter), fk));
  }

  @Test
  void aHasManyFilterExpandsFromTheOuterNode() {
    Query q = select(new Source.Table(studios),
        filmsOfStudio(ExprNode.eq(col(films, "title"), new ExprNode.Arg(0))), col(studios, "name"));
    assertEquals("MATCH (n0:`" + studios + "`) WHERE EXISTS { MATCH (n1:`" + films + "`), "
        + "(n1)-[:`STUDIO`]->(n0) WHERE (n1.`title` = $p0) } RETURN n0.`name` AS c0",
        renderer.render(q).text());
  }

  @Test
  void aBelongsToFilterUnderNotExpandsToTheTarget() {
    // studioId is never NULL: EXISTS needs no test for SQL's unknown first.
    ExprNode.Column fk = col(films, "studio_id");
    ExprNode in = new ExprNode.InSubquery(fk, select(new Source.Table(studios),
        ExprNode.and(new ExprNode.Not(new ExprNode.IsNull(col(studios, "id"))),
            ExprNode.eq(col(studios, "name"), new ExprNode.Arg(0))), col(studios, "id")));
    Query q = select(new Source.Table(films), new ExprNode.Not(in), col(films, "title"));
    assertEquals("MATCH (n0:`" + films + "`) WHERE (NOT EXISTS { MATCH (n1:`" + studios + "`), "
        + "(n0)-[:`STUDIO`]->(n1) WHERE (n1.`name` = $p0) }) RETURN n0.`title` AS c0",
        renderer.render(q).text());
  }

  @Test
  void theManyToManyJoinIsAPatternNotAProduct() {
    Source.Join join = new Source.Join(castings, List.of(col(castings, "actor_id").index()),
        List.of(col(actors, "id").index()));
    ExprNode.Column filmId = col(castings, "film_id");
    Query q = select(new Source.Table(actors, join),
        new ExprNode.InList(filmId, List.of(new ExprNode.Arg(0), new ExprNode.Arg(1))),
        col(actors, "name"), filmId);
    // castings is a join model: one relationship, ending at the actor it is joined to
    assertEquals("MATCH (n0:`" + actors + "`), (n2:`" + films + "`)-[n1:`" + castings
        + "`]->(n0) WHERE (n2.`id` IN $p0) RETURN n0.`name` AS c0, n2.`id` AS c1",
        renderer.render(q).text());
  }

  @Test
  void aJoinRecordIsReadAsARelationshipWithItsEndsKeys() {
    ExprNode.Column filmId = col(castings, "film_id");
    Query q = select(new Source.Table(castings), ExprNode.eq(filmId, new ExprNode.Arg(0)),
        col(castings, "role"), col(castings, "actor_id"), filmId);
    assertEquals("MATCH (n1:`" + films + "`)-[n0:`" + castings + "`]->(n2:`" + actors + "`) "
        + "WHERE (n1.`id` = $p0) RETURN n0.`role` AS c0, endNode(n0).`id` AS c1, "
        + "n1.`id` AS c2", renderer.render(q).text());
  }

  @Test
  void aJoinRecordIsCreatedBetweenTheNodesItsKeysName() {
    List<Integer> columns = List.of(col(castings, "id").index(), col(castings, "film_id").index(),
        col(castings, "actor_id").index(), col(castings, "role").index());
    InsertNode insert =
        new InsertNode(
            new Source.Table(castings),
            columns,
            List.of(
                new ExprNode.Record(
                    List.of(
                        new ExprNode.Arg(0),
                        new ExprNode.Arg(1),
                        new ExprNode.Arg(2),
                        new ExprNode.Arg(3)))),
            new Returning.Count());
    assertEquals("UNWIND $p0 AS r OPTIONAL MATCH (n1:`" + films + "` {`id`: r.`film_id`}) "
        + "OPTIONAL MATCH (n2:`" + actors + "` {`id`: r.`actor_id`}) WITH r, CASE WHEN n1 IS NULL "
        + "THEN date('toasty-missing-target:Casting:filmId') ELSE n1 END AS n3, CASE WHEN n2 IS "
        + "NULL THEN date('toasty-missing-target:Casting:actorId') ELSE n2 END AS n4 "
        + "CREATE (n3)-[n0:`" + castings + "`]->(n4) SET n0 += r {.`id`, .`role`} "
        + "RETURN count(*)", renderer.render(insert).text());
  }
}
