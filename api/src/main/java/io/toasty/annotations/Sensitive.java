package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field whose values never appear in what the library writes: error messages (a record not
 * found by it, a unique violation on it, a value out of range, the database's own error text when
 * a statement touches it), logs, {@code explain()} and statements' {@code toString()} show
 * {@code ***} instead, whatever the value's length. The record's own {@code toString()} is
 * Java's and still shows it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Sensitive {}
