package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The record's deletion marker: an {@code Optional<Instant>} field (empty while the record is
 * live, the time of its deletion after) or a {@code boolean} flag, which makes its model
 * <i>soft-deleted</i>. A delete of its records (by key, by filter, or cascaded from a parent)
 * sets the marker instead of removing them, and every query, include, relation filter,
 * aggregate, update, upsert and path query sees only live records, and a change stream
 * reports a soft delete as a delete; {@code withDeleted()} and {@code onlyDeleted()} on a query
 * opt out, {@code restore()} clears the marker (and that of the records the delete cascaded to,
 * for a timestamp) and {@code purge()} removes records for good. At most one per model. See
 * docs/models.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface SoftDelete {}
