package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value that marks a variant (a record permitted by a sealed interface stored as a model
 * field) in its field's discriminator column: a string ({@code @Discriminator("suspended")}) or a
 * number ({@code @Discriminator(number = 2)}), the same kind for every variant of one interface.
 * Without it a variant's discriminator is its simple class name. Declaring it keeps stored rows
 * readable when the variant class is renamed: the discriminator, not the class name, names the
 * variant in storage (in its columns too: {@code status_suspended_reason}). Kept at run time,
 * so that the Spring starters' Jackson module writes and reads the same tag in JSON.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Discriminator {
  /** The marker for {@link #number()} left unset. */
  int NO_NUMBER = Integer.MIN_VALUE;

  /** A string discriminator; empty for none. */
  String value() default "";

  /** A numeric discriminator; {@link #NO_NUMBER} for none. */
  int number() default NO_NUMBER;
}
