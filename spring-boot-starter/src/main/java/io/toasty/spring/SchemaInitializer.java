package io.toasty.spring;

import io.toasty.ModelDef;
import io.toasty.Select;
import io.toasty.reactive.Db;
import java.time.Duration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies {@code toasty.schema} once every singleton exists, before the application serves.
 * It waits for the result on the thread that starts the application (never a Reactor thread):
 * a start-up that cannot reach its tables should fail, not serve errors.
 */
final class SchemaInitializer implements SmartInitializingSingleton {
  private final Db db;
  private final ToastyModels models;
  private final SchemaAction action;
  private final Duration timeout;

  SchemaInitializer(Db db, ToastyModels models, SchemaAction action, Duration timeout) {
    this.db = db;
    this.models = models;
    this.action = action;
    this.timeout = timeout;
  }

  @Override
  public void afterSingletonsInstantiated() {
    switch (action) {
      case NONE -> { }
      case PUSH -> db.schema().push().block(timeout);
      case VALIDATE -> validate().block(timeout);
    }
  }

  /** Reads at most one row of each model: a missing table or column fails, naming the model. */
  private Mono<Void> validate() {
    return Flux.fromIterable(models.all()).concatMap(this::readOne).then();
  }

  private Mono<Void> readOne(ModelDef<?> model) {
    return Select.from(model).limit(1).stream(db).then()
        .onErrorMap(e -> new ToastyConfigurationException(
            ToastyConfigurationException.Problem.SCHEMA_MISMATCH,
            "model " + model.name() + " does not match the database: " + e.getMessage(), e));
  }
}
