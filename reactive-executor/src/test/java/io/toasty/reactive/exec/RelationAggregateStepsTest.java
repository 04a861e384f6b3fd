package io.toasty.reactive.exec;

import static io.toasty.reactive.exec.InMemoryStepsTest.inputs;
import static io.toasty.reactive.exec.InMemoryStepsTest.noDriver;
import static io.toasty.reactive.exec.InMemoryStepsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.planner.action.AggregateSlotAction;
import io.toasty.planner.action.JoinAggregateAction;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The in-memory steps of a relation aggregate on a key-value backend: a grouped read joined to
 * each row by key ({@link JoinAggregateExec}) and a merged slot aggregated in place
 * ({@link AggregateSlotExec}); a row without related records gets 0 for a count, NULL otherwise,
 * as SQL's {@code COUNT(*)} and {@code MAX} of no rows give.
 */
class RelationAggregateStepsTest {
  private static final Value.Record ANN = Value.Record.of(new Value.I64(1), new Value.Str("ann"));
  private static final Value.Record CY = Value.Record.of(new Value.I64(3), new Value.Str("cy"));

  private static Value.Record with(Value.Record row, Value v) {
    return Value.Record.of(row.get(0), row.get(1), v);
  }

  @Test
  void aGroupedReadIsJoinedByKeyAndAMissingKeyCountsZero() {
    List<Value.Record> groups = List.of(Value.Record.of(new Value.I64(1), new Value.I64(2)),
        Value.Record.of(new Value.I64(9), new Value.I64(4)));
    JoinAggregateAction count = new JoinAggregateAction(2, 0, 1, List.of(0),
        ExprNode.AggOp.COUNT_ALL);
    assertEquals(List.of(with(ANN, new Value.I64(2)), with(CY, new Value.I64(0))),
        run(JoinAggregateExec.run(count, inputs(Map.of(0, List.of(ANN, CY), 1, groups)))));
    JoinAggregateAction max = new JoinAggregateAction(2, 0, 1, List.of(0), ExprNode.AggOp.MAX);
    assertEquals(List.of(with(ANN, new Value.I64(2)), with(CY, Value.NULL)),
        run(JoinAggregateExec.run(max, inputs(Map.of(0, List.of(ANN, CY), 1, groups)))));
  }

  @Test
  void aSlotOfRelatedRecordsIsReplacedByTheirAggregate() {
    Value.ListValue votes = new Value.ListValue(List.of(Value.Record.of(new Value.I64(3)),
        Value.Record.of(Value.NULL), Value.Record.of(new Value.I64(7))));
    Value.ListValue none = new Value.ListValue(List.of());
    List<Value.Record> rows = List.of(with(ANN, votes), with(CY, none));
    ExprNode votesColumn = new ExprNode.Column("articles", 0);
    AggregateSlotAction sum = new AggregateSlotAction(1, 0, 2,
        new ExprNode.Aggregate(ExprNode.AggOp.SUM, votesColumn, false), false);
    assertEquals(List.of(with(ANN, new Value.I64(10)), with(CY, Value.NULL)),
        run(AggregateSlotExec.run(sum, noDriver(), inputs(Map.of(0, rows)))));
    // COUNT(*) counts the records, NULL values or not; COUNT(x) skips NULLs
    AggregateSlotAction countAll = new AggregateSlotAction(1, 0, 2,
        new ExprNode.Aggregate(ExprNode.AggOp.COUNT_ALL, ExprNode.NULL, false), false);
    assertEquals(List.of(with(ANN, new Value.I64(3)), with(CY, new Value.I64(0))),
        run(AggregateSlotExec.run(countAll, noDriver(), inputs(Map.of(0, rows)))));
    AggregateSlotAction count = new AggregateSlotAction(1, 0, 2,
        new ExprNode.Aggregate(ExprNode.AggOp.COUNT, votesColumn, false), false);
    assertEquals(List.of(with(ANN, new Value.I64(2)), with(CY, new Value.I64(0))),
        run(AggregateSlotExec.run(count, noDriver(), inputs(Map.of(0, rows)))));
  }

  @Test
  void aTargetThatTwoJoinRecordsPointToIsAggregatedOnce() {
    // (votes, key): target 1 reached through two join records, target 2 with equal votes once
    Value.ListValue targets = new Value.ListValue(List.of(
        Value.Record.of(new Value.I64(3), new Value.I64(1)),
        Value.Record.of(new Value.I64(3), new Value.I64(1)),
        Value.Record.of(new Value.I64(3), new Value.I64(2))));
    List<Value.Record> rows = List.of(with(ANN, targets));
    ExprNode.Aggregate sum = new ExprNode.Aggregate(ExprNode.AggOp.SUM,
        new ExprNode.Column("articles", 0), false);
    assertEquals(List.of(with(ANN, new Value.I64(6))), run(AggregateSlotExec.run(
        new AggregateSlotAction(1, 0, 2, sum, true), noDriver(), inputs(Map.of(0, rows)))));
    assertEquals(List.of(with(ANN, new Value.I64(9))), run(AggregateSlotExec.run(
        new AggregateSlotAction(1, 0, 2, sum, false), noDriver(), inputs(Map.of(0, rows)))));
  }
}
