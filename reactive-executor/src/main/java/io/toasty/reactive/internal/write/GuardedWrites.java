package io.toasty.reactive.internal.write;

import io.toasty.Feature;
import io.toasty.Statement.Snapshot;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.cardinality.CardinalityGuard;
import io.toasty.planner.cardinality.CardinalityGuards;
import io.toasty.reactive.internal.gate.GatedDriver;
import io.toasty.schema.Schema;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A {@code Db}'s writes to relations limited by {@code @AtMost}: which limits a statement writes,
 * whether the driver keeps them itself, and why a backend without interactive transactions
 * refuses a write it cannot check.
 */
public final class GuardedWrites {
  private final GatedDriver driver;
  private final CardinalityGuards cardinality;

  public GuardedWrites(GatedDriver driver, Schema schema) {
    this.driver = driver;
    this.cardinality = new CardinalityGuards(schema);
  }

  /** Whether any relation of the schema is limited: if not, no statement has guards. */
  public boolean any() {
    return cardinality.any();
  }

  /** The limits {@code statement} writes for an existing record. */
  public List<CardinalityGuard> of(StatementNode statement) {
    return cardinality.of(statement);
  }

  /**
   * Whether the driver keeps relation limits itself, atomically with each write
   * ({@code Capability.atomicLimits}): a guarded write is then sent as it is.
   */
  public boolean keptByDriver() {
    return driver.capability().atomicLimits();
  }

  /**
   * {@code statement} as {@code plain} runs it, or, when it writes a relation limited by
   * {@code @AtMost} for an existing record, as {@code checked} runs it with its guards; an
   * error of the check (a new record's nested children over the limit) as the signal.
   */
  public Flux<Value> checked(StatementNode statement, Function<StatementNode, Flux<Value>> plain,
      Function<List<CardinalityGuard>, Flux<Value>> checked) {
    if (!cardinality.any()) {
      return plain.apply(statement);
    }
    return Flux.defer(() -> {
      List<CardinalityGuard> guards = cardinality.of(statement);
      return guards.isEmpty() ? plain.apply(statement) : checked.apply(guards);
    });
  }

  /**
   * Why an atomic batch, on a backend without interactive transactions, cannot keep the limits
   * of one of its statements; null when it can keep all of them.
   */
  public @Nullable UnsupportedFeatureException batchRefusal(List<Snapshot<?>> statements) {
    for (Snapshot<?> s : statements) {
      if (s.untyped() != null && !cardinality.of(s.untyped()).isEmpty() && !keptByDriver()) {
        return refusal(cardinality.of(s.untyped()));
      }
    }
    return null;
  }

  /** Why a write of {@code guards} cannot run where the backend has no interactive transactions. */
  public UnsupportedFeatureException refusal(List<CardinalityGuard> guards) {
    CardinalityGuard g = guards.get(0);
    return new UnsupportedFeatureException(Feature.CARDINALITY, driver.capability().backend(),
        "adding to " + g.owner() + "." + g.relation() + " (@AtMost(" + g.max() + ")) of an "
        + "existing record needs a count under a lock in an interactive transaction; a nested "
        + "create of a new record is checked before sending and runs");
  }
}
