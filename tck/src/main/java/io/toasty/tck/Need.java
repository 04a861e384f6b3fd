package io.toasty.tck;

import io.toasty.driver.Capability;
import java.util.function.Predicate;

/** A feature a scenario needs from a backend, read from its {@link Capability}. */
public enum Need {
  /** Executes SQL statements. */
  SQL(Capability::sql),
  /** Reads a whole table when no key or index applies. */
  SCAN(Capability::scan),
  /**
   * Generates integer keys in the database ({@code @Auto} on a {@code long} key: identity
   * columns). The planner offers them where the backend runs SQL; a key-value backend refuses
   * them (use a UUID key there). {@code Capability} has no flag of its own for this yet.
   */
  IDENTITY_KEYS(Capability::sql),
  /** Runs statements inside a begun transaction. */
  INTERACTIVE_TRANSACTIONS(Capability::interactiveTransactions),
  /** Nests transactions with savepoints. */
  SAVEPOINTS(Capability::savepoints),
  /** Holds a subquery in a filter. */
  SUBQUERIES(Capability::subqueries),
  /** Inserts many rows with one statement. */
  MULTI_ROW_INSERT(Capability::multiRowInsert),
  /** Returns rows from an update or delete. */
  RETURNING_FROM_MUTATION(Capability::returningFromMutation),
  /** Has a UUID type. */
  NATIVE_UUID(Capability::nativeUuid),
  /** Has an exact decimal type. */
  NATIVE_DECIMAL(Capability::nativeDecimal);

  private final Predicate<Capability> test;

  Need(Predicate<Capability> test) {
    this.test = test;
  }

  /** Whether a backend of {@code capability} has this feature. */
  public boolean isMetBy(Capability capability) {
    return test.test(capability);
  }
}
