package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a projection of a model: each component names a field of the model and has
 * its type ({@code Optional<T>} for an optional field). The annotation processor checks every
 * component against the model at compile time, an error naming the component otherwise, and
 * writes beside the record a class named after its plural ({@code UserCard} → {@code UserCards})
 * with the fields to select and a row mapper (no reflection):
 *
 * <pre>{@code
 * @Projection(User.class)
 * public record UserCard(UUID id, String name) {}
 *
 * Flux<UserCard> cards = UserCards.from(Users.filter(Users.NAME.startsWith("A"))).stream(db);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Projection {
  /** The model record whose fields the components name. */
  Class<?> value();
}
