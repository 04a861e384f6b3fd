package io.toasty.neo4j.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.neo4j.codec.ParamValues;
import io.toasty.neo4j.models.Members;
import io.toasty.schema.Schema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.RowLock;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Cypher text of table-level statements: values only ever as parameters. */
class CypherWalkTest {
  final Schema schema = Schema.of(List.of(Members.MODEL.schema()));
  final String table = schema.tableOf("Member").name();
  final CypherRenderer renderer = new CypherRenderer(schema, new Names("app_"));

  private ExprNode col(int i) {
    return new ExprNode.Column(table, i);
  }

  @Test
  void aFilteredOrderedPageIsOneMatch() {
    Query q =
        new Query(
            new Source.Table(table),
            ExprNode.and(
                ExprNode.eq(col(2), new ExprNode.Arg(0)),
                new ExprNode.Compare(
                    ExprNode.CompareOp.GT, col(3), new ExprNode.Const(new Value.I32(7)))),
            new Returning.Project(List.of(col(0), col(1))),
            List.of(new OrderBy(col(3), OrderBy.Direction.DESC)),
            new Limit(new ExprNode.Arg(1), new ExprNode.Arg(2)));
    RenderedCypher c = renderer.render(q);
    assertEquals("MATCH (n0:`app_" + table + "`) WHERE ((n0.`team` = $p0) AND (n0.`score` > $p1))"
        + " RETURN n0.`id` AS c0, n0.`email` AS c1 ORDER BY n0.`score` DESC SKIP $p2 LIMIT $p3",
        c.text());
    assertEquals(4, c.params().size());
    assertFalse(c.text().contains("7"), "a constant is a parameter too");
  }

  /**
   * A limit per partition (an include's limit per parent) without window functions: rows sorted,
   * collected per partition, kept by their place in the list, then sorted again.
   */
  @Test
  void aLimitPerPartitionKeepsEachPartitionsPageByPlace() {
    Query q =
        new Query(
            new Source.Table(table),
            ExprNode.TRUE,
            new Returning.Project(List.of(col(0), col(1))),
            List.of(new OrderBy(col(3), OrderBy.Direction.DESC)),
            new Limit(new ExprNode.Arg(0), new ExprNode.Arg(1)).perPartition(List.of(col(2))));
    RenderedCypher c = renderer.render(q);
    assertEquals("MATCH (n0:`app_" + table + "`)"
        + " WITH n0.`id` AS c0, n0.`email` AS c1, n0.`team` AS k0, n0.`score` AS s0"
        + " ORDER BY s0 DESC"
        + " WITH k0, collect([c0, c1, s0]) AS rows UNWIND range(0, size(rows) - 1) AS i"
        + " WITH rows[i] AS r, i - $p0 AS j WHERE j >= 0 AND j < $p1"
        + " RETURN r[0] AS c0, r[1] AS c1 ORDER BY r[2] DESC", c.text());
    assertEquals(2, c.params().size());
  }

  @Test
  void anUpdateEvaluatesEveryAssignmentBeforeApplyingAny() {
    UpdateNode u =
        new UpdateNode(
            new Source.Table(table),
            ExprNode.eq(col(0), new ExprNode.Arg(0)),
            List.of(
                new Assignment(
                    3, new ExprNode.Arith(ExprNode.ArithOp.ADD, col(3), new ExprNode.Arg(1)))),
            new Returning.Count());
    // score is an int: the computed value is checked against its width before it is stored.
    assertEquals("MATCH (n0:`app_" + table + "`) WHERE (n0.`id` = $p0) " + LOCKED
        + "WHERE (n0.`id` = $p1) SET n0 += {`score`: "
        + "CASE WHEN (n0.`score` + $p2) < -2147483648 OR (n0.`score` + $p3) > 2147483647 "
        + "THEN range(0, 0, (n0.`score` + $p4) - (n0.`score` + $p5)) ELSE (n0.`score` + $p6) END} "
        + "RETURN count(*)", renderer.render(u).text());
    assertEquals(List.of(table, "score"), renderer.render(u).guarded());
  }

  /** What an update does between matching and writing: lock each node, then test again. */
  private static final String LOCKED = "SET n0.`__toasty_lock` = true REMOVE n0.`__toasty_lock` "
      + "WITH n0 ";

  @Test
  void anUpdateLocksEachMatchedNodeThenTestsItsFilterAgain() {
    // The version check is a compare-and-set: a transaction that matched by the old version and
    // waited for the node's lock tests it again on what the winner committed.
    UpdateNode u = new UpdateNode(new Source.Table(table), ExprNode.and(
        ExprNode.eq(col(0), new ExprNode.Arg(0)), ExprNode.eq(col(3), new ExprNode.Arg(1))),
        List.of(new Assignment(1, new ExprNode.Arg(2))), new Returning.Count());
    assertEquals("MATCH (n0:`app_" + table + "`) WHERE ((n0.`id` = $p0) AND (n0.`score` = $p1)) "
        + LOCKED + "WHERE ((n0.`id` = $p2) AND (n0.`score` = $p3)) SET n0 += {`email`: $p4} "
        + "RETURN count(*)", renderer.render(u).text());
    UpdateNode all = new UpdateNode(new Source.Table(table), ExprNode.TRUE,
        List.of(new Assignment(1, new ExprNode.Arg(0))), new Returning.Count());
    assertEquals("MATCH (n0:`app_" + table + "`) SET n0 += {`email`: $p0} RETURN count(*)",
        renderer.render(all).text(), "nothing to test again without a filter");
  }

  @Test
  void aNullableOrderSortsNullsFirstAscendingAndLastDescending() {
    // nickname is optional, score required: only the nickname gets its NULL test first.
    Query q = new Query(new Source.Table(table), ExprNode.TRUE,
        new Returning.Project(List.of(col(0))),
        List.of(new OrderBy(col(4), OrderBy.Direction.ASC),
            new OrderBy(col(4), OrderBy.Direction.DESC),
            new OrderBy(col(3), OrderBy.Direction.ASC)), null);
    assertEquals("MATCH (n0:`app_" + table + "`) RETURN n0.`id` AS c0 ORDER BY "
        + "(n0.`nickname` IS NULL) DESC, n0.`nickname` ASC, "
        + "(n0.`nickname` IS NULL) ASC, n0.`nickname` DESC, n0.`score` ASC",
        renderer.render(q).text());
  }

  @Test
  void aDivisionByZeroFailsAndANullOperandIsNull() {
    Query q = new Query(new Source.Table(table), new ExprNode.Compare(ExprNode.CompareOp.GT,
        new ExprNode.Arith(ExprNode.ArithOp.DIV, col(3), new ExprNode.Arg(0)), new ExprNode.Arg(1)),
        new Returning.Project(List.of(col(0))), List.of(), null);
    assertEquals("MATCH (n0:`app_" + table + "`) WHERE (CASE WHEN n0.`score` IS NULL OR $p0 "
        + "IS NULL THEN null WHEN $p1 = 0 THEN 1 / toInteger($p2) ELSE (n0.`score` / $p3) END "
        + "> $p4) RETURN n0.`id` AS c0", renderer.render(q).text());
  }

  @Test
  void anOffsetAndLimitAreCappedSoThatCypherCanAddThem() {
    Query q = new Query(new Source.Table(table), ExprNode.TRUE,
        new Returning.Project(List.of(col(0))), List.of(),
        new Limit(new ExprNode.Arg(0), new ExprNode.Arg(1)));
    RenderedCypher c = renderer.render(q);
    assertEquals(List.of(new Param.Arg(1, Param.Form.ROW_COUNT),
        new Param.Arg(0, Param.Form.ROW_COUNT)), c.params());
    assertEquals(Long.MAX_VALUE / 2, ParamValues.of(c.params(),
        List.of(new Value.I64(Long.MAX_VALUE), new Value.I64(3))).get("p1"));
  }

  /**
   * forUpdate() write-locks every matched node and tests the filter again on what is committed
   * once the lock is held; a shared or non-waiting lock has no Cypher form.
   */
  @Test
  void aLockingReadWriteLocksThenTestsTheFilterAgain() {
    ExprNode filter = ExprNode.eq(col(2), new ExprNode.Arg(0));
    Query q = new Query(new Source.Table(table), filter,
        new Returning.Project(List.of(col(0))), List.of(), null,
        new RowLock(RowLock.Mode.UPDATE, RowLock.OnLocked.WAIT));
    assertEquals("MATCH (n0:`app_" + table + "`) WHERE (n0.`team` = $p0)"
        + " SET n0.`__toasty_lock` = true REMOVE n0.`__toasty_lock` WITH * WHERE (n0.`team` = $p1)"
        + " RETURN n0.`id` AS c0", renderer.render(q).text());
    for (RowLock refused : List.of(new RowLock(RowLock.Mode.SHARE, RowLock.OnLocked.WAIT),
        new RowLock(RowLock.Mode.UPDATE, RowLock.OnLocked.SKIP_LOCKED),
        new RowLock(RowLock.Mode.UPDATE, RowLock.OnLocked.NOWAIT))) {
      Query locked = new Query(new Source.Table(table), filter,
          new Returning.Project(List.of(col(0))), List.of(), null, refused);
      UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
          () -> renderer.render(locked));
      assertEquals(refused.mode() == RowLock.Mode.SHARE ? Feature.SHARED_ROW_LOCKS
          : Feature.LOCK_WAIT_POLICY, e.feature(), refused.toString());
    }
  }

  @Test
  void anAverageIsTheSumOverTheCountAndNullOverNoValue() {
    Query q =
        new Query(
            new Source.Table(table),
            ExprNode.TRUE,
            new Returning.Grouped(
                List.of(new ExprNode.Aggregate(ExprNode.AggOp.AVG, col(3), false)),
                List.of(),
                ExprNode.TRUE,
                false),
            List.of(),
            null);
    assertEquals("MATCH (n0:`app_" + table + "`) WITH CASE WHEN count(n0.`score`) = 0 THEN null "
        + "ELSE toFloat(sum(n0.`score`)) / count(n0.`score`) END AS a0 RETURN a0 AS c0",
        renderer.render(q).text());
  }

  @Test
  void identifiersAreQuotedSoNoNameChangesTheStatement() {
    assertEquals("`a``b`", Names.quote("a`b"));
  }
}
