package io.toasty.spring;

import io.toasty.ModelDef;
import io.toasty.Select;
import io.toasty.Tenant;
import io.toasty.migrate.MigrationException;
import io.toasty.migrate.Migrator;
import io.toasty.migrate.files.MigrationSource;
import io.toasty.reactive.Db;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies {@code toasty.schema} once every singleton exists, before the application serves
 * (before the web server starts listening).
 * It waits for the result on the thread that starts the application (never a Reactor thread):
 * a start-up that cannot reach its tables should fail, not serve errors.
 */
final class SchemaInitializer implements SmartInitializingSingleton {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaInitializer.class);
  private final Db db;
  private final ToastyModels models;
  private final SchemaAction action;
  private final Duration timeout;
  private final @Nullable MigrationSource migrations;

  /**
   * @param migrations where {@link SchemaAction#MIGRATE} reads the migrations (null for the
   *     other actions)
   */
  SchemaInitializer(Db db, ToastyModels models, SchemaAction action, Duration timeout,
      @Nullable MigrationSource migrations) {
    this.db = db;
    this.models = models;
    this.action = action;
    this.timeout = timeout;
    this.migrations = migrations;
  }

  @Override
  public void afterSingletonsInstantiated() {
    switch (action) {
      case NONE -> { }
      case PUSH -> db.schema().push().block(timeout);
      case VALIDATE -> validate().block(timeout);
      case MIGRATE -> migrate();
      case RESET -> {
        db.schema().reset().block(timeout);
        LOG.warn("Toasty: dropped and created again the tables of {} models "
            + "(toasty.schema=reset)", models.all().size());
      }
    }
  }

  /**
   * Applies the pending migrations; any that cannot be read, changed after it was applied, or
   * fails, stops the start-up ({@link ToastyFailureAnalyzer} explains it).
   */
  private void migrate() {
    MigrationSource migrations = Objects.requireNonNull(this.migrations,
        "toasty.schema=migrate has its migrations (ToastyDbConfiguration)");
    List<Integer> applied;
    try {
      applied = Migrator.of(db, migrations).apply().block(timeout);
    } catch (MigrationException e) {
      throw new ToastyConfigurationException(ToastyConfigurationException.Problem.MIGRATION,
          "the migrations at " + migrations.location() + " were not applied: " + e.getMessage(),
          e);
    }
    if (applied == null || applied.isEmpty()) {
      LOG.info("Toasty: the schema is up to date with the migrations at {}",
          migrations.location());
    } else {
      LOG.info("Toasty: applied migrations {} from {}", applied, migrations.location());
    }
  }

  /**
   * Reads at most one row of each model: a missing table or column fails, naming the model. It
   * reads as maintenance does ({@link Tenant#none()}): a tenant-scoped model has no tenant at
   * start-up, and any tenant's row shows the columns.
   */
  private Mono<Void> validate() {
    return Flux.fromIterable(models.all()).concatMap(this::readOne).then()
        .contextWrite(Tenant.none());
  }

  private Mono<Void> readOne(ModelDef<?> model) {
    return Select.from(model).limit(1).stream(db).then()
        .onErrorMap(e -> new ToastyConfigurationException(
            ToastyConfigurationException.Problem.SCHEMA_MISMATCH,
            "model " + model.name() + " does not match the database: " + e.getMessage(), e));
  }
}
