package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactory;
import io.toasty.reactive.Db;
import io.toasty.spring.app.Authors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.reactive.AbstractReactiveTransactionManager;
import org.springframework.transaction.reactive.GenericReactiveTransaction;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import reactor.core.publisher.Mono;

/**
 * Which transactions roll back on a checked exception: those of the {@code Db}'s pool (here the
 * application's own {@code R2dbcTransactionManager}, the primary one), and no other: a second
 * reactive manager, and an imperative one as JPA's is, keep Spring's rule, whether named by
 * {@code @Transactional("..")} or by the class's {@code @Qualifier}. With
 * {@code toasty.transaction.rollback-on=runtime-exceptions}, Spring's rule everywhere.
 */
class RollbackScopeTest {

  @Test
  void onlyTheDbsTransactionsRollBackOnACheckedException() {
    try (ConfigurableApplicationContext context = start()) {
      Service service = context.getBean(Service.class);
      Ends other = context.getBean("other", Ends.class);
      Ends imperative = context.getBean("imperative", Ends.class);
      String a = "scope-a@example.com";
      assertThatThrownBy(() -> service.toastyFails(a).block())
          .hasRootCauseInstanceOf(IOException.class);
      assertThat(count(context, a)).isZero();
      assertThatThrownBy(() -> service.otherFails().block())
          .hasRootCauseInstanceOf(IOException.class);
      assertThatThrownBy(() -> context.getBean(OtherService.class).fails().block())
          .hasRootCauseInstanceOf(IOException.class);
      assertThat(other.ends()).containsExactly("commit", "commit");
      assertThatThrownBy(service::imperativeFails).isInstanceOf(IOException.class);
      assertThat(imperative.ends()).containsExactly("commit");
      // a runtime exception still rolls back everywhere
      assertThatThrownBy(() -> service.otherFailsAtRuntime().block())
          .isInstanceOf(IllegalStateException.class);
      assertThat(other.ends()).containsExactly("commit", "commit", "rollback");
      assertThat(context.getBean(R2dbcTransactionManager.class).getConnectionFactory())
          .isInstanceOf(QueuedConnectionFactory.class);
    }
  }

  @Test
  void runtimeExceptionsRestoresSpringsRule() {
    try (ConfigurableApplicationContext context =
        start("--toasty.transaction.rollback-on=runtime-exceptions")) {
      String a = "scope-b@example.com";
      assertThatThrownBy(() -> context.getBean(Service.class).toastyFails(a).block())
          .hasRootCauseInstanceOf(IOException.class);
      assertThat(count(context, a)).isEqualTo(1);
    }
  }

  @Test
  void thePropertiesHaveConfigurationMetadata() throws IOException {
    try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"toasty.transaction.rollback-on\"",
          "\"toasty.force-schema-reset\"");
    }
  }

  private static ConfigurableApplicationContext start(String... more) {
    String[] args = new String[more.length + 3];
    args[0] = "--spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName()
        + "?options=DB_CLOSE_DELAY=-1";
    args[1] = "--toasty.schema=push";
    args[2] = "--spring.main.web-application-type=none";
    System.arraycopy(more, 0, args, 3, more.length);
    return new SpringApplicationBuilder(TwoManagersApp.class).run(args);
  }

  private static long count(ConfigurableApplicationContext context, String email) {
    return Authors.filterByEmail(email).stream(context.getBean(Db.class)).count().block();
  }

  /** The Db's R2DBC manager (primary), a second reactive one and an imperative one. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class TwoManagersApp {
    @Bean
    @Primary
    R2dbcTransactionManager transactionManager(ConnectionFactory factory) {
      return new R2dbcTransactionManager(factory);
    }

    @Bean
    RecordingReactiveManager other() {
      return new RecordingReactiveManager();
    }

    @Bean
    RecordingImperativeManager imperative() {
      return new RecordingImperativeManager();
    }

    @Bean
    Service service(Db db) {
      return new Service(db);
    }

    @Bean
    OtherService otherService() {
      return new OtherService();
    }
  }

  /** Transactional methods on each manager, each failing. */
  static class Service {
    private final Db db;

    Service(Db db) {
      this.db = db;
    }

    @Transactional
    public Mono<Void> toastyFails(String email) {
      return Authors.create().name("n").email(email).exec(db)
          .then(Mono.error(new IOException("Connection reset by peer")));
    }

    @Transactional("other")
    public Mono<Void> otherFails() {
      return Mono.error(new IOException("checked"));
    }

    @Transactional("other")
    public Mono<Void> otherFailsAtRuntime() {
      return Mono.error(new IllegalStateException("unchecked"));
    }

    @Transactional("imperative")
    public void imperativeFails() throws IOException {
      throw new IOException("checked");
    }
  }

  /** A class whose {@code @Qualifier} names its transactions' manager. */
  @Qualifier("other")
  static class OtherService {
    @Transactional
    public Mono<Void> fails() {
      return Mono.error(new IOException("checked"));
    }
  }

  /** How a recording manager ended its transactions. */
  interface Ends {
    List<String> ends();
  }

  /** A reactive manager of some other resource that records commits and rollbacks. */
  static final class RecordingReactiveManager extends AbstractReactiveTransactionManager
      implements Ends {
    private final List<String> ends = new CopyOnWriteArrayList<>();

    @Override
    public List<String> ends() {
      return ends;
    }

    @Override
    protected Object doGetTransaction(TransactionSynchronizationManager sync) {
      return new Object();
    }

    @Override
    protected Mono<Void> doBegin(TransactionSynchronizationManager sync, Object transaction,
        TransactionDefinition definition) {
      return Mono.empty();
    }

    @Override
    protected Mono<Void> doCommit(TransactionSynchronizationManager sync,
        GenericReactiveTransaction status) {
      return Mono.fromRunnable(() -> ends.add("commit"));
    }

    @Override
    protected Mono<Void> doRollback(TransactionSynchronizationManager sync,
        GenericReactiveTransaction status) {
      return Mono.fromRunnable(() -> ends.add("rollback"));
    }
  }

  /** An imperative manager (as JPA's is) that records commits and rollbacks. */
  static final class RecordingImperativeManager extends AbstractPlatformTransactionManager
      implements Ends {
    private final List<String> ends = new CopyOnWriteArrayList<>();

    @Override
    public List<String> ends() {
      return ends;
    }

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
      ends.add("commit");
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
      ends.add("rollback");
    }
  }
}
