package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field stored as one JSON document, written and read by the {@code Db}'s JSON codec (Jackson's
 * {@code ObjectMapper} by default): any type the codec maps, a record, a list, a map. Stored as
 * {@code jsonb} on PostgreSQL, {@code JSON} on MariaDB/MySQL, text on H2 and SQLite, and a
 * document (map, list or scalar attribute) on DynamoDB.
 *
 * <pre>{@code
 * @Model
 * public record Account(@Key UUID id, @Json Settings settings, @Json Optional<List<String>> tags) {}
 *
 * Accounts.filter(Accounts.SETTINGS.text("theme").eq("dark"))   // a path into the document
 * }</pre>
 *
 * <p>A value the codec cannot write or read is a {@code JsonFieldException} naming the model and
 * the field. Filters reach scalars inside the document through the field's
 * {@code JsonPath.text(..)} where the backend can ({@code Feature.JSON_PATH}).
 *
 * <p>On a sealed interface of records (without Jackson's {@code @JsonTypeInfo}), the value is
 * stored as its variant's document tagged with the variant's discriminator,
 * {@code {"type":"suspended",...}}, instead of a discriminator column and the variants' columns;
 * its path is an {@code io.toasty.SealedJsonPath} with {@code is(Variant.class)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Json {}
