package io.toasty.spring;

import io.r2dbc.spi.ConnectionFactory;
import io.toasty.reactive.Db;
import io.toasty.spring.app.Author;
import io.toasty.spring.app.Authors;
import java.io.IOException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** A Spring Boot application for the starter's tests: auto-configuration and one service. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApp {

  /** Starts the application on {@code url} (spring.r2dbc.url) with the schema pushed. */
  static ConfigurableApplicationContext start(String url, String... more) {
    String[] args = new String[more.length + 3];
    args[0] = "--spring.r2dbc.url=" + url;
    args[1] = "--toasty.schema=push";
    args[2] = "--spring.main.web-application-type=none";
    System.arraycopy(more, 0, args, 3, more.length);
    return new SpringApplicationBuilder(TestApp.class).run(args);
  }

  @Bean
  Writers writers(Db db, DatabaseClient sql) {
    return new Writers(db, sql);
  }

  @Bean
  DatabaseClient databaseClient(ConnectionFactory factory) {
    return DatabaseClient.create(factory);
  }

  /** Methods whose transactions Spring's @Transactional governs. */
  static class Writers {
    final Db db;
    final DatabaseClient sql;

    Writers(Db db, DatabaseClient sql) {
      this.db = db;
      this.sql = sql;
    }

    Mono<Author> create(String email) {
      return Authors.create().name("n").email(email).exec(db);
    }

    @Transactional
    public Mono<Void> createTwo(String a, String b) {
      return create(a).then(create(b)).then();
    }

    @Transactional
    public Mono<Void> createThenFail(String a) {
      return create(a).then(Mono.error(new IllegalStateException("boom")));
    }

    /** Fails with a checked exception, as a request body does when its client resets. */
    @Transactional
    public Mono<Void> createThenFailChecked(String a) {
      return create(a).then(Mono.error(new IOException("Connection reset by peer")));
    }

    /** The same, with a rule of its own: commits on an IOException. */
    @Transactional(noRollbackFor = IOException.class)
    public Mono<Void> createThenFailCheckedButCommit(String a) {
      return create(a).then(Mono.error(new IOException("Connection reset by peer")));
    }

    @Transactional(readOnly = true)
    public Mono<Author> createReadOnly(String a) {
      return create(a);
    }

    /** Inserts with SQL, reads it back with Toasty, creates with Toasty, then fails. */
    @Transactional
    public Mono<String> sqlAndToastyThenFail(String insert, String bySql, String byToasty) {
      return sql.sql(insert)
          .bind("email", bySql).fetch().rowsUpdated()
          .then(Authors.getByEmail(db, bySql))
          .flatMap(seen -> create(byToasty).thenReturn(seen.email()))
          .flatMap(seen -> Mono.error(new IllegalStateException("after " + seen)));
    }
  }
}
