package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.spring.app.Articles;
import io.toasty.spring.app.Authors;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Spring's transactions govern Toasty's statements: {@code @Transactional} and
 * {@code TransactionalOperator}, each propagation, isolation, read-only, rollback on error and
 * on cancel, {@code DatabaseClient} and Toasty in one transaction, and Toasty's own
 * {@code db.transaction(..)} beside and inside them; its errors as Spring's. One subclass per
 * database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpringTransactionsContract implements TransactionFixture {
  private final AtomicInteger emails = new AtomicInteger();
  private String name;
  private ConfigurableApplicationContext context;
  Db db;
  TestApp.Writers writers;
  ReactiveTransactionManager transactions;
  DatabaseClient sql;

  @Override
  public abstract Backend backend();

  public TestApp.Writers writers() {
    return writers;
  }

  public ReactiveTransactionManager transactions() {
    return transactions;
  }

  public DatabaseClient sql() {
    return sql;
  }

  @BeforeAll
  void start() {
    name = Backend.randomName();
    context = TestApp.start(backend().create(name));
    db = context.getBean(Db.class);
    writers = context.getBean(TestApp.Writers.class);
    transactions = context.getBean(ReactiveTransactionManager.class);
    sql = context.getBean(DatabaseClient.class);
  }

  @AfterAll
  void stop() {
    if (context != null) {
      context.close();
    }
    backend().drop(name);
  }

  public String email() {
    return "user" + emails.incrementAndGet() + "@example.com";
  }

  public long count(String email) {
    return Authors.filterByEmail(email).stream(db).count().block();
  }

  TransactionalOperator operator(int propagation) {
    DefaultTransactionDefinition definition = new DefaultTransactionDefinition(propagation);
    return TransactionalOperator.create(transactions, definition);
  }

  @Test
  void aDuplicateKeyIsSpringsDuplicateKeyException() {
    String a = email();
    writers.create(a).block();
    assertThatThrownBy(() -> writers.create(a).transform(DataAccessErrors::mono).block())
        .isInstanceOf(DuplicateKeyException.class)
        .hasCauseInstanceOf(UniqueViolationException.class)
        .hasMessageContaining("email");
  }

  @Test
  void aMissingRecordIsSpringsEmptyResult() {
    assertThatThrownBy(() -> Authors.getByEmail(db, email()).onErrorMap(DataAccessErrors
        .translator()).block())
        .isInstanceOf(EmptyResultDataAccessException.class)
        .hasCauseInstanceOf(RecordNotFoundException.class);
  }

  @Test
  void theTranslatorIsABean() {
    assertThat(context.getBean(PersistenceExceptionTranslator
        .class)).isInstanceOf(ToastyExceptionTranslator.class);
  }

  @Test
  void transactionalCommits() {
    String a = email();
    String b = email();
    writers.createTwo(a, b).block();
    assertThat(count(a) + count(b)).isEqualTo(2);
  }

  @Test
  void transactionalRollsBackOnError() {
    String a = email();
    assertThatThrownBy(() -> writers.createThenFail(a).block()).hasMessageContaining("boom");
    assertThat(count(a)).isZero();
  }

  /**
   * A checked exception rolls back too (Spring's own rule commits on it): a WebFlux request
   * body fails with an IOException when its client resets the connection.
   */
  @Test
  void transactionalRollsBackOnACheckedException() {
    String a = email();
    assertThatThrownBy(() -> writers.createThenFailChecked(a).block())
        .hasRootCauseInstanceOf(IOException.class);
    assertThat(count(a)).isZero();
  }

  /** A rule the method declares is nearer to the exception, and wins: it commits. */
  @Test
  void aDeclaredNoRollbackForStillCommits() {
    String a = email();
    assertThatThrownBy(() -> writers.createThenFailCheckedButCommit(a).block())
        .hasRootCauseInstanceOf(IOException.class);
    assertThat(count(a)).isEqualTo(1);
  }

  /** {@code TransactionalOperator} rolls back on every error, checked ones included. */
  @Test
  void theOperatorRollsBackOnACheckedException() {
    String a = email();
    Mono<Void> work = writers.create(a).then(Mono.error(new IOException("reset")));
    assertThatThrownBy(() -> work.as(operator(TransactionDefinition.PROPAGATION_REQUIRED)
        ::transactional).block()).hasRootCauseInstanceOf(IOException.class);
    assertThat(count(a)).isZero();
  }

  @Test
  void cancelRollsBack() {
    String a = email();
    Sinks.Empty<Void> created = Sinks.empty();
    Disposable running = writers.create(a)
        .then(Mono.fromRunnable(created::tryEmitEmpty))
        .then(Mono.never())
        .as(operator(TransactionDefinition.PROPAGATION_REQUIRED)::transactional)
        .subscribe();
    created.asMono().block();
    running.dispose();
    // the same unique email again: it waits for the cancelled transaction's row lock, and
    // succeeds only because that transaction rolled back
    writers.create(a).block();
    assertThat(count(a)).isEqualTo(1);
  }

  @Test
  void requiredJoinsTheOuterTransaction() {
    String a = email();
    String b = email();
    Mono<Void> work = writers.create(a)
        .then(writers.create(b).as(operator(TransactionDefinition.PROPAGATION_REQUIRED)
            ::transactional))
        .then(Mono.error(new IllegalStateException("outer fails")));
    assertThatThrownBy(() -> work.as(operator(TransactionDefinition.PROPAGATION_REQUIRED)
        ::transactional).block()).hasMessageContaining("outer fails");
    assertThat(count(a) + count(b)).isZero();
  }

  @Test
  void requiresNewCommitsApart() {
    innerCommitsWhileOuterRollsBack(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Test
  void nestedRollsBackToItsSavepoint() {
    String a = email();
    String b = email();
    Mono<Void> inner = writers.create(b).then(Mono.<Void>error(new IllegalStateException("in")))
        .as(operator(TransactionDefinition.PROPAGATION_NESTED)::transactional);
    writers.create(a).then(inner.onErrorResume(IllegalStateException.class, e -> Mono.empty()))
        .as(operator(TransactionDefinition.PROPAGATION_REQUIRED)::transactional).block();
    assertThat(count(a)).isEqualTo(1);
    assertThat(count(b)).isZero();
  }

  @Test
  void notSupportedRunsOutsideTheTransaction() {
    innerCommitsWhileOuterRollsBack(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
  }

  /** Inner work with {@code propagation} commits on its own; the failing outer work does not. */
  private void innerCommitsWhileOuterRollsBack(int propagation) {
    String a = email();
    String b = email();
    Mono<Void> work = writers.create(a)
        .then(writers.create(b).as(operator(propagation)::transactional))
        .then(Mono.error(new IllegalStateException("outer fails")));
    assertThatThrownBy(() -> work.as(operator(TransactionDefinition.PROPAGATION_REQUIRED)
        ::transactional).block()).hasMessageContaining("outer fails");
    assertThat(count(a)).isZero();
    assertThat(count(b)).isEqualTo(1);
  }

  @Test
  void databaseClientAndToastyShareOneTransaction() {
    String bySql = email();
    String byToasty = email();
    // Toasty reads the row SQL inserted, uncommitted: only on the same connection
    assertThatThrownBy(() -> writers.sqlAndToastyThenFail(backend().insertAuthor(), bySql, byToasty).block())
        .hasMessageContaining("after " + bySql);
    assertThat(count(bySql) + count(byToasty)).isZero();
  }

  @Test
  void toastyTransactionInsideSpringsIsASavepoint() {
    String a = email();
    String b = email();
    Mono<Void> inner = db.transactionMono(tx -> writers.create(b)
        .then(Mono.<Void>error(new IllegalStateException("inner"))));
    writers.create(a).then(inner.onErrorResume(IllegalStateException.class, e -> Mono.empty()))
        .as(operator(TransactionDefinition.PROPAGATION_REQUIRED)::transactional).block();
    assertThat(count(a)).isEqualTo(1);
    assertThat(count(b)).isZero();
  }

  @Test
  void toastysOwnTransactionStillWorksOutsideSpring() {
    String a = email();
    String b = email();
    db.transactionMono(tx -> writers.create(a).then(writers.create(b))).block();
    assertThat(count(a) + count(b)).isEqualTo(2);
  }

  @Test
  void anAtomicToastyPlanInsideSpringsRollsBackWithIt() {
    String a = email();
    Mono<Void> work = Authors.create().name("n").email(a)
        .articles(Articles.create().title("t1")).exec(db)
        .then(Mono.error(new IllegalStateException("outer fails")));
    assertThatThrownBy(() -> work.as(operator(TransactionDefinition.PROPAGATION_REQUIRED)
        ::transactional).block()).hasMessageContaining("outer fails");
    assertThat(count(a)).isZero();
  }

}
