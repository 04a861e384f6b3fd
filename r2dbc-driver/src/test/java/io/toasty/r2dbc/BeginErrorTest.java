package io.toasty.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.Operation;
import io.toasty.stmt.Returning;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A BEGIN that fails, the server having ended the session before it, leaves nothing behind: its
 * owner gets the error, the pool (of one) does not lend the session again, and the next
 * borrower's write, outside a transaction, is committed at once, seen from a session of its
 * own. The other ways a transaction's owner goes away are {@link TransactionEndsTest}'s. H2
 * ends a session only by ending its database, so the servers only.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
class BeginErrorTest {
  private static final int ROUNDS = 5;
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
  void anErrorAtBeginLeavesNoTransaction() {
    for (int round = 0; round < ROUNDS; round++) {
      Connection c = driver.connect().block(WAIT);
      try {
        c.exec(DriverHarness.insertUsers(new Returning.Count(), "warm" + round)).block(WAIT);
        database.killSessions();
        assertThrows(RuntimeException.class, () -> c.exec(new Operation.Transaction(
            Operation.Transaction.Kind.BEGIN, null, false, null)).block(WAIT));
      } finally {
        c.close().block(WAIT);
      }
      String name = "after-begin-error" + round;
      Connection next = driver.connect().block(WAIT);
      try {
        next.exec(DriverHarness.insertUsers(new Returning.Count(), name)).block(WAIT);
      } finally {
        next.close().block(WAIT);
      }
      Object seen = database.queryOne("SELECT count(*) FROM " + database.quote("users")
          + " WHERE " + database.quote("name") + " = '" + name + "'");
      assertEquals(1L, ((Number) seen).longValue(), "round " + round + ": the next "
          + "borrower's write is not committed");
    }
    assertEquals(0, driver.poolState().orElseThrow().acquired());
  }
}
