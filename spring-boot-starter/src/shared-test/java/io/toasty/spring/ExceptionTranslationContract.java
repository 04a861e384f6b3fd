package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.toasty.SqlStatement;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.NotNullViolationException;
import io.toasty.error.PoolTimeoutException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.StaleRecordException;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Tx;
import io.toasty.reactive.TxOptions;
import io.toasty.spring.app.Articles;
import io.toasty.spring.app.Author;
import io.toasty.spring.app.Authors;
import io.toasty.spring.app.Revision;
import io.toasty.spring.app.Revisions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Failures that a real database reports, as Spring code sees them, each with Toasty's exception
 * as its cause: a unique violation is a {@code DuplicateKeyException}; a missing record an
 * {@code EmptyResultDataAccessException}; a foreign-key or NOT NULL violation a
 * {@code DataIntegrityViolationException}; a stale {@code @Version} an
 * {@code OptimisticLockingFailureException}; a lock wait that gives up (a lock timeout,
 * {@code NOWAIT}) a {@code CannotAcquireLockException}; a row changed since a repeatable-read
 * transaction's snapshot a {@code PessimisticLockingFailureException}; a statement stopped at
 * its timeout a {@code QueryTimeoutException}; an exhausted pool a
 * {@code TransientDataAccessResourceException}. Two ways in, as applications write them: a
 * reactive {@code @Transactional} service that maps its signals with {@link DataAccessErrors}
 * (and whose transaction the translated error rolls back), and a blocking {@code @Repository}
 * whose throws Spring's proxy translates with the starter's translator bean; the other failures
 * are mapped with {@link DataAccessErrors} as they arrive. One subclass per database. Nothing
 * is timed: each wait that fails here would otherwise never end.
 */
abstract class ExceptionTranslationContract extends DatabaseContract {
  /** Far above any wait here that ends: a guard against a hang, never a measure. */
  private static final Duration GUARD = Duration.ofSeconds(60);

  private final AtomicInteger emails = new AtomicInteger();

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(Boot.R2DBC, Boot.R2DBC_TRANSACTIONS,
            Boot.TRANSACTIONS, Boot.EXCEPTION_TRANSLATION,
            ToastyConnectionFactoryAutoConfiguration.class, ToastyAutoConfiguration.class))
        .withUserConfiguration(Beans.class)
        .withPropertyValues("spring.r2dbc.url=" + url(), "toasty.schema=push");
  }

  /** An email no other test of the class wrote. */
  private String email() {
    return "t" + emails.incrementAndGet() + "@example.com";
  }

  private static long count(Db db, String email) {
    return Authors.filterByEmail(email).stream(db).count().block();
  }

  @Test
  void aUniqueViolationInATransactionalServiceIsADuplicateKeyAndRollsBack() {
    runner().run(context -> {
      Db db = context.getBean(Db.class);
      AuthorService service = context.getBean(AuthorService.class);
      assertThat(AopUtils.isAopProxy(service)).as("a transactional proxy").isTrue();
      String taken = email();
      String fresh = email();
      service.createTwo(taken, email()).block();
      assertThatThrownBy(() -> service.createTwo(fresh, taken).block())
          .isInstanceOf(DuplicateKeyException.class)
          .hasCauseInstanceOf(UniqueViolationException.class)
          .hasMessageContaining("email");
      // the first insert of the failed call went with its transaction
      assertThat(count(db, fresh)).isZero();
      assertThat(count(db, taken)).isEqualTo(1);
    });
  }

  @Test
  void aMissingRecordFromAServiceIsAnEmptyResult() {
    runner().run(context -> {
      AuthorService service = context.getBean(AuthorService.class);
      long id = service.createTwo(email(), email()).block().id();
      assertThat(service.get(id).block().id()).isEqualTo(id);
      assertThatThrownBy(() -> service.get(id + 1000).block())
          .isInstanceOf(EmptyResultDataAccessException.class)
          .hasCauseInstanceOf(RecordNotFoundException.class);
    });
  }

  @Test
  void aReferenceToAMissingRecordIsADataIntegrityViolation() {
    runner().run(context -> {
      Db db = context.getBean(Db.class);
      // schema push made articles_author_id_fkey from the belongs-to relation
      long author = Authors.create().name("a").email(email()).exec(db).block(GUARD).id();
      assertThat(failure(Articles.create().authorId(author + 1000).title("orphan").exec(db)))
          .isExactlyInstanceOf(DataIntegrityViolationException.class)
          .hasCauseInstanceOf(ForeignKeyViolationException.class);
      assertThat(Articles.filterByAuthorId(author + 1000).stream(db).count().block(GUARD))
          .isZero();
      assertThat(Articles.create().authorId(author).title("kept").exec(db).block(GUARD)
          .authorId()).isEqualTo(author);
    });
  }

  @Test
  void aNullInANotNullColumnIsADataIntegrityViolation() {
    runner().run(context -> {
      Db db = context.getBean(Db.class);
      String email = email();
      assertThat(failure(db.sql(backend().insertNamelessAuthor()).bind("email", email)
          .execute()))
          .isExactlyInstanceOf(DataIntegrityViolationException.class)
          .hasCauseInstanceOf(NotNullViolationException.class);
      assertThat(count(db, email)).isZero();
    });
  }

  @Test
  void anUpdateOfAStaleVersionIsAnOptimisticLockingFailure() {
    runner().run(context -> {
      Db db = context.getBean(Db.class);
      Revision read = Revisions.create().text("a").exec(db).block(GUARD);
      Revisions.update(read).text("b").exec(db).block(GUARD);
      assertThat(failure(Revisions.update(read).text("lost").exec(db)))
          .isExactlyInstanceOf(OptimisticLockingFailureException.class)
          .hasCauseInstanceOf(StaleRecordException.class);
      assertThat(Revisions.getById(db, read.id()).block(GUARD).text()).isEqualTo("b");
    });
  }

  /** A row another transaction holds locked: a short lock timeout and NOWAIT both give up. */
  @Test
  void aLockWaitThatGivesUpIsCannotAcquireLock() {
    runner().run(context -> {
      Db db = context.getBean(Db.class);
      Author author = Authors.create().name("a").email(email()).exec(db).block(GUARD);
      Tx holder = db.begin().block(GUARD);
      try {
        Authors.filterById(author.id()).forUpdate().first(holder).block(GUARD);
        // The session keeps MariaDB's and H2's timeout: this context's pool closes with it.
        assertLockNotAcquired(failure(db.transactionMono(tx -> tx.sql(backend()
            .shortLockTimeout()).execute().then(Authors.update(author).name("late").exec(tx)))));
        assertLockNotAcquired(failure(db.transactionMono(tx -> Authors.filterById(author.id())
            .noWait().first(tx))));
      } finally {
        holder.rollback().block(GUARD);
      }
      assertThat(Authors.getById(db, author.id()).block(GUARD).name()).isEqualTo("a");
    });
  }

  private static void assertLockNotAcquired(Throwable failure) {
    assertThat(failure).isExactlyInstanceOf(CannotAcquireLockException.class)
        .hasCauseInstanceOf(SerializationFailureException.class);
    assertThat(((SerializationFailureException) failure.getCause()).isLockWaitTimeout()).isTrue();
  }

  /**
   * A repeatable-read transaction updates a row that another one changed and committed after
   * the first read its snapshot: the database refuses the update (PostgreSQL 40001, MariaDB
   * 1020, H2 40001), a conflict rather than a lock wait.
   */
  @Test
  void aRowChangedSinceTheSnapshotIsAPessimisticLockingFailure() {
    runner().run(context -> {
      Db db = context.getBean(Db.class);
      Author author = Authors.create().name("a").email(email()).exec(db).block(GUARD);
      Tx tx = db.begin(TxOptions.repeatableRead()).block(GUARD);
      try {
        // The session keeps the setting: this context's pool closes with it.
        backend().snapshotIsolation().forEach(sql -> tx.sql(sql).execute().block(GUARD));
        Author read = Authors.getById(tx, author.id()).block(GUARD);
        Authors.update(author).name("elsewhere").exec(db).block(GUARD);
        Throwable conflict = failure(Authors.update(read).name("here").exec(tx));
        assertThat(conflict).isExactlyInstanceOf(PessimisticLockingFailureException.class)
            .hasCauseInstanceOf(SerializationFailureException.class);
        assertThat(((SerializationFailureException) conflict.getCause()).isLockWaitTimeout())
            .isFalse();
      } finally {
        tx.rollback().block(GUARD);
      }
      assertThat(Authors.getById(db, author.id()).block(GUARD).name()).isEqualTo("elsewhere");
    });
  }

  @Test
  void aStatementStoppedAtItsTimeoutIsAQueryTimeout() {
    runner().run(context -> {
      Db db = context.getBean(Db.class);
      assertThat(failure(new SqlStatement(db.timeout(Duration.ofMillis(300)),
          backend().endlessQuery()).rows()))
          .isExactlyInstanceOf(QueryTimeoutException.class)
          .hasCauseInstanceOf(io.toasty.error.QueryTimeoutException.class);
      assertThat(db.sql("SELECT 1 AS one").rows().count().block(GUARD)).isEqualTo(1L);
    });
  }

  /**
   * The pool's one connection held elsewhere: a statement of the Db cannot have one. Only the
   * Db's wait is short; the pool's own (which makes the held connection, and may be slow on a
   * loaded machine) is not, and nothing else asks for a connection (no schema action).
   */
  @Test
  void anExhaustedPoolIsATransientResourceFailure() {
    runner().withPropertyValues("toasty.schema=none", "spring.r2dbc.pool.initial-size=0",
            "spring.r2dbc.pool.max-size=1", "spring.r2dbc.pool.max-acquire-time=60s",
            "toasty.acquire-timeout=300ms")
        .run(context -> {
          Db db = context.getBean(Db.class);
          ConnectionFactory pool = context.getBean(ConnectionFactory.class);
          Connection held = Mono.from(pool.create()).block(GUARD);
          try {
            assertThat(failure(db.sql("SELECT 1 AS one").rows()))
                .isExactlyInstanceOf(TransientDataAccessResourceException.class)
                .hasCauseInstanceOf(PoolTimeoutException.class);
          } finally {
            Mono.from(held.close()).block(GUARD);
          }
          assertThat(db.sql("SELECT 1 AS one").rows().count().block(GUARD)).isEqualTo(1L);
        });
  }

  /** The error {@code work} ends with, as the application sees it through the translator. */
  private static Throwable failure(Publisher<?> work) {
    return Flux.from(work).transform(DataAccessErrors::flux).then(Mono.<Throwable>empty())
        .onErrorResume(Mono::just).blockOptional(GUARD)
        .orElseThrow(() -> new AssertionError("the work did not fail"));
  }

  @Test
  void aRepositoryThrowsSpringsExceptionsThroughTheStartersTranslator() {
    runner().run(context -> {
      AuthorDao dao = context.getBean(AuthorDao.class);
      assertThat(AopUtils.isAopProxy(dao)).as("a translating proxy").isTrue();
      String taken = email();
      long id = dao.create(taken).id();
      assertThatThrownBy(() -> dao.create(taken))
          .isInstanceOf(DuplicateKeyException.class)
          .hasCauseInstanceOf(UniqueViolationException.class);
      assertThatThrownBy(() -> dao.get(id + 1000))
          .isInstanceOf(EmptyResultDataAccessException.class)
          .hasCauseInstanceOf(RecordNotFoundException.class);
      assertThat(dao.get(id).email()).isEqualTo(taken);
    });
  }

  /** The application's beans. */
  @Configuration(proxyBeanMethods = false)
  static class Beans {
    @Bean
    AuthorService authorService(Db db) {
      return new AuthorService(db);
    }

    @Bean
    AuthorDao authorDao(Db db) {
      return new AuthorDao(db);
    }
  }

  /** A reactive service: its Toasty error signals mapped to Spring's exceptions. */
  static class AuthorService {
    private final Db db;

    AuthorService(Db db) {
      this.db = db;
    }

    /** Creates two authors in one transaction; returns the second. */
    @Transactional
    public Mono<Author> createTwo(String first, String second) {
      return Authors.create().name("a").email(first).exec(db)
          .then(Authors.create().name("b").email(second).exec(db))
          .transform(DataAccessErrors::mono);
    }

    public Mono<Author> get(long id) {
      return Authors.getById(db, id).transform(DataAccessErrors::mono);
    }
  }

  /** A blocking repository: what it throws, Spring's {@code @Repository} proxy translates. */
  @Repository
  static class AuthorDao {
    private final Db db;

    AuthorDao(Db db) {
      this.db = db;
    }

    public Author create(String email) {
      return Authors.create().name("d").email(email).exec(db).block();
    }

    public Author get(long id) {
      return Authors.getById(db, id).block();
    }
  }
}
