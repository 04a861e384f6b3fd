package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a create uses when it leaves the field unset, written as a literal of the field's type
 * ({@code "0"}, {@code "true"}, {@code "draft"}, {@code "2024-01-01"}); checked at compile time.
 * Two expressions are evaluated on each create instead: {@code "now()"} on an {@code Instant},
 * {@code OffsetDateTime}, {@code LocalDateTime} or {@code LocalDate} field (the current time, as
 * for {@link CreatedAt}) and {@code "uuid()"} on a {@code UUID} field (a random v4 UUID). On a
 * {@code String} field they are plain literals.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
  /** The literal. */
  String value();
}
