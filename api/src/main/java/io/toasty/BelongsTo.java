package io.toasty;

import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.RelationNotLoadedException;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Columns;
import io.toasty.value.Value;
import java.lang.annotation.ElementType;
import java.lang.annotation.RetentionPolicy;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The value of a belongs-to relation field on a loaded record: {@code BelongsTo<User>} for a
 * required relation (the foreign key is not {@code Optional}), {@code BelongsTo<Optional<User>>}
 * for an optional one. {@link #get()} reads the related record when the query included it;
 * {@link #get(Executor)} queries it.
 *
 * <pre>{@code
 * User author = post.author().get();                 // loaded by .include(Posts.AUTHOR)
 * Mono<User> same = post.author().get(db);           // one query by key
 * Optional<User> editor = post.editor().get();       // an optional relation
 * }</pre>
 *
 * @param <T> the related record type, or {@code Optional} of it for an optional relation
 */
public final class BelongsTo<T> extends ToOne<T> {
  /**
   * Names the foreign key fields of this model and the fields of the related model they hold,
   * where they cannot be inferred. By default the key is the field named after the relation
   * followed by {@code Id} ({@code author} → {@code authorId}) and it references the related
   * model's primary key.
   *
   * <pre>{@code
   * @BelongsTo.Key(value = "writerId", references = "id") BelongsTo<User> author
   * }</pre>
   */
  @java.lang.annotation.Documented
  @java.lang.annotation.Retention(RetentionPolicy.CLASS)
  @java.lang.annotation.Target(ElementType.RECORD_COMPONENT)
  public @interface Key {
    /** This model's foreign key fields; empty for {@code <relation>Id}. */
    String[] value() default {};

    /** The related model's fields they hold, one per key field; empty for its primary key. */
    String[] references() default {};
  }

  /**
   * Loads this relation with every query of the model, as if each query included it: {@code
   * get}, {@code filter}, {@code first}, pages, handle queries, and includes of the model from
   * other models (projections and counts excepted). A query opts out with {@code
   * .withoutEager()} or {@code .exclude(Posts.AUTHOR)}; an explicit include of the relation replaces the
   * eager one (with its filter, order and nested includes). The related model's own eager
   * relations are loaded in turn, one query per level; a cycle of eager relations
   * (A eager to B eager to A) is a compile error naming the models.
   *
   * <pre>{@code
   * @BelongsTo.Eager BelongsTo<User> author
   * }</pre>
   */
  @java.lang.annotation.Documented
  @java.lang.annotation.Retention(RetentionPolicy.CLASS)
  @java.lang.annotation.Target(ElementType.RECORD_COMPONENT)
  public @interface Eager {}

  /**
   * Refuses to delete the related record while records still refer to it ({@code ON DELETE
   * RESTRICT} on SQL, the same check in the delete's transaction on DynamoDB and Neo4j): the
   * delete fails with {@link ForeignKeyViolationException} naming this model and field, and
   * nothing is deleted. Without it, deleting the related record deletes the records whose key is
   * required and sets an optional key to null. Writes of the key are checked as usual.
   *
   * <pre>{@code
   * @BelongsTo.Restrict BelongsTo<User> author
   * }</pre>
   */
  @java.lang.annotation.Documented
  @java.lang.annotation.Retention(RetentionPolicy.CLASS)
  @java.lang.annotation.Target(ElementType.RECORD_COMPONENT)
  public @interface Restrict {}

  /**
   * Leaves the key unchecked, for a legacy schema whose stored data does not keep the rule: no
   * {@code FOREIGN KEY} constraint, no check on write, so a key may name a record that does not
   * exist (a required relation to a missing record then fails to load with
   * {@link RecordNotFoundException}). Deleting the related record still deletes or unlinks the
   * records the engine finds pointing at it. See docs/relations.md, "Related records always
   * exist".
   *
   * <pre>{@code
   * @BelongsTo.Unchecked BelongsTo<LegacyAccount> account
   * }</pre>
   */
  @java.lang.annotation.Documented
  @java.lang.annotation.Retention(RetentionPolicy.CLASS)
  @java.lang.annotation.Target(ElementType.RECORD_COMPONENT)
  public @interface Unchecked {}

  private BelongsTo() {}

  private BelongsTo(ModelSchema source, int relation, Value.Record row, ModelDef<?> target) {
    super(source, relation, row, target);
  }

  /** The relation value of a loaded row (generated loaders call this). */
  public static <T> BelongsTo<T> load(ModelSchema source, int relation, Value.Record row,
      ModelDef<?> target) {
    return new BelongsTo<>(source, relation, row, target);
  }

  private BelongsTo(ModelSchema source, int relation, Columns row, ModelDef<?> target) {
    super(source, relation, row, target);
  }

  /**
   * The relation value, not loaded, of a record that a row reader builds from {@code row}
   * (generated row readers call this): its key fields' values are read from the row.
   */
  public static <T> BelongsTo<T> read(ModelSchema source, int relation, Columns row,
      ModelDef<?> target) {
    return new BelongsTo<>(source, relation, row, target);
  }

  /** A value for records built by hand: not loaded, and bound to no record. */
  public static <T> BelongsTo<T> detached() {
    return new BelongsTo<>();
  }

  /** Whether the related record was loaded with this one. */
  public boolean isLoaded() {
    return loaded;
  }

  /**
   * The loaded related record ({@code Optional.empty()} when an optional relation has none).
   *
   * @throws RelationNotLoadedException when the query did not include this relation
   */
  @Override
  public T get() {
    return super.get();
  }

  /**
   * The related record, queried by the foreign key; for an optional relation an empty
   * {@code Optional} when the key is null or matches nothing. A required relation whose record
   * is missing fails with {@link RecordNotFoundException}.
   */
  @Override
  public Mono<T> get(Executor db) {
    return super.get(db);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BelongsTo<?> && super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }

  @Override
  public String toString() {
    return describe("BelongsTo");
  }
}
