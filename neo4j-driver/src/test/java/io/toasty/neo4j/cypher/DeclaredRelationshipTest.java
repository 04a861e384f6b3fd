package io.toasty.neo4j.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.neo4j.models.Books;
import io.toasty.neo4j.models.Publishers;
import io.toasty.schema.Schema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A relationship whose type and direction {@code @Relationship} declares on the has-many side:
 * {@link Relationships} turns it around for the belongs-to that holds the key, and every pattern
 * is written against the key ({@code <-[:PUBLISHED]-}).
 */
class DeclaredRelationshipTest {
  final Schema schema = Schema.of(List.of(Publishers.MODEL.schema(), Books.MODEL.schema()));
  final CypherRenderer renderer = new CypherRenderer(schema, new Names(""));
  final String publishers = schema.tableOf("Publisher").name();
  final String books = schema.tableOf("Book").name();

  private ExprNode.Column col(String table, String name) {
    var columns = schema.table(table).columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return new ExprNode.Column(table, i);
      }
    }
    throw new IllegalArgumentException(name);
  }

  @Test
  void theBelongsToTakesTheTypeAndTheOppositeDirection() {
    Relationships.Link link = new Relationships(schema).of(books).get(0);
    assertEquals("PUBLISHED", link.type());
    assertTrue(link.reversed());
    StringBuilder out = new StringBuilder();
    link.arrow(out, "r");
    assertEquals("<-[r:`PUBLISHED`]-", out.toString());
  }

  @Test
  void aRelationFilterExpandsAgainstTheKey() {
    ExprNode.Column fk = col(books, "publisher_id");
    Query inner = new Query(new Source.Table(books), ExprNode.and(
        new ExprNode.Not(new ExprNode.IsNull(fk)),
        ExprNode.eq(col(books, "title"), new ExprNode.Arg(0))),
        new Returning.Project(List.of(fk)), List.of(), null);
    Query q = new Query(new Source.Table(publishers),
        new ExprNode.InSubquery(col(publishers, "id"), inner),
        new Returning.Project(List.of(col(publishers, "name"))), List.of(), null);
    assertEquals("MATCH (n0:`" + publishers + "`) WHERE EXISTS { MATCH (n1:`" + books + "`), "
        + "(n1)<-[:`PUBLISHED`]-(n0) WHERE (n1.`title` = $p0) } RETURN n0.`name` AS c0",
        renderer.render(q).text());
  }

  @Test
  void theKeyIsReadFromTheNodeTheRelationshipComesFrom() {
    Query q = new Query(new Source.Table(books), ExprNode.TRUE,
        new Returning.Project(List.of(col(books, "publisher_id"))), List.of(), null);
    assertTrue(renderer.render(q).text().contains("head([(n0)<-[:`PUBLISHED`]-(n1:`"
        + publishers + "`) | n1.`id`])"), renderer.render(q).text());
  }
}
