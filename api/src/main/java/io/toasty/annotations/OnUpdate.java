package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What every update that does not set the field writes to it: {@code "now()"} (the current
 * time, on the field types of {@link CreatedAt}) or {@code "uuid()"} (a fresh random UUID, on a
 * {@code UUID} field). Creates are left to {@link Default}. Checked at compile time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface OnUpdate {
  /** {@code "now()"} or {@code "uuid()"}. */
  String value();
}
