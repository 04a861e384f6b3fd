package io.toasty.driver;

import java.util.ServiceLoader;

/**
 * Makes drivers for the URLs it recognizes. Providers are found with {@link ServiceLoader}
 * ({@code META-INF/services/io.toasty.driver.DriverProvider}); models are never registered
 * globally.
 */
public interface DriverProvider {

  /** Whether this provider serves {@code url}. */
  boolean supports(String url);

  /** A driver for the configured URL and schema; nothing connects until the driver is used. */
  Driver open(DriverConfig config);
}
