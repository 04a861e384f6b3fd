package io.toasty.reactive.internal.driver;

import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.DriverProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the first {@link DriverProvider} on the class path that serves a URL. */
public final class DriverLookup {
  private DriverLookup() {}

  public static Driver open(DriverConfig config) {
    List<String> seen = new ArrayList<>();
    for (DriverProvider p : ServiceLoader.load(DriverProvider.class)) {
      if (p.supports(config.url())) {
        return p.open(config);
      }
      seen.add(p.getClass().getName());
    }
    throw new IllegalStateException("no DriverProvider supports the URL '" + config.url()
        + "' (providers found: " + (seen.isEmpty() ? "none" : String.join(", ", seen))
        + "); put a driver module such as toasty-r2dbc-driver on the class path");
  }
}
