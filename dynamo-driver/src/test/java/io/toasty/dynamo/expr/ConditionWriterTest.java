package io.toasty.dynamo.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.dynamo.models.Events;
import io.toasty.dynamo.models.Members;
import io.toasty.dynamo.models.Triples;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.dynamo.table.Tables;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.Schema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filters as DynamoDB condition text: placeholders, and SQL's three-valued logic. */
class ConditionWriterTest {
  static final Tables TABLES = new Tables(Schema.of(List.of(Members.MODEL.schema(),
      Events.MODEL.schema())), "p_");
  static final TableInfo M = TABLES.get("members");
  static final ExprNode EMAIL = new ExprNode.Column("members", 1);
  static final ExprNode SCORE = new ExprNode.Column("members", 3);
  static final ExprNode NICK = new ExprNode.Column("members", 4);

  static String whenTrue(ExprNode e, Value... args) {
    Cond c = new ConditionWriter(M, List.of(args), new Placeholders()).whenTrue(e);
    return c instanceof Cond.Text t ? t.text() : c.toString();
  }

  static ExprNode cmp(CompareOp op, ExprNode a, int arg) {
    return new ExprNode.Compare(op, a, new ExprNode.Arg(arg));
  }

  @Test
  void namesAndValuesArePlaceholders() {
    assertEquals("#n0 = :v0", whenTrue(cmp(CompareOp.EQ, EMAIL, 0), new Value.Str("a")));
    assertEquals("#n0 >= :v0 AND #n0 < :v1", whenTrue(ExprNode.and(cmp(CompareOp.GE, SCORE, 0),
        cmp(CompareOp.LT, SCORE, 1)), new Value.I32(1), new Value.I32(5)));
  }

  @Test
  void notEqualAndNegationNeedThePresenceSqlImplies() {
    assertEquals("attribute_exists(#n0) AND #n0 <> :v0",
        whenTrue(cmp(CompareOp.NE, NICK, 0), new Value.Str("a")));
    assertEquals("attribute_exists(#n0) AND #n0 <> :v0",
        whenTrue(new ExprNode.Not(cmp(CompareOp.EQ, NICK, 0)), new Value.Str("a")));
    assertEquals("#n0 >= :v0", whenTrue(new ExprNode.Not(cmp(CompareOp.LT, SCORE, 0)),
        new Value.I32(3)));
    // NOT (nick <> a OR email = b) is TRUE when nick = a AND email <> b, both present
    assertEquals(
        "#n0 = :v0 AND attribute_exists(#n1) AND #n1 <> :v1",
        whenTrue(
            new ExprNode.Not(ExprNode.or(cmp(CompareOp.NE, NICK, 0), cmp(CompareOp.EQ, EMAIL, 1))),
            new Value.Str("a"),
            new Value.Str("b")));
  }

  @Test
  void comparisonsWithNullAreNeitherTrueNorFalse() {
    assertEquals("Const[value=false]", whenTrue(cmp(CompareOp.EQ, NICK, 0), Value.NULL));
    assertEquals("Const[value=false]", whenTrue(new ExprNode.Not(cmp(CompareOp.EQ, NICK, 0)),
        Value.NULL));
    assertEquals("attribute_not_exists(#n0)", whenTrue(new ExprNode.IsNull(NICK)));
    assertEquals("attribute_exists(#n0)", whenTrue(new ExprNode.Not(new ExprNode.IsNull(NICK))));
  }

  @Test
  void inListsDropNullsAndSplitAtOneHundred() {
    assertEquals(
        "#n0 IN (:v0, :v1)",
        whenTrue(
            new ExprNode.InList(
                NICK, List.of(new ExprNode.Arg(0), new ExprNode.Arg(1), new ExprNode.Arg(2))),
            new Value.Str("a"),
            new Value.Str("b"),
            Value.NULL));
    assertEquals("Const[value=false]", whenTrue(new ExprNode.Not(new ExprNode.InList(NICK,
        List.of(new ExprNode.Arg(0), new ExprNode.Arg(1)))), new Value.Str("a"), Value.NULL));
    List<ExprNode> items = new ArrayList<>();
    Value[] args = new Value[150];
    for (int i = 0; i < 150; i++) {
      items.add(new ExprNode.Arg(i));
      args[i] = new Value.I32(i);
    }
    String text = whenTrue(new ExprNode.InList(SCORE, items), args);
    assertEquals(2, text.split(" IN ").length - 1, text);
    assertTrue(text.contains(" OR "), text);
  }

  @Test
  void patternsBeyondBeginsWithAndContainsAreRefused() {
    assertEquals(
        "begins_with(#n0, :v0)",
        whenTrue(
            new ExprNode.Pattern(
                ExprNode.PatternKind.STARTS_WITH, EMAIL, new ExprNode.Arg(0), false),
            new Value.Str("a")));
    assertEquals(
        "attribute_exists(#n0) AND NOT (contains(#n0, :v0))",
        whenTrue(
            new ExprNode.Not(
                new ExprNode.Pattern(
                    ExprNode.PatternKind.CONTAINS, EMAIL, new ExprNode.Arg(0), false)),
            new Value.Str("a")));
    for (ExprNode.PatternKind k :
        List.of(ExprNode.PatternKind.ENDS_WITH, ExprNode.PatternKind.LIKE)) {
      UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
          () -> whenTrue(new ExprNode.Pattern(k, EMAIL, new ExprNode.Arg(0), false),
              new Value.Str("a")));
      assertEquals(Feature.PATTERN_MATCH, e.feature());
      assertEquals("dynamodb", e.backend());
    }
  }

  @Test
  void subqueriesAndArithmeticAreRefused() {
    assertThrows(UnsupportedFeatureException.class, () -> whenTrue(new ExprNode.Compare(
        CompareOp.EQ, new ExprNode.Arith(ExprNode.ArithOp.ADD, SCORE, new ExprNode.Arg(0)),
        new ExprNode.Arg(1)), new Value.I32(1), new Value.I32(2)));
  }

  @Test
  void aQueryPutsOneSortKeyConditionInTheKeyAndChecksTheRestItself() {
    TableInfo e = TABLES.get("events");
    ExprNode stream = new ExprNode.Column("events", 0);
    ExprNode seq = new ExprNode.Column("events", 1);
    ExprNode kind = new ExprNode.Column("events", 2);
    QueryConditions.Parts p = QueryConditions.of(e, 0, 1,
        ExprNode.and(cmp(CompareOp.EQ, stream, 0), ExprNode.and(cmp(CompareOp.GT, seq, 1),
            cmp(CompareOp.LE, seq, 2))),
        ExprNode.and(cmp(CompareOp.NE, seq, 3), cmp(CompareOp.EQ, kind, 4)),
        List.of(new Value.Str("s"), new Value.I64(1), new Value.I64(9), new Value.I64(5),
            new Value.Str("k")));
    assertEquals("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2", p.keyCondition());
    // :v3 (seq <> 5) is checked by the driver: a FilterExpression may not name the sort key
    assertEquals("#n2 = :v3", p.filter());
    assertEquals(Set.of(1), p.residualColumns());
    QueryConditions.Parts empty = QueryConditions.of(e, 0, 1, ExprNode.and(cmp(CompareOp.EQ, stream,
        0), ExprNode.and(cmp(CompareOp.GE, seq, 1), cmp(CompareOp.LE, seq, 2))), ExprNode.TRUE,
        List.of(new Value.Str("s"), new Value.I64(9), new Value.I64(1)));
    assertTrue(empty.empty());
  }

  @Test
  void keysOfMoreThanTwoFieldsAreRefusedNamingTheModel() {
    UnsupportedFeatureException ex = assertThrows(UnsupportedFeatureException.class,
        () -> new Tables(Schema.of(List.of(Triples.MODEL.schema())), ""));
    assertTrue(ex.getMessage().contains("Triple"), ex::getMessage);
    assertEquals("dynamodb", ex.backend());
  }
}
