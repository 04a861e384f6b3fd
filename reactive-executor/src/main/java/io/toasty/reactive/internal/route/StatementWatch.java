package io.toasty.reactive.internal.route;

import io.toasty.driver.Operation;
import io.toasty.driver.OperationText;
import io.toasty.planner.Prepared;
import io.toasty.planner.explain.SentText;
import io.toasty.reactive.internal.gate.GatedDriver;
import io.toasty.reactive.observe.Observing;
import io.toasty.reactive.observe.RawStatementInfos;
import io.toasty.reactive.observe.StatementInfo;
import io.toasty.reactive.observe.StatementInfos;
import io.toasty.reactive.observe.StatementObserver;
import io.toasty.reactive.observe.StatementValues;
import io.toasty.schema.Schema;
import io.toasty.stmt.StatementNode;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A {@code Db}'s statements as its {@link StatementObserver} sees them. A statement's values and
 * planner phases are read from its plan only when the observer asks for them.
 */
public final class StatementWatch {
  /** The observer, or null when the {@code Db} has none. */
  private final @Nullable StatementObserver observer;
  private final Schema schema;
  private final GatedDriver driver;
  /** Whether observers are offered each statement's values ({@code DbBuilder.logValues}). */
  private final boolean logValues;
  /** A statement's plan as its {@code Db} runs it (a cache hit by the time it is asked). */
  private final Function<StatementNode, Prepared> plan;

  public StatementWatch(@Nullable StatementObserver observer, Schema schema, GatedDriver driver,
      boolean logValues, Function<StatementNode, Prepared> plan) {
    this.observer = observer;
    this.schema = schema;
    this.driver = driver;
    this.logValues = logValues;
    this.plan = plan;
  }

  /** {@code run}, watched by the observer if there is one. */
  public <T> Flux<T> observed(StatementNode statement, boolean inTransaction, Flux<T> run) {
    return observed(statement, inTransaction, run, item -> 1);
  }

  /** {@link #observed}, each item of {@code run} holding {@code rowsOf} rows (a list, its size). */
  public <T> Flux<T> observed(StatementNode statement, boolean inTransaction, Flux<T> run,
      ToLongFunction<? super T> rowsOf) {
    if (observer == null) {
      return run;
    }
    StatementInfo info = StatementInfos.of(statement, schema, driver.capability().backend(),
        inTransaction, logValues ? () -> values(statement) : null, () -> phases(statement));
    driver.operationText().ifPresent(text -> info.sending(() -> sent(statement, text)));
    return Observing.wrap(observer, info, run, rowsOf);
  }

  /** What the driver sends for {@code statement}'s plan, in its language, on one line. */
  private String sent(StatementNode statement, OperationText text) {
    try {
      return SentText.line(plan.apply(statement).plan().actions(), text);
    } catch (RuntimeException unplannable) {
      return "";
    }
  }

  /** {@code run} of the raw statement {@code raw}, watched by the observer if there is one. */
  <T> Flux<T> observedRaw(Operation raw, boolean inTransaction, Flux<T> run) {
    if (observer == null) {
      return run;
    }
    return Observing.wrap(observer, RawStatementInfos.of(raw, driver.capability().backend(),
        inTransaction, logValues), run);
  }

  /** {@code statement}'s values for an observer, masked by its plan. */
  private String values(StatementNode statement) {
    try {
      return StatementValues.of(plan.apply(statement));
    } catch (RuntimeException unplannable) {
      // the statement itself fails with this error; the log line names its class
      return "values not shown: " + unplannable.getClass().getSimpleName();
    }
  }

  /** The planner phases' times of {@code statement}'s plan, if no statement reported them yet. */
  private Map<String, Long> phases(StatementNode statement) {
    try {
      return plan.apply(statement).plan().phases().claim().orElse(Map.of());
    } catch (RuntimeException unplannable) {
      return Map.of();
    }
  }
}
