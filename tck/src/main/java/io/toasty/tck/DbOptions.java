package io.toasty.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Settings of the {@code Db} a scenario gets, where it needs other than the defaults. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DbOptions {
  /** The most pooled connections. */
  int poolMaxSize() default BackendContext.DEFAULT_POOL_SIZE;

  /** The most cached plans. */
  int planCacheSize() default BackendContext.DEFAULT_PLAN_CACHE_SIZE;
}
