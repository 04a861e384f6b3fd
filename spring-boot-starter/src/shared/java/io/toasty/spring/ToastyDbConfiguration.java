package io.toasty.spring;

import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.spi.ConnectionFactory;
import io.toasty.ModelIndex;
import io.toasty.migrate.files.MigrationSource;
import io.toasty.reactive.Db;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.r2dbc.ConnectionFactoryDecorator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.annotation.RollbackOn;

/**
 * The beans of {@code ToastyAutoConfiguration}, the same on every Spring Boot version: the
 * {@code Db} bean, on the application's {@code ConnectionFactory} bean (from
 * {@code spring.r2dbc.*}, from {@code toasty.url}, or the application's own), with the models of
 * the class path's model indexes; the start-up schema action; exception translation. Each
 * starter's {@code ToastyAutoConfiguration} extends it with its Boot version's ordering (after
 * that version's {@code R2dbcAutoConfiguration}).
 */
abstract class ToastyDbConfiguration {

  /** The models of every {@code META-INF/toasty/models} on the class path. */
  @Bean
  @ConditionalOnMissingBean
  public ToastyModels toastyModels(ResourceLoader resources) {
    ClassLoader loader = resources.getClassLoader() != null ? resources.getClassLoader()
        : ToastyDbConfiguration.class.getClassLoader();
    try {
      return new ToastyModels(ModelIndex.load(loader));
    } catch (IllegalStateException e) {
      throw new ToastyConfigurationException(ToastyConfigurationException.Problem.BAD_MODELS,
          e.getMessage(), e);
    }
  }

  /**
   * The {@code Db}. Its connection factory and pool are Spring's (closed by Spring), so the bean
   * has no destroy method.
   */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public Db toastyDb(ObjectProvider<ConnectionFactory> factories, ToastyModels models,
      ToastyProperties properties, Environment environment,
      ObjectProvider<ObservationRegistry> observations, BeanFactory beans) {
    if (BackendUrl.isDynamo(properties.getUrl())) {
      throw new ToastyConfigurationException(ToastyConfigurationException.Problem.MISSING_DRIVER,
          "toasty.url=" + properties.getUrl() + " needs io.toasty:toasty-dynamo-driver on the "
              + "class path", null);
    }
    ConnectionFactory factory = factories.getIfUnique();
    if (factory == null) {
      throw new ToastyConfigurationException(ToastyConfigurationException.Problem.NO_DATABASE,
          "there is no single R2DBC ConnectionFactory to run on", null);
    }
    String url = properties.getUrl();
    if (url == null) {
      // what Boot's R2dbcProperties.getUrl() reads; bound here because that class moved between
      // Boot 3 and 4 (org.springframework.boot.r2dbc.autoconfigure)
      url = Binder.get(environment).bind("spring.r2dbc.url", String.class).orElse(null);
    }
    return ToastyDbFactory.build(factory, url, models.all(), properties,
        observations.getIfUnique(), beans);
  }

  /**
   * Sessions of the pool Spring Boot builds from {@code spring.r2dbc.*} that can be given up
   * when they stop answering, so that the pool drops them ({@link PoolDefaults}).
   */
  @Bean
  @ConditionalOnMissingBean(name = "toastyAbandonableSessions")
  public ConnectionFactoryDecorator toastyAbandonableSessions() {
    return PoolDefaults.abandonableSessions();
  }

  /**
   * Toasty's exceptions as Spring's, for {@code @Repository} beans that throw them (reactive
   * code maps its signals with {@link DataAccessErrors}).
   */
  @Bean
  @ConditionalOnMissingBean
  public ToastyExceptionTranslator toastyExceptionTranslator() {
    return new ToastyExceptionTranslator();
  }

  /** The backend a refusal names: never the URL, which may hold a password. */
  private static String backendOf(Db db) {
    return db.capability().backend();
  }

  /**
   * {@code @Transactional} methods whose transactions run on the {@code Db}'s pool roll back on
   * every exception, checked ones included, unless
   * {@code toasty.transaction.rollback-on=runtime-exceptions} ({@link ToastyRollbackRule}).
   */
  @Bean
  public SmartInitializingSingleton toastyRollbackRule(ToastyProperties properties,
      ListableBeanFactory beans, ObjectProvider<Db> dbs) {
    if (properties.getTransaction().getRollbackOn() != RollbackOn.ALL_EXCEPTIONS) {
      return () -> { };
    }
    return new ToastyRollbackRule(beans, dbs);
  }

  /**
   * The application's transaction manager when it declares none, in place of Boot's:
   * Spring's {@code R2dbcTransactionManager} on the application's {@code ConnectionFactory}, in a
   * {@link CancelSafeTransactionManager}, under Boot's bean name. Each starter orders its
   * auto-configuration before its Boot version's {@code R2dbcTransactionManagerAutoConfiguration},
   * which then backs off.
   */
  @Bean
  @ConditionalOnMissingBean(ReactiveTransactionManager.class)
  @ConditionalOnSingleCandidate(ConnectionFactory.class)
  public CancelSafeTransactionManager connectionFactoryTransactionManager(
      ConnectionFactory factory) {
    return new CancelSafeTransactionManager(new R2dbcTransactionManager(factory));
  }

  /**
   * Spring's {@code R2dbcTransactionManager} on the application's {@code ConnectionFactory}
   * takes its connections in turn with the {@code Db}'s statements
   * ({@link TransactionManagerQueue}).
   */
  @Bean
  public static BeanPostProcessor toastyTransactionQueue(
      ObjectProvider<ConnectionFactory> factories, ObjectProvider<Db> dbs,
      ObjectProvider<SpringTransactionStats> stats) {
    return new TransactionManagerQueue(factories, dbs, stats);
  }

  /**
   * The counts of the transactions that manager runs, for the {@code toasty.transactions*}
   * meters tagged {@code manager=spring}.
   */
  @Bean
  SpringTransactionStats toastySpringTransactionStats() {
    return new SpringTransactionStats();
  }

  /** Beans for the repositories of {@code @Model(repository = true)}. */
  @Bean
  public static BeanDefinitionRegistryPostProcessor toastyRepositories(ResourceLoader resources) {
    ClassLoader loader = resources.getClassLoader() != null ? resources.getClassLoader()
        : ToastyDbConfiguration.class.getClassLoader();
    return new RepositoryRegistrar(loader);
  }

  /**
   * Applies {@code toasty.schema} at start-up; for {@code migrate}, from
   * {@code toasty.migrations.location} (a {@code classpath:} location on the application's
   * class loader).
   */
  @Bean
  public SmartInitializingSingleton toastySchemaInitializer(Db db, ToastyModels models,
      ToastyProperties properties, ResourceLoader resources, Environment environment) {
    if (properties.getSchema() == SchemaAction.RESET && !properties.isForceSchemaReset()) {
      String url = properties.getUrl() != null ? properties.getUrl()
          : Binder.get(environment).bind("spring.r2dbc.url", String.class).orElse(null);
      if (!DisposableDatabase.is(url)) {
        throw new ToastyConfigurationException(
            ToastyConfigurationException.Problem.SCHEMA_RESET_REFUSED, "toasty.schema=reset "
            + "would drop every table of the models, with their data, at each start of a "
            + "database that is not in this JVM's memory (" + backendOf(db) + ")", null);
      }
    }
    ClassLoader loader = resources.getClassLoader() != null ? resources.getClassLoader()
        : ToastyDbConfiguration.class.getClassLoader();
    MigrationSource migrations = properties.getSchema() != SchemaAction.MIGRATE ? null
        : MigrationLocations.of(properties.getMigrations().getLocation(), loader);
    return new SchemaInitializer(db, models, properties.getSchema(),
        properties.getStartupTimeout(), migrations);
  }
}
