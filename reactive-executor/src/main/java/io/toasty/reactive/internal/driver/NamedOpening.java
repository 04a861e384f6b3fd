package io.toasty.reactive.internal.driver;

import io.toasty.driver.Capability;
import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.naming.NamingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Opens a {@code Db}'s driver on its models named by the application's strategy or, where it
 * chose none, by the backend's ({@link Capability#naming()}). A driver takes its schema when it
 * is opened and the backend is known only from the driver, so the driver is opened on the names
 * as derived first; when the backend names them otherwise, that driver, unused (drivers connect
 * on first use), is closed and another opened on the backend's names.
 *
 * @param schema the models' schema as the {@code Db} names them
 * @param driver the driver opened on {@code schema}
 */
public record NamedOpening(Schema schema, Driver driver) {

  /**
   * Opens {@code open}'s driver on {@code models}: named by {@code chosen}, or by the backend
   * when {@code chosen} is null.
   *
   * @param config the driver's configuration for a schema
   */
  public static NamedOpening open(List<ModelSchema> models, @Nullable NamingStrategy chosen,
      Function<Schema, DriverConfig> config, Function<DriverConfig, Driver> open) {
    List<ModelSchema> first = named(models, chosen != null ? chosen : NamingStrategy.declared());
    Schema schema = Schema.of(first);
    Driver driver = open.apply(config.apply(schema));
    if (chosen != null) {
      return new NamedOpening(schema, driver);
    }
    List<ModelSchema> renamed = named(models, driver.capability().naming());
    if (sameNames(renamed, first)) {
      return new NamedOpening(schema, driver);
    }
    // Nothing connected through the first driver; an error closing it changes nothing for the
    // Db, which never sees that driver.
    driver.close().onErrorResume(e -> Mono.empty()).subscribe();
    Schema backendNamed = Schema.of(renamed);
    return new NamedOpening(backendNamed, open.apply(config.apply(backendNamed)));
  }

  private static List<ModelSchema> named(List<ModelSchema> models, NamingStrategy strategy) {
    List<ModelSchema> named = new ArrayList<>(models.size());
    models.forEach(m -> named.add(strategy.apply(m)));
    return named;
  }

  /**
   * Whether each model of {@code renamed} is the one of {@code models}: a strategy returns the
   * model itself where it changes no name.
   */
  private static boolean sameNames(List<ModelSchema> renamed, List<ModelSchema> models) {
    for (int i = 0; i < renamed.size(); i++) {
      if (renamed.get(i) != models.get(i)) {
        return false;
      }
    }
    return true;
  }
}
