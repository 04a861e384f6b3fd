package io.toasty.docs.transactions;

import io.toasty.Executor;
import io.toasty.error.CommitOutcomeUnknownException;
import io.toasty.error.ToastyException;
import io.toasty.error.TransactionRolledBackException;
import io.toasty.reactive.Db;
import io.toasty.reactive.RetryPolicy;
import io.toasty.reactive.Toasty;
import io.toasty.reactive.Tx;
import io.toasty.reactive.TxOptions;
import io.toasty.reactive.TxStats;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** The examples of {@code docs/transactions.md}, run by {@link TransactionsGuideTest}. */
final class TransactionsGuide {
  private TransactionsGuide() {}

  static Db open(String url) {
    // snippet: tx-pool
    Db db = Toasty.builder()
        .models(Accounts.MODEL)
        .url(url)
        .poolMaxSize(10)                          // a transaction holds one connection
        .acquireTimeout(Duration.ofSeconds(5))    // how long to wait for one
        .maxIdleTime(Duration.ofMinutes(10))
        .validationQuery("SELECT 1")
        .build();
    // end-snippet
    db.schema().push().block();
    return db;
  }

  static List<Account> openAccounts(Db db) {
    // snippet: tx-transaction
    Flux<Account> opened = db.transaction(tx -> Flux.concat(
        Accounts.create().id(1).owner("ann").balance(100_00).exec(tx),
        Accounts.create().id(2).owner("bob").balance(0).exec(tx)));
    // end-snippet
    return opened.collectList().block();
  }

  // snippet: tx-transfer
  static Mono<Account> transfer(Db db, long from, long to, long cents) {
    return db.transactionMono(tx -> Accounts.getById(tx, from)
        .flatMap(payer -> payer.balance() < cents
            ? Mono.error(new IllegalStateException(payer.owner() + " cannot pay " + cents))
            : Accounts.update(payer).balance(payer.balance() - cents).exec(tx))
        .flatMap(payer -> Accounts.getById(tx, to))
        .flatMap(payee -> Accounts.update(payee).balance(payee.balance() + cents).exec(tx)));
  }
  // end-snippet

  static String failedTransfer(Db db) {
    // snippet: tx-rollback
    String refused = null;
    try {
      transfer(db, 2, 1, 1_000_00).block();   // bob has too little: nothing is written
    } catch (IllegalStateException e) {
      refused = e.getMessage();               // "bob cannot pay 100000"
    }
    // end-snippet
    return refused;
  }

  static Account retried(Db db) {
    // snippet: tx-retry
    Mono<Account> paid = transfer(db, 1, 2, 1_00)   // a new transaction on each subscription
        .retryWhen(Retry.max(3).filter(e -> e instanceof ToastyException t && t.isTransient()));
    // end-snippet
    return paid.block();
  }

  static List<Account> readOnlySnapshot(Db db) {
    // snippet: tx-options
    Flux<Account> snapshot = db.transaction(TxOptions.repeatableRead().readOnly(),
        tx -> Accounts.all().stream(tx));
    // end-snippet
    return snapshot.collectList().block();
  }

  static List<Account> nested(Db db) {
    // snippet: tx-nested
    Flux<Account> some = db.transaction(tx -> Flux.concat(
        Accounts.create().id(3).owner("cid").balance(0).exec(tx),
        tx.transaction(inner -> Accounts.create().id(4).owner("ann").balance(0).exec(inner))
            .onErrorResume(e -> Flux.empty()),   // the duplicate owner is undone alone
        Accounts.create().id(5).owner("dan").balance(0).exec(tx)));
    // end-snippet
    return some.collectList().block();
  }

  // snippet: tx-credit
  static Mono<Account> credit(Executor db, long id, long cents) {
    return Accounts.getById(db, id)
        .flatMap(a -> Accounts.update(a).balance(a.balance() + cents).exec(db));
  }
  // end-snippet

  // snippet: tx-context
  static Mono<Account> creditTwice(Db db, long id) {
    // credit(..) is given the Db, not the Tx: inside db.transaction(..) its statements join
    // the transaction bound in the Reactor Context
    return db.transactionMono(tx -> credit(db, id, 5_00).then(credit(db, id, 5_00)));
  }
  // end-snippet

  static Account manual(Db db) {
    // snippet: tx-manual
    Tx tx = db.begin().block();
    try {
      Accounts.create().id(6).owner("eve").balance(0).exec(tx).block();
      credit(tx, 6, 1_00).block();
      tx.commit().block();
    } finally {
      tx.close().block();   // rolls back if commit() was not reached; else does nothing
    }
    // end-snippet
    return Accounts.getById(db, 6).block();
  }

  static Mono<Account> manualUsingWhen(Db db) {
    // snippet: tx-manual-using-when
    Mono<Account> credited = Mono.usingWhen(db.begin(),
        tx -> credit(tx, 6, 1_00),
        Tx::commit,                  // on completion
        (tx, error) -> tx.rollback(), // on error
        Tx::rollback);               // on cancel
    // end-snippet
    return credited;
  }

  static void cancelled(Db db) {
    // snippet: tx-cancel
    Mono<Account> slow = db.transactionMono(tx -> credit(tx, 1, 1)
        .delayElement(Duration.ofSeconds(10))
        .flatMap(a -> credit(tx, 2, 1)));
    slow.timeout(Duration.ofMillis(100))       // the timeout cancels: ROLLBACK, connection back
        .onErrorResume(e -> Mono.empty())
        .block();
    // end-snippet
  }

  static List<Account> zeroAll(Db db) {
    // snippet: tx-stream-and-write
    Flux<Account> zeroed = db.transaction(tx -> Accounts.all().stream(tx)
        .concatMap(a -> Accounts.update(a).balance(0).exec(tx)));
    // end-snippet
    return zeroed.collectList().block();
  }

  static Mono<String> transferOutcome(Db db, long from, long to, long cents) {
    // snippet: tx-commit-errors
    TxOptions retried = TxOptions.defaults().retry(RetryPolicy.transientErrors(3));
    return db.transactionMono(retried, tx -> move(tx, from, to, cents)) // run again if rolled back
        .map(payee -> "saved")
        .onErrorResume(TransactionRolledBackException.class,  // retries used up: nothing saved
            e -> Mono.just("not saved: try again later"))
        .onErrorResume(CommitOutcomeUnknownException.class,   // saved or not: read it back
            e -> Accounts.getById(db, to).map(payee -> "unknown: the payee has "
                + payee.balance() + "; check before repeating"));
    // end-snippet
  }

  /** The transfer's writes, in the caller's transaction. */
  private static Mono<Account> move(Tx tx, long from, long to, long cents) {
    return Accounts.getById(tx, from)
        .flatMap(payer -> Accounts.update(payer).balance(payer.balance() - cents).exec(tx))
        .flatMap(payer -> Accounts.getById(tx, to))
        .flatMap(payee -> Accounts.update(payee).balance(payee.balance() + cents).exec(tx));
  }

  static TxStats stats(Db db) {
    // snippet: tx-stats
    TxStats stats = db.transactionStats();   // begun, committed, rolledBack, cancelled, ...
    long stillOpen = stats.active();
    // end-snippet
    return stillOpen == 0 ? stats : null;
  }
}
