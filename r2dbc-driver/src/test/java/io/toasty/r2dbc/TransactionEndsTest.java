package io.toasty.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.Operation;
import io.toasty.stmt.Returning;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;

/**
 * A connection goes back to the pool only outside a transaction, whatever way the transaction's
 * owner went away: a cancel before BEGIN was answered, after it was answered (with a write in the
 * transaction), during a write, or racing COMMIT. On a pool of one, so that the next borrower
 * gets the same session: its write, outside a transaction, is seen at once by a session of its
 * own, which it would not be inside a transaction left open; the owner's uncommitted write is
 * never there.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
class TransactionEndsTest {
  private static final int ROUNDS = 20;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Parameter
  TestDatabase.Kind kind;

  private TestDatabase database;
  private Driver driver;

  @BeforeEach
  void open() {
    database = TestDatabase.create(kind);
    driver = new R2dbcDriverProvider().open(new DriverConfig(database.url(), Fixtures.SCHEMA, 1,
        WAIT, Duration.ofMinutes(30), null));
    driver.pushSchema().block(WAIT);
  }

  @AfterEach
  void close() {
    try {
      driver.close().block(WAIT);
    } finally {
      database.close();
    }
  }

  @Test
  void aCancelBeforeBeginIsAnsweredLeavesNoTransaction() {
    rounds("before-begin", c -> cancelled(c, op(Operation.Transaction.Kind.BEGIN)));
  }

  @Test
  void anOwnerGoneAfterBeginAndAWriteLeavesNoTransaction() {
    rounds("after-begin", c -> {
      c.exec(op(Operation.Transaction.Kind.BEGIN)).block(WAIT);
      c.exec(DriverHarness.insertUsers(new Returning.Count(), "gone")).block(WAIT);
    });
    assertEquals(0L, rows("gone"), "rows of transactions whose owner went away");
  }

  @Test
  void aCancelDuringAWriteLeavesNoTransaction() {
    rounds("during-write", c -> {
      c.exec(op(Operation.Transaction.Kind.BEGIN)).block(WAIT);
      cancelled(c, DriverHarness.insertUsers(new Returning.Count(), "cut"));
    });
    assertEquals(0L, rows("cut"), "rows of transactions cancelled during a write");
  }

  @Test
  void aCancelRacingCommitLeavesNoTransaction() {
    int[] written = {0};
    rounds("racing-commit", c -> {
      c.exec(op(Operation.Transaction.Kind.BEGIN)).block(WAIT);
      c.exec(DriverHarness.insertUsers(new Returning.Count(), "race" + written[0]++))
          .block(WAIT);
      cancelled(c, op(Operation.Transaction.Kind.COMMIT));
    });
    long committed = rows("race%");
    assertTrue(committed <= ROUNDS, "rows of racing commits: " + committed);
  }

  /**
   * {@code ROUNDS} times: {@code owner} on a connection, then the connection released; the next
   * borrower's write outside a transaction is seen at once from another session.
   */
  private void rounds(String path, Consumer<Connection> owner) {
    for (int round = 0; round < ROUNDS; round++) {
      Connection c = driver.connect().block(WAIT);
      try {
        owner.accept(c);
      } finally {
        c.close().block(WAIT);
      }
      Connection next = driver.connect().block(WAIT);
      try {
        next.exec(DriverHarness.insertUsers(new Returning.Count(), "next-" + path + round))
            .block(WAIT);
      } finally {
        next.close().block(WAIT);
      }
      assertEquals(1L, rows("next-" + path + round), () -> path + ": the next borrower's "
          + "write is not seen from another session: it ran inside a transaction left open");
    }
    assertEquals(0, driver.poolState().orElseThrow().acquired());
  }

  /** {@code operation} subscribed and cancelled at once, as a client that goes away does. */
  private static void cancelled(Connection c, Operation operation) {
    Disposable run = c.exec(operation).subscribe(r -> { }, e -> { });
    run.dispose();
  }

  /** Rows of users named like {@code pattern}, counted by a session of its own. */
  private long rows(String pattern) {
    Object n = database.queryOne("SELECT count(*) FROM " + database.quote("users")
        + " WHERE " + database.quote("name") + " LIKE '" + pattern + "'");
    return ((Number) n).longValue();
  }

  private static Operation.Transaction op(Operation.Transaction.Kind kind) {
    return new Operation.Transaction(kind, null, false, null);
  }
}
