package io.toasty.reactive.observe;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a {@link StatementObserver} learns about a statement before it runs. Every part is of low
 * cardinality except {@link #shape()}: the statement with its values replaced by numbered slots
 * ({@code $0}, {@code $1}, ...), so no value (a password, say) ever reaches a metric, a trace or
 * a log. The shape is printed on first use only: an observer that does not read it (a log whose
 * level is off) costs no printing on the statement's path.
 */
public final class StatementInfo {
  private final String backend;
  private final String model;
  private final String operation;
  private final boolean inTransaction;
  private Supplier<String> shapeSource;
  private String shape;

  /**
   * @param backend       the backend's name ({@code postgresql}, {@code dynamodb}, ...)
   * @param model         the model the statement reads or writes
   * @param operation     {@code select}, {@code insert}, {@code update} or {@code delete}
   * @param shape         prints the statement's shape, on first use
   * @param inTransaction whether it runs in a transaction the caller opened
   */
  public StatementInfo(String backend, String model, String operation, Supplier<String> shape,
      boolean inTransaction) {
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
  public synchronized String shape() {
    if (shape == null) {
      shape = shapeSource.get();
      shapeSource = null;
    }
    return shape;
  }
}
