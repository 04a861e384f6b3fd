package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The relationship type and direction a relation has in a graph (Neo4j): graph-only metadata,
 * which the SQL backends and DynamoDB ignore (the relation is a foreign key there, as without it).
 *
 * <pre>{@code
 * @Model record Person(@Key @Auto UUID id, String name,
 *     UUID employerId,
 *     @Relationship(type = "WORKS_AT") BelongsTo<Company> employer,   // (Person)-[:WORKS_AT]->(Company)
 *     @Relationship(type = "WROTE") HasMany<Post> posts) {}           // (Person)-[:WROTE]->(Post)
 *
 * @Relationship(type = "ACTED_IN")                                    // (Star)-[:ACTED_IN {role}]->(Movie)
 * @Model record Role(@Key @Auto UUID id, UUID starId, BelongsTo<Star> star,
 *     UUID movieId, BelongsTo<Movie> movie, String role) {}
 * }</pre>
 *
 * <ul>
 *   <li>On a {@code BelongsTo}: the relationship of its foreign key; {@link EdgeDirection#OUTGOING}
 *       (the default) points from the model holding the key to the one it refers to.</li>
 *   <li>On a {@code HasMany} or {@code HasOne} paired with a {@code BelongsTo}: the same
 *       relationship, declared from the other side ({@code OUTGOING} points from this model to
 *       the records it has). Declare it on one side only.</li>
 *   <li>On a join model (a model with exactly two required {@code BelongsTo} that nothing refers
 *       to): the model is stored as one relationship of this type, from the node of its first
 *       {@code BelongsTo} to the node of its second ({@code OUTGOING}), its other fields the
 *       relationship's properties; it need not be the {@code via} of a {@code HasMany}.</li>
 * </ul>
 *
 * <p>Without it a relationship is typed after the {@code BelongsTo} field in upper snake case
 * ({@code employer} is {@code EMPLOYER}) and a join model after its table. The type must be a
 * plain identifier (letters, digits, underscores, not starting with a digit); anything else, or
 * the annotation where no relationship is stored (an unchecked key, a multi-step or many-to-many
 * {@code via}), is a compile error naming the model and field.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Relationship {
  /** The relationship type, e.g. {@code "WORKS_AT"}; empty for the default name. */
  String type() default "";

  /** Which way it points, seen from the declaring model. */
  EdgeDirection direction() default EdgeDirection.OUTGOING;
}
