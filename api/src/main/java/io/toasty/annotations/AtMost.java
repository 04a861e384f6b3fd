package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits a relation to at most {@code value} related records per record, and has the engine
 * enforce it on every write: a create, a nested create, a link ({@code HasMany.insert}), an
 * update of the foreign key, a batch or a bulk stream that would leave a record with more fails
 * with {@code io.toasty.error.CardinalityException} and writes nothing.
 *
 * <pre>{@code
 * @Model record Team(@Key UUID id, String name,
 *     @AtMost(3) HasMany<Player> players,               // many, at most 3
 *     @AtMost(1) HasOne<Optional<Captain>> captain,     // zero or one, enforced
 *     HasMany<TeamTag> teamTags,
 *     @AtMost(2) @HasMany.Via("teamTags.tag") HasMany<Tag> tags) {}  // many-to-many, at most 2
 * }</pre>
 *
 * <p>On a {@code HasMany} (direct or through a join model) {@code value} is at least 1; on a
 * {@code HasOne} it is 1. A belongs-to's cardinality is its key's: {@code BelongsTo<T>} over a
 * required key is exactly one, {@code BelongsTo<Optional<T>>} zero or one; it takes no
 * {@code @AtMost}. Anything else is a compile error.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface AtMost {
  /** The most related records one record may have. */
  int value();
}
