package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * When the record was last written: set to the current time by every create that leaves it
 * unset and by every update that does not set it itself (by key, by filter, of a loaded record,
 * an upsert's update path; not an insert-or-ignore that keeps the stored record). The types and
 * the time source are those of {@link CreatedAt}. The same as {@code @Default("now()")} with
 * {@code @OnUpdate("now()")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface UpdatedAt {}
