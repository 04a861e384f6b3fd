package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The record's version, for optimistic locking: an {@code int} or {@code long} field, 1 when
 * created (unless set), checked and bumped by one by every update and delete of a loaded record
 * ({@code Users.update(user)}, {@code Users.delete(user)}), which fail with
 * {@code io.toasty.error.StaleRecordException} when the stored version moved on; every other update
 * (by key, by filter, an upsert's update path) bumps it too. At most one per model.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Version {}
