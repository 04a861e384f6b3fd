package io.toasty.neo4j.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.neo4j.models.Members;
import io.toasty.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RawLabels}: a model's or table's label in raw Cypher becomes the driver's label. */
class RawLabelsTest {
  private final Schema schema = Schema.of(List.of(Members.MODEL.schema()));
  private final String table = Members.MODEL.schema().tableName();

  @Test
  void aModelOrTableLabelGetsThePrefix() {
    String label = "`app_" + table + "`";
    assertEquals("MATCH (m:" + label + ") WHERE m:" + label + " RETURN m",
        RawLabels.prefixed("MATCH (m:Member) WHERE m:" + table + " RETURN m", schema,
            new Names("app_")));
  }

  @Test
  void relationshipTypesMapKeysStringsAndOtherLabelsStay() {
    String text = "MATCH (m:Other {Member: 'x:Member'})-[:Member]->(n) // :Member\n"
        + "RETURN {k: Member} AS v";
    assertEquals(text, RawLabels.prefixed(text, schema, new Names("app_")));
  }

  @Test
  void withoutAPrefixAModelNameBecomesItsTable() {
    assertEquals("MATCH (m:`" + table + "`) RETURN m",
        RawLabels.prefixed("MATCH (m:Member) RETURN m", schema, new Names("")));
  }
}
