package io.toasty.docs.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.toasty.reactive.Db;
import io.toasty.reactive.TxStats;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the examples of docs/transactions.md, in order, and checks the balances. */
class TransactionsGuideTest {
  private Db db;

  @BeforeEach
  void open() {
    db = TransactionsGuide.open("r2dbc:h2:mem:///transactions-guide");
  }

  @AfterEach
  void close() {
    db.close().block();
  }

  private long balance(long id) {
    return Accounts.getById(db, id).block().balance();
  }

  @Test
  void theGuideRunsAsWritten() {
    assertEquals(2, TransactionsGuide.openAccounts(db).size());

    Account bob = TransactionsGuide.transfer(db, 1, 2, 30_00).block();
    assertEquals(30_00, bob.balance());
    assertEquals(70_00, balance(1));

    assertEquals("bob cannot pay 100000", TransactionsGuide.failedTransfer(db));
    assertEquals(70_00, balance(1));
    assertEquals(30_00, balance(2));

    assertEquals(31_00, TransactionsGuide.retried(db).balance());
    assertEquals(69_00, balance(1));

    assertEquals(2, TransactionsGuide.readOnlySnapshot(db).size());

    List<Account> nested = TransactionsGuide.nested(db);
    assertEquals(List.of("cid", "dan"), nested.stream().map(Account::owner).toList());
    assertEquals(4, Accounts.all().collect(db).block().size());

    assertEquals(41_00, TransactionsGuide.creditTwice(db, 2).block().balance());

    assertEquals(1_00, TransactionsGuide.manual(db).balance());
    assertEquals(2_00, TransactionsGuide.manualUsingWhen(db).block().balance());

    TransactionsGuide.cancelled(db);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (db.transactionStats().active() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(69_00, balance(1), "the cancelled transaction was rolled back");
    assertEquals(41_00, balance(2));

    TxStats stats = TransactionsGuide.stats(db);
    assertNotNull(stats, "a transaction is still open");
    assertEquals(1, stats.cancelled());

    assertEquals("saved", TransactionsGuide.transferOutcome(db, 1, 2, 1_00).block());
    assertEquals(68_00, balance(1));
    assertEquals(42_00, balance(2));

    assertEquals(5, TransactionsGuide.zeroAll(db).size());
    assertEquals(0, balance(1));
  }
}
