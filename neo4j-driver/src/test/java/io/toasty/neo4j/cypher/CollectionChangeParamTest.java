package io.toasty.neo4j.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.neo4j.codec.ParamValues;
import io.toasty.neo4j.models.Members;
import io.toasty.schema.Schema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A collection change's items go to Neo4j as a list of one item, read back by {@code $p[0]}:
 * Neo4j keys its plan cache by the parameters' types, and an empty list is not the type of a
 * list with items, so unboxed an update with several changes compiled again on most executions.
 */
class CollectionChangeParamTest {
  final Schema schema = Schema.of(List.of(Members.MODEL.schema()));
  final String table = schema.tableOf("Member").name();
  final CypherRenderer renderer = new CypherRenderer(schema, new Names("app_"));
  static final Type.CollectionOf SET = new Type.CollectionOf(Type.CollectionOf.Shape.SET,
      Type.Scalar.STRING);
  static final Type.CollectionOf LIST = new Type.CollectionOf(Type.CollectionOf.Shape.LIST,
      Type.Scalar.STRING);

  private RenderedCypher update(ExprNode.ChangeOp op, Type.CollectionOf type) {
    return renderer.render(
        new UpdateNode(
            new Source.Table(table),
            ExprNode.TRUE,
            List.of(
                new Assignment(
                    1,
                    new ExprNode.CollectionChange(
                        op, new ExprNode.Column(table, 1), type, new ExprNode.Arg(0)))),
            new Returning.Count()));
  }

  @Test
  void everyChangeReadsItsItemsFromABoxedParameter() {
    assertEquals("MATCH (n0:`app_" + table + "`) SET n0 += {`email`: "
        + "[x IN n0.`email` WHERE NOT x IN $p0[0]]} RETURN count(*)",
        update(ExprNode.ChangeOp.REMOVE, SET).text());
    assertEquals("MATCH (n0:`app_" + table + "`) SET n0 += {`email`: (coalesce(n0.`email`, []) "
        + "+ [x IN $p0[0] WHERE NOT x IN coalesce(n0.`email`, [])])} RETURN count(*)",
        update(ExprNode.ChangeOp.ADD, SET).text());
    assertEquals("MATCH (n0:`app_" + table + "`) SET n0 += {`email`: (coalesce(n0.`email`, []) "
        + "+ $p0[0])} RETURN count(*)", update(ExprNode.ChangeOp.ADD, LIST).text());
  }

  @Test
  void anEmptyChangeAndOneWithItemsSendParametersOfOneType() {
    List<Param> params = update(ExprNode.ChangeOp.REMOVE, SET).params();
    Map<String, Object> empty = ParamValues.of(params, List.of(new Value.Items(SET, List.of())));
    Map<String, Object> some = ParamValues.of(params,
        List.of(new Value.Items(SET, List.of(new Value.Str("a")))));
    // Both a list of one item: one type for Neo4j's plan cache, the items inside.
    assertEquals(Map.of("p0", List.of(List.of())), empty);
    assertEquals(Map.of("p0", List.of(List.of("a"))), some);
    assertEquals(List.of(Collections.singletonList(null)),
        List.copyOf(ParamValues.of(params, List.of(Value.NULL)).values()),
        "a NULL collection stays NULL through [0]");
  }
}
