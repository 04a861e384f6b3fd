/**
 * Finding a driver for a URL ({@link io.toasty.reactive.internal.driver.DriverLookup}) and probing the database behind it
 * ({@link io.toasty.reactive.internal.driver.HealthProbe}).
 *
 * <p>Internal: public only so that the engine's other packages can use it; not an API.
 */
@NullMarked
package io.toasty.reactive.internal.driver;

import org.jspecify.annotations.NullMarked;
