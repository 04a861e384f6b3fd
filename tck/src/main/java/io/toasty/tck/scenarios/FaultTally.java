package io.toasty.tck.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.toasty.error.CommitOutcomeUnknownException;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.TransactionRolledBackException;
import io.toasty.tck.Backend;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fault scenario saw: its rounds and kills, and every error by type, each checked as it
 * comes: a fault may only surface as a transient {@link ConnectionLostException}, or during a
 * COMMIT as a {@link CommitOutcomeUnknownException} it caused.
 */
final class FaultTally {
  private final Backend backend;
  private final String scenario;
  private int rounds;
  private int kills;
  private int sessions;
  private int statements;
  private final Map<String, Integer> errors = new TreeMap<>();
  private final Map<String, Integer> notes = new TreeMap<>();

  FaultTally(Backend backend, String scenario) {
    this.backend = backend;
    this.scenario = scenario;
  }

  /** Rounds so far. */
  int rounds() {
    return rounds;
  }

  /** Rounds whose kill ended at least one session. */
  int kills() {
    return kills;
  }

  /** Ends a round: its kill ended {@code killed} sessions, its work ended in {@code error}. */
  void round(int killed, Throwable error) {
    rounds++;
    if (killed > 0) {
      kills++;
      sessions += killed;
    }
    if (error != null) {
      check(error);
    }
  }

  /** Records a statement after a kill: {@code null} when it succeeded. */
  void statement(Throwable error) {
    statements++;
    if (error != null) {
      check(error);
    }
  }

  /** Counts an outcome worth reporting. */
  void note(String outcome) {
    notes.merge(outcome, 1, Integer::sum);
  }

  private void check(Throwable error) {
    if (error instanceof CommitOutcomeUnknownException unknown) {
      // lost while committing: not transient (a retry could commit twice), caused by the loss
      assertFalse(unknown.isTransient(), scenario + ": " + error + " claims to be transient");
      assertTrue(unknown.getCause() instanceof ConnectionLostException,
          scenario + ": " + error + " is not caused by the lost connection");
      errors.merge(error.getClass().getSimpleName(), 1, Integer::sum);
      return;
    }
    if (error instanceof TransactionRolledBackException rolledBack) {
      // lost before COMMIT was sent (the client saw the kill first): nothing committed,
      // transient, caused by the loss; the scenario checks that none of its rows is there
      assertTrue(rolledBack.isTransient(), scenario + ": " + error + " is not transient");
      assertTrue(rolledBack.getCause() instanceof ConnectionLostException,
          scenario + ": " + error + " is not caused by the lost connection");
      errors.merge(error.getClass().getSimpleName(), 1, Integer::sum);
      return;
    }
    if (!(error instanceof ConnectionLostException lost)) {
      fail(scenario + ": a kill surfaced as " + error + ", not as a ConnectionLostException",
          error);
      return;
    }
    assertTrue(lost.isTransient(), scenario + ": " + error + " is not transient");
    errors.merge(error.getClass().getSimpleName() + (lost.sqlState() == null ? ""
        : " " + lost.sqlState()), 1, Integer::sum);
  }

  /** Fails unless at least {@code expected} rounds ended a session. */
  void assertKilledAtLeast(int expected) {
    assertTrue(kills >= expected, scenario + ": only " + kills + " of " + rounds
        + " rounds ended a session, " + expected + " needed");
  }

  /** Prints the figures, as the load family does. */
  void report() {
    System.out.printf("[%s] faults %s: %d rounds, %d with a kill (%d sessions ended), "
            + "%d statements after kills; errors %s; outcomes %s%n", backend.name(), scenario,
        rounds, kills, sessions, statements, errors, notes);
  }
}
