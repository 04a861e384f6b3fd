package io.toasty.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import io.toasty.error.QueryTimeoutException;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What makes a kept database dirty, as the {@code RecordingDriver} reports it: DDL and other
 * unusual SQL, and writes whose answer never came; not plain reads and writes, not what happened
 * before the harness's setup was over.
 */
class DirtTest {

  private static Operation.RawSql sql(String text) {
    return new Operation.RawSql(List.of(text), List.of(), false, List.of());
  }

  @Test
  void theHarnessSetupDoesNotCount() {
    Dirt dirt = new Dirt();
    dirt.mark("schema reset");
    dirt.sent(sql("CREATE TABLE t (a INT)"));
    dirt.sent(sql("INSERT INTO t VALUES (1)"));
    assertEquals(List.of(), dirt.reasons());
  }

  @Test
  void plainSqlKeepsItCleanAndOtherSqlDoesNot() {
    Dirt dirt = new Dirt();
    dirt.watch();
    dirt.sent(sql("  select * from t where a = 1")).accept(new OperationLog.Outcome.Rows(1));
    dirt.sent(sql("UPDATE t SET a = 2")).accept(new OperationLog.Outcome.Count(1));
    dirt.sent(sql("DELETE FROM t;")).accept(new OperationLog.Outcome.Count(1));
    assertEquals(List.of(), dirt.reasons());
    for (String unusual : List.of("CREATE TABLE u (a INT)", "SET search_path = x",
        "SELECT 1; DROP TABLE t", "SELECT * INTO u FROM t", "WITH x AS (SELECT 1) SELECT 1",
        "/* c */ SELECT 1")) {
      Dirt d = new Dirt();
      d.watch();
      d.sent(sql(unusual)).accept(new OperationLog.Outcome.Count(0));
      assertEquals(1, d.reasons().size(), unusual);
    }
  }

  @Test
  void aWriteWithoutAnAnswerMakesItDirty() {
    assertEquals(List.of(), reasonsAfter(new OperationLog.Outcome.Count(1)));
    assertEquals(List.of(), reasonsAfter(new OperationLog.Outcome.Failed(
        new DriverException("h2", "23505", "a unique constraint refused it", null))));
    List<String> unanswered = List.of("writes left unanswered");
    assertEquals(unanswered, reasonsAfter(new OperationLog.Outcome.Cancelled(0)));
    assertEquals(unanswered, reasonsAfter(new OperationLog.Outcome.Failed(
        new QueryTimeoutException("h2", null, "timed out", null))));
    assertEquals(unanswered, reasonsAfter(new OperationLog.Outcome.Failed(
        new IllegalStateException("untranslated"))));
    assertEquals(unanswered, reasonsAfter(null));
  }

  /**
   * A create read as one record cancels its stream right after the row: an insert cancelled
   * once every row it returns came back has run; one cancelled before, or a write whose rows
   * are not counted (raw SQL), may still be running.
   */
  @Test
  void aWriteCancelledAfterAllItsRowsCameBackKeepsItClean() {
    List<String> unanswered = List.of("writes left unanswered");
    assertEquals(List.of(), reasonsAfter(insert(1, false), new OperationLog.Outcome.Cancelled(1)));
    assertEquals(List.of(), reasonsAfter(insert(2, false), new OperationLog.Outcome.Cancelled(2)));
    assertEquals(unanswered,
        reasonsAfter(insert(2, false), new OperationLog.Outcome.Cancelled(1)));
    assertEquals(unanswered,
        reasonsAfter(insert(1, false), new OperationLog.Outcome.Cancelled(0)));
    assertEquals(unanswered, reasonsAfter(insert(1, true), new OperationLog.Outcome.Cancelled(1)));
    assertEquals(unanswered, reasonsAfter(sql("INSERT INTO t VALUES (1) RETURNING a"),
        new OperationLog.Outcome.Cancelled(1)));
  }

  /** An insert of {@code rows} rows returning their keys, or their count. */
  private static Operation.Insert insert(int rows, boolean count) {
    List<ExprNode.Record> values = Collections.nCopies(rows,
        new ExprNode.Record(List.of(new ExprNode.Arg(0))));
    Returning returning = count ? new Returning.Count() : new Returning.Keys(List.of(0));
    return new Operation.Insert(new InsertNode(new Source.Table("t", null), List.of(0), values,
        returning), List.of(), List.of());
  }

  /** The reasons after one insert whose outcome is {@code outcome} (null: none yet). */
  private static List<String> reasonsAfter(OperationLog.Outcome outcome) {
    return reasonsAfter(sql("INSERT INTO t VALUES (1)"), outcome);
  }

  /** The reasons after {@code write} whose outcome is {@code outcome} (null: none yet). */
  private static List<String> reasonsAfter(Operation write, OperationLog.Outcome outcome) {
    Dirt dirt = new Dirt();
    dirt.watch();
    Consumer<OperationLog.Outcome> settled = dirt.sent(write);
    if (outcome != null) {
      settled.accept(outcome);
    }
    return dirt.reasons();
  }
}
