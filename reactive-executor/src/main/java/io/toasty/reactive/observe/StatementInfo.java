package io.toasty.reactive.observe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link StatementObserver} learns about a statement before it runs. Every part is of low
 * cardinality except {@link #shape()}: the statement with its values replaced by numbered slots
 * ({@code $0}, {@code $1}, ...), so no value (a password, say) ever reaches a metric, a trace or
 * a log. The shape is printed on first use only: an observer that does not read it (a log whose
 * level is off) costs no printing on the statement's path. The values themselves are offered
 * ({@link #values()}) only by a {@code Db} built with {@code logValues(true)}, sensitive ones
 * masked.
 */
public final class StatementInfo {
  private final String backend;
  private final String model;
  private final String operation;
  private final boolean inTransaction;
  private @Nullable Supplier<String> shapeSource;
  private @Nullable String shape;
  private @Nullable Supplier<String> valuesSource;
  private @Nullable String values;
  private @Nullable Supplier<Map<String, Long>> phasesSource;
  private @Nullable Map<String, Long> phases;
  private @Nullable LongSupplier boundSource;
  private @Nullable Supplier<String> sentSource;
  private @Nullable String sent;

  /**
   * @param backend       the backend's name ({@code postgresql}, {@code dynamodb}, ...)
   * @param model         the model the statement reads or writes
   * @param operation     {@code select}, {@code insert}, {@code update} or {@code delete}
   * @param shape         prints the statement's shape, on first use
   * @param inTransaction whether it runs in a transaction the caller opened
   */
  public StatementInfo(String backend, String model, String operation, Supplier<String> shape,
      boolean inTransaction) {
    this(backend, model, operation, shape, inTransaction, null, null);
  }

  /**
   * An info that also offers the statement's values and its planning time.
   *
   * @param values prints the values slot by slot ({@code $0 = "ann", $1 = ***}), sensitive ones
   *               masked, on first use; null when they must not be shown
   * @param phases the nanoseconds of each planner phase when this statement's plan was compiled
   *               for it (a plan-cache miss), else an empty map; asked on first use; null for
   *               none
   */
  public StatementInfo(String backend, String model, String operation, Supplier<String> shape,
      boolean inTransaction, @Nullable Supplier<String> values,
      @Nullable Supplier<Map<String, Long>> phases) {
    this.valuesSource = values;
    this.phasesSource = phases;
    this.backend = Objects.requireNonNull(backend, "backend");
    this.model = Objects.requireNonNull(model, "model");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.shapeSource = Objects.requireNonNull(shape, "shape");
    this.inTransaction = inTransaction;
  }

  /** An info whose shape is already printed. */
  public StatementInfo(String backend, String model, String operation, String shape,
      boolean inTransaction) {
    this(backend, model, operation, () -> shape, inTransaction);
    Objects.requireNonNull(shape, "shape");
  }

  /**
   * This info, with {@code bound} giving the most records its statement can emit
   * ({@link RowBound}), asked only when a subscriber cancels.
   */
  StatementInfo bounded(LongSupplier bound) {
    this.boundSource = bound;
    return this;
  }

  /**
   * This info, with {@code sent} printing what the driver sends for the statement in its
   * backend's language (its SQL, its Cypher, its DynamoDB calls), on first use; for the
   * {@code Db} that builds the info.
   */
  public StatementInfo sending(Supplier<String> sent) {
    synchronized (this) {
      this.sentSource = sent;
    }
    return this;
  }

  /**
   * What the driver sends for the statement, in its backend's language, values as slots; empty
   * when the {@code Db} does not know it (a driver without the hook). Printed on the first call.
   */
  public synchronized Optional<String> sent() {
    if (sent == null && sentSource != null) {
      sent = sentSource.get();
      sentSource = null;
    }
    return Optional.ofNullable(sent);
  }

  /**
   * Whether a cancel after {@code rows} records cut the statement's result short: false when it
   * had already emitted all its statement can (a count, a record its key pins, its limit's rows).
   */
  synchronized boolean cutShortAt(long rows) {
    return boundSource == null || rows < boundSource.getAsLong();
  }

  /** The backend's name. */
  public String backend() {
    return backend;
  }

  /** The model the statement reads or writes. */
  public String model() {
    return model;
  }

  /** {@code select}, {@code insert}, {@code update} or {@code delete}. */
  public String operation() {
    return operation;
  }

  /** Whether it runs in a transaction the caller opened. */
  public boolean inTransaction() {
    return inTransaction;
  }

  /** The statement's shape, values as slots; printed on the first call. */
  @SuppressWarnings("NullAway") // shapeSource is null only once shape is set
  public synchronized String shape() {
    if (shape == null) {
      shape = shapeSource.get();
      shapeSource = null;
    }
    return shape;
  }

  /**
   * The statement's values by slot ({@code $0 = "ann", $1 = ***}), a sensitive field's masked;
   * empty unless the {@code Db} was built with {@code logValues(true)}. Printed on the first call.
   */
  public synchronized Optional<String> values() {
    if (values == null && valuesSource != null) {
      values = valuesSource.get();
      valuesSource = null;
    }
    return Optional.ofNullable(values);
  }

  /**
   * How long each planner phase took, in nanoseconds and phase order ({@code verify},
   * {@code simplify}, {@code lower}, ...), when the plan was compiled for this statement (a
   * plan-cache miss); empty when the plan came from the cache. Read once the statement ran.
   */
  public synchronized Map<String, Long> phases() {
    if (phases == null) {
      phases = phasesSource == null ? Map.of()
          : Collections.unmodifiableMap(new LinkedHashMap<>(phasesSource.get()));
      phasesSource = null;
    }
    return phases;
  }
}
