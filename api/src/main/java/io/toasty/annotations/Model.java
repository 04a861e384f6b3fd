package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a model. The annotation processor generates, beside it, an entry class named
 * after the plural of the record with the model's builders, field paths, finders and schema
 * registration. The plural is spelled by one rule, on the record's simple name: {@code +es} after
 * {@code s}, {@code x}, {@code z}, {@code ch} or {@code sh} ({@code NamedIdx → NamedIdxes},
 * {@code Address → Addresses}, {@code Match → Matches}); {@code y} after a consonant becomes
 * {@code ies} ({@code Category → Categories}, but {@code Key → Keys}); otherwise {@code +s}
 * ({@code User → Users}, {@code Person → Persons}: no irregular plurals). {@link #entry()} names it
 * otherwise.
 *
 * <pre>{@code
 * @Model
 * public record User(@Key @Auto long id, String name, @Unique String email) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Model {
  /** The entry class's simple name; empty for the plural of the record's name. */
  String entry() default "";

  /**
   * Whether the processor also writes a repository class, {@code UserRepository}, holding an
   * {@code Executor} (the {@code Db}) with {@code findById}, {@code findAll(page, size)},
   * {@code save}, {@code deleteById}, {@code stream(condition)} and {@code count}, each returning
   * a {@code Mono} or {@code Flux}. The Spring Boot starter registers such repositories as beans;
   * extend one to add methods.
   */
  boolean repository() default false;

  /**
   * Whether the model's committed changes can be followed as a stream: the entry class gets
   * {@code changes(db)} ({@code Tasks.changes(db)}, a {@code Flux<Change<Task>>}), and where
   * the backend has change streams, schema push adds what reports each change (PostgreSQL: a
   * trigger that notifies at commit). A backend without them refuses the stream with
   * {@code Feature.CHANGE_STREAMS}.
   */
  boolean changes() default false;
}
