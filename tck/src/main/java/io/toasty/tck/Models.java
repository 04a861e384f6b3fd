package io.toasty.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The models a scenario's {@code Db} serves, as their generated entry classes (each has a
 * {@code public static final ModelDef<?> MODEL}). On the method or the class; without it, every
 * model of {@link io.toasty.tck.models.TckModels} is registered.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Models {
  /** Entry classes ({@code Users.class}). */
  Class<?>[] value();
}
