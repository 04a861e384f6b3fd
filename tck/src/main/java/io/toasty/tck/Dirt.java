package io.toasty.tck;

import io.toasty.driver.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What a run did that may leave its database unlike a fresh one with its models' schema, so
 * that the harness drops it instead of keeping it, emptied, for the next run: schema operations,
 * unusual SQL, SQL run outside the library, and writes whose outcome never came back (cancelled,
 * timed out: they may still land after the run). Marks count only once {@link #watch} was
 * called, after the harness's own setup. Thread safe; {@link OperationLog#clear} leaves it be.
 */
final class Dirt {
  /** The reasons that leave the schema as the models made it. */
  private static final Set<String> SCHEMA_KEEPING = Set.of("another database opened");

  private final Set<String> reasons = ConcurrentHashMap.newKeySet();
  private final AtomicInteger unanswered = new AtomicInteger();
  private volatile boolean watching;

  /** Counts what happens from now on (the harness's setup is over). */
  void watch() {
    watching = true;
  }

  /** Notes that the database may differ from a fresh one, for {@code reason}. */
  void mark(String reason) {
    if (watching) {
      reasons.add(reason);
    }
  }

  /**
   * Notes that {@code op} was sent to the driver; the answer is what becomes of it. A write
   * stays unanswered until it completes, fails with an error the database answered, or is
   * cancelled after every row it returns came back ({@link OperationEffects#rowsOnceRun}: the
   * database sent the last of them once it had run the statement, and the connection is
   * drained before the {@code Db} closes). A write cancelled earlier may still be running.
   */
  Consumer<OperationLog.Outcome> sent(Operation op) {
    if (op instanceof Operation.RawSql raw) {
      String unusual = OperationEffects.unusualSql(raw.text());
      if (unusual != null) {
        mark(unusual);
      }
    }
    if (!watching || !OperationEffects.writes(op)) {
      return outcome -> { };
    }
    unanswered.incrementAndGet();
    int rowsOnceRun = OperationEffects.rowsOnceRun(op);
    return outcome -> {
      if (outcome instanceof OperationLog.Outcome.Count
          || outcome instanceof OperationLog.Outcome.Rows
          || outcome instanceof OperationLog.Outcome.Cancelled c
          && rowsOnceRun > 0 && c.rows() >= rowsOnceRun
          || outcome instanceof OperationLog.Outcome.Failed f
          && OperationEffects.answered(f.error())) {
        unanswered.decrementAndGet();
      }
    };
  }

  /**
   * Whether the database still has exactly its models' schema: nothing but other databases
   * opened beside it and writes left unanswered made it differ from a fresh one (their rows go
   * with an emptying). Schema operations, raw statements and the driver handed out may have
   * changed it.
   */
  boolean schemaIntact() {
    return reasons.stream().allMatch(SCHEMA_KEEPING::contains);
  }

  /** Why the database may differ from a fresh one; empty when it is as clean as a fresh one. */
  List<String> reasons() {
    List<String> out = new ArrayList<>(reasons);
    int n = unanswered.get();
    if (n > 0) {
      out.add("writes left unanswered");
    }
    return out;
  }
}
