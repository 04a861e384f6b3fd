package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.error.RelationNotLoadedException;
import io.toasty.generated.AbstractCreate;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Columns;
import io.toasty.value.Value;
import java.lang.annotation.ElementType;
import java.lang.annotation.RetentionPolicy;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The value of a has-one relation field on a loaded record: {@code HasOne<Profile>} for a
 * required relation (every record has one, created with it), {@code HasOne<Optional<Profile>>}
 * for an optional one.
 *
 * <pre>{@code
 * Profile p = user.profile().get();                      // loaded by .include(Users.PROFILE)
 * Mono<Profile> q = user.profile().get(db);
 * Mono<Profile> c = user.profile().create(Profiles.create()).bio("hi").exec(db);
 * }</pre>
 *
 * @param <T> the related record type, or {@code Optional} of it for an optional relation
 */
public final class HasOne<T> extends ToOne<T> {
  /**
   * Names the belongs-to field of the related model that points back here, where it cannot be
   * inferred.
   */
  @java.lang.annotation.Documented
  @java.lang.annotation.Retention(RetentionPolicy.CLASS)
  @java.lang.annotation.Target(ElementType.RECORD_COMPONENT)
  public @interface Pair {
    /** The related model's belongs-to field. */
    String value();
  }

  /**
   * Loads this relation with every query of the model, as if each query included it: {@code
   * get}, {@code filter}, {@code first}, pages, handle queries, and includes of the model from
   * other models (projections and counts excepted). A query opts out with {@code
   * .withoutEager()} or {@code .exclude(Users.PROFILE)}; an explicit include of the relation replaces the
   * eager one (with its filter, order and nested includes). The related model's own eager
   * relations are loaded in turn, one query per level; a cycle of eager relations
   * (A eager to B eager to A) is a compile error naming the models.
   *
   * <pre>{@code
   * @HasOne.Eager HasOne<Optional<Profile>> profile
   * }</pre>
   */
  @java.lang.annotation.Documented
  @java.lang.annotation.Retention(RetentionPolicy.CLASS)
  @java.lang.annotation.Target(ElementType.RECORD_COMPONENT)
  public @interface Eager {}

  private HasOne() {}

  private HasOne(ModelSchema source, int relation, Value.Record row, ModelDef<?> target) {
    super(source, relation, row, target);
  }

  /** The relation value of a loaded row (generated loaders call this). */
  public static <T> HasOne<T> load(ModelSchema source, int relation, Value.Record row,
      ModelDef<?> target) {
    return new HasOne<>(source, relation, row, target);
  }

  private HasOne(ModelSchema source, int relation, Columns row, ModelDef<?> target) {
    super(source, relation, row, target);
  }

  /**
   * The relation value, not loaded, of a record that a row reader builds from {@code row}
   * (generated row readers call this): its key fields' values are read from the row.
   */
  public static <T> HasOne<T> read(ModelSchema source, int relation, Columns row,
      ModelDef<?> target) {
    return new HasOne<>(source, relation, row, target);
  }

  /** A value for records built by hand: not loaded, and bound to no record. */
  public static <T> HasOne<T> detached() {
    return new HasOne<>();
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

  /** The related record, queried; see {@link BelongsTo#get(Executor)}. */
  @Override
  public Mono<T> get(Executor db) {
    return super.get(db);
  }

  /**
   * Scopes a create builder of the related model to this record (its foreign key is set and
   * locked); returns the same builder.
   */
  public <R, B extends AbstractCreate<R, B>> B create(B builder) {
    Objects.requireNonNull(builder, "builder");
    RelationScope<?> s = scope();
    if (!s.hasKey()) {
      throw new InvalidStatementException(s.source.name(), s.relation.name(),
          "the record's key is null");
    }
    if (!builder.model().name().equals(s.target.name())) {
      throw new InvalidStatementException(s.source.name(), s.relation.name(),
          "relates to " + s.target.name() + ", not " + builder.model().name());
    }
    builder.scope(s.relation.targetFields(), s.sourceValues, s.describe());
    return builder;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof HasOne<?> && super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }

  @Override
  public String toString() {
    return describe("HasOne");
  }
}
