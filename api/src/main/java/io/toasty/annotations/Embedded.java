package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a record-typed field (or an {@code Optional} of one) flattened into its model's table: a
 * column per field of the record, named {@code <field>_<inner field>} ({@code address_city}),
 * nested to any depth. {@code @Column} on the field renames the prefix, {@code @Column} on an inner
 * field its part of the name. A record type annotated {@link Embeddable} needs no
 * {@code @Embedded} on its fields.
 *
 * <p>An {@code Optional} embedded value is absent exactly when all its columns are NULL; so its
 * record needs at least one field that is not {@code Optional} (a compile error otherwise).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Embedded {}
