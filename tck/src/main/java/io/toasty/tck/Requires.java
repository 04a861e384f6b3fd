package io.toasty.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a scenario needs from the backend, on the method or its class (both apply). On a backend
 * that lacks one of them, the scenario still runs, and passes only if it fails with
 * {@link io.toasty.error.UnsupportedFeatureException}: a backend must refuse what it cannot do, loudly
 * and with the typed error, never skip it or do something else.
 *
 * <pre>{@code
 * @BackendTest
 * @Requires(Need.SQL)
 * void ordersByName(Db db) { ... }
 * }</pre>
 *
 * <p>Write such scenarios with {@code block()} (or let the error escape), so that the typed error
 * reaches the harness.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
  /** Every feature the scenario needs. */
  Need[] value();
}
