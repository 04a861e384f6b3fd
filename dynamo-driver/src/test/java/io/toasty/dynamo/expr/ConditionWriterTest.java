package io.toasty.dynamo.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.dynamo.models.Events;
import io.toasty.dynamo.models.Members;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.dynamo.table.Tables;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.Schema;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Expr.CompareOp;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters as DynamoDB condition text: placeholders, and SQL's three-valued logic. */
class ConditionWriterTest {
  static final Tables TABLES = new Tables(Schema.of(List.of(Members.MODEL.schema(),
      Events.MODEL.schema())), "p_");
  static final TableInfo M = TABLES.get("members");
  static final Expr EMAIL = new Expr.Column("members", 1);
  static final Expr SCORE = new Expr.Column("members", 3);
  static final Expr NICK = new Expr.Column("members", 4);

  static String whenTrue(Expr e, Value... args) {
    Cond c = new ConditionWriter(M, List.of(args), new Placeholders()).whenTrue(e);
    return c instanceof Cond.Text t ? t.text() : c.toString();
  }

  static Expr cmp(CompareOp op, Expr a, int arg) {
    return new Expr.Compare(op, a, new Expr.Arg(arg));
  }

  @Test
  void namesAndValuesArePlaceholders() {
    assertEquals("#n0 = :v0", whenTrue(cmp(CompareOp.EQ, EMAIL, 0), new Value.Str("a")));
    assertEquals("#n0 >= :v0 AND #n0 < :v1", whenTrue(Expr.and(cmp(CompareOp.GE, SCORE, 0),
        cmp(CompareOp.LT, SCORE, 1)), new Value.I32(1), new Value.I32(5)));
  }

  @Test
  void notEqualAndNegationNeedThePresenceSqlImplies() {
    assertEquals("attribute_exists(#n0) AND #n0 <> :v0",
        whenTrue(cmp(CompareOp.NE, NICK, 0), new Value.Str("a")));
    assertEquals("attribute_exists(#n0) AND #n0 <> :v0",
        whenTrue(new Expr.Not(cmp(CompareOp.EQ, NICK, 0)), new Value.Str("a")));
    assertEquals("#n0 >= :v0", whenTrue(new Expr.Not(cmp(CompareOp.LT, SCORE, 0)),
        new Value.I32(3)));
    // NOT (nick <> a OR email = b) is TRUE when nick = a AND email <> b, both present
    assertEquals("#n0 = :v0 AND attribute_exists(#n1) AND #n1 <> :v1",
        whenTrue(new Expr.Not(Expr.or(cmp(CompareOp.NE, NICK, 0), cmp(CompareOp.EQ, EMAIL, 1))),
            new Value.Str("a"), new Value.Str("b")));
  }

  @Test
  void comparisonsWithNullAreNeitherTrueNorFalse() {
    assertEquals("Const[value=false]", whenTrue(cmp(CompareOp.EQ, NICK, 0), Value.NULL));
    assertEquals("Const[value=false]", whenTrue(new Expr.Not(cmp(CompareOp.EQ, NICK, 0)),
        Value.NULL));
    assertEquals("attribute_not_exists(#n0)", whenTrue(new Expr.IsNull(NICK)));
    assertEquals("attribute_exists(#n0)", whenTrue(new Expr.Not(new Expr.IsNull(NICK))));
  }

  @Test
  void inListsDropNullsAndSplitAtOneHundred() {
    assertEquals("#n0 IN (:v0, :v1)", whenTrue(new Expr.InList(NICK, List.of(new Expr.Arg(0),
        new Expr.Arg(1), new Expr.Arg(2))), new Value.Str("a"), new Value.Str("b"), Value.NULL));
    assertEquals("Const[value=false]", whenTrue(new Expr.Not(new Expr.InList(NICK,
        List.of(new Expr.Arg(0), new Expr.Arg(1)))), new Value.Str("a"), Value.NULL));
    List<Expr> items = new java.util.ArrayList<>();
    Value[] args = new Value[150];
    for (int i = 0; i < 150; i++) {
      items.add(new Expr.Arg(i));
      args[i] = new Value.I32(i);
    }
    String text = whenTrue(new Expr.InList(SCORE, items), args);
    assertEquals(2, text.split(" IN ").length - 1, text);
    assertTrue(text.contains(" OR "), text);
  }

  @Test
  void patternsBeyondBeginsWithAndContainsAreRefused() {
    assertEquals("begins_with(#n0, :v0)", whenTrue(new Expr.Pattern(Expr.PatternKind.STARTS_WITH,
        EMAIL, new Expr.Arg(0), false), new Value.Str("a")));
    assertEquals("attribute_exists(#n0) AND NOT (contains(#n0, :v0))",
        whenTrue(new Expr.Not(new Expr.Pattern(Expr.PatternKind.CONTAINS, EMAIL, new Expr.Arg(0),
            false)), new Value.Str("a")));
    for (Expr.PatternKind k : List.of(Expr.PatternKind.ENDS_WITH, Expr.PatternKind.LIKE)) {
      UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
          () -> whenTrue(new Expr.Pattern(k, EMAIL, new Expr.Arg(0), false),
              new Value.Str("a")));
      assertEquals(Feature.PATTERN_MATCH, e.feature());
      assertEquals("dynamodb", e.backend());
    }
  }

  @Test
  void subqueriesAndArithmeticAreRefused() {
    assertThrows(UnsupportedFeatureException.class, () -> whenTrue(new Expr.Compare(
        CompareOp.EQ, new Expr.Arith(Expr.ArithOp.ADD, SCORE, new Expr.Arg(0)),
        new Expr.Arg(1)), new Value.I32(1), new Value.I32(2)));
  }

  @Test
  void aQueryPutsOneSortKeyConditionInTheKeyAndChecksTheRestItself() {
    TableInfo e = TABLES.get("events");
    Expr stream = new Expr.Column("events", 0);
    Expr seq = new Expr.Column("events", 1);
    Expr kind = new Expr.Column("events", 2);
    QueryConditions.Parts p = QueryConditions.of(e, 0, 1,
        Expr.and(cmp(CompareOp.EQ, stream, 0), Expr.and(cmp(CompareOp.GT, seq, 1),
            cmp(CompareOp.LE, seq, 2))),
        Expr.and(cmp(CompareOp.NE, seq, 3), cmp(CompareOp.EQ, kind, 4)),
        List.of(new Value.Str("s"), new Value.I64(1), new Value.I64(9), new Value.I64(5),
            new Value.Str("k")));
    assertEquals("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2", p.keyCondition());
    // :v3 (seq <> 5) is checked by the driver: a FilterExpression may not name the sort key
    assertEquals("#n2 = :v3", p.filter());
    assertEquals(java.util.Set.of(1), p.residualColumns());
    QueryConditions.Parts empty = QueryConditions.of(e, 0, 1, Expr.and(cmp(CompareOp.EQ, stream,
        0), Expr.and(cmp(CompareOp.GE, seq, 1), cmp(CompareOp.LE, seq, 2))), Expr.TRUE,
        List.of(new Value.Str("s"), new Value.I64(9), new Value.I64(1)));
    assertTrue(empty.empty());
  }

  @Test
  void keysOfMoreThanTwoFieldsAreRefusedNamingTheModel() {
    UnsupportedFeatureException ex = assertThrows(UnsupportedFeatureException.class,
        () -> new Tables(Schema.of(List.of(io.toasty.dynamo.models.Triples.MODEL.schema())), ""));
    assertTrue(ex.getMessage().contains("Triple"), ex::getMessage);
    assertEquals("dynamodb", ex.backend());
  }
}
