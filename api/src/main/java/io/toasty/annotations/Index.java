package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Indexes this field; generates {@code filterBy..}. With {@link #sortBy()} the index also holds a
 * second, required field that orders the records sharing a value of this one, so that
 * {@code filter(AUTHOR.eq(a)).orderBy(CREATED_AT.desc())} is read in order from the index (on
 * DynamoDB a global secondary index with that field as its sort key, pages read a page at a
 * time; in SQL a two-column index).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Index {
  /** The index's name; empty for {@code <table>_<column>_idx}. */
  String name() default "";

  /**
   * The name of a required field of the same model ordering this index's records (its sort key);
   * empty for none. DynamoDB leaves an item without the sort key out of the index, hence required.
   */
  String sortBy() default "";
}
