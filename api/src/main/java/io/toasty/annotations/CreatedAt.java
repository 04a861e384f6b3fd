package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * When the record was created: every create that leaves the field unset (one record, {@code
 * createMany}, an upsert's create path) writes the current time, and no update touches it. An
 * {@code Instant}, {@code OffsetDateTime} (at UTC), {@code LocalDateTime} or {@code LocalDate}
 * (in the clock's zone) field. The time is the {@code Db}'s clock ({@code DbBuilder.clock}) or
 * the database's ({@code DbBuilder.databaseTime}), truncated to microseconds. The same as
 * {@code @Default("now()")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface CreatedAt {}
