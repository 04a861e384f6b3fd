package io.toasty.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ServiceLoader;

/**
 * Runs a class's scenarios on these sources' backends instead of those found with
 * {@link ServiceLoader} (to run one driver's backends only, say). Each source needs a
 * public no-argument constructor.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UseBackends {
  /** The sources. */
  Class<? extends BackendSource>[] value();
}
