package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores the field in a column of another name than the field's snake-cased name, and/or
 * declares that the column was renamed, so that a generated migration renames it (keeping its
 * data) instead of dropping one column and adding another. Renames are never guessed.
 *
 * <pre>{@code
 * @Model record User(@Key String id, @Column(renamedFrom = "nick") Optional<String> nickname) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Column {
  /** The column's name; empty for the field's snake-cased name. */
  String value() default "";

  /** The column's previous name, which a generated migration renames; empty when not renamed. */
  String renamedFrom() default "";
}
