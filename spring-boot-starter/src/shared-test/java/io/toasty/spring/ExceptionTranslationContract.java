package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toasty.RecordNotFoundException;
import io.toasty.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.spring.app.Author;
import io.toasty.spring.app.Authors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Failures that a real database reports, as Spring code sees them: a unique violation is a
 * {@code DuplicateKeyException}, a missing record an {@code EmptyResultDataAccessException},
 * each with Toasty's exception as its cause. Two ways in, as applications write them: a reactive
 * {@code @Transactional} service that maps its signals with {@link DataAccessErrors} (and whose
 * transaction the translated error rolls back), and a blocking {@code @Repository} whose throws
 * Spring's proxy translates with the starter's translator bean. One subclass per database.
 *
 * <p>No stale {@code @Version} here: the starter's test models have no version field (a new
 * model would change the model index that the other start-up tests read); the translator test
 * maps {@code StaleRecordException} to {@code OptimisticLockingFailureException}.
 */
abstract class ExceptionTranslationContract extends DatabaseContract {
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
