package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.value.Columns;
import io.toasty.value.LoadedRecords;
import io.toasty.value.Value;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What {@link BelongsTo} and {@link HasOne} share, as their superclass (a loaded record's to-one
 * field is one object, not a value wrapping this one): one related record, or none.
 */
abstract class ToOne<T> {
  // The scope (a record of the key, the relation's queries) is built only when asked for: a
  // loaded to-one keeps the relation and the key value it already has, so an included child
  // with a belongs-to costs no scope, array or record of its own. All null for detached().
  private final @Nullable ModelSchema source;
  private final @Nullable RelationSchema relation;
  private final @Nullable ModelDef<?> target;
  /** {@link RelationScope#key}: the foreign key value, or a record of several. */
  private final @Nullable Object key;
  /** The loaded record, or null for none; meaningful when {@code loaded}. */
  final @Nullable Object record;
  final boolean loaded;

  /** A value for records built by hand: not loaded, and bound to no record. */
  ToOne() {
    this.source = null;
    this.relation = null;
    this.target = null;
    this.key = null;
    this.record = null;
    this.loaded = false;
  }

  /** Relation {@code relation} of {@code source}, the arguments checked. */
  private static RelationSchema relationOf(ModelSchema source, int relation, Object row,
      ModelDef<?> target) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(target, "target");
    return source.relations().get(relation);
  }

  /** The value, not loaded, of relation {@code relation} of a record read from {@code row}. */
  ToOne(ModelSchema source, int relation, Columns row, ModelDef<?> target) {
    this(source, relationOf(source, relation, row, target), target, row);
  }

  private ToOne(ModelSchema source, RelationSchema r, ModelDef<?> target, Columns row) {
    this.source = source;
    this.relation = r;
    this.target = target;
    this.key = RelationScope.key(source, r, row);
    this.record = null;
    this.loaded = false;
  }

  /** The value of relation {@code relation} of the loaded {@code row}. */
  ToOne(ModelSchema source, int relation, Value.Record row, ModelDef<?> target) {
    RelationSchema r = relationOf(source, relation, row, target);
    this.source = source;
    this.relation = r;
    this.target = target;
    this.key = RelationScope.key(r, row);
    Value.ListValue slot = RelationScope.slot(source, relation, row);
    if (slot == null) {
      this.record = null;
      this.loaded = false;
      return;
    }
    if (slot.items().size() > 1) {
      throw new IllegalArgumentException(source.name() + "." + r.name()
          + ": " + slot.items().size() + " related records for a to-one relation");
    }
    this.record = slot.items().isEmpty() ? null
        : slot.items() instanceof LoadedRecords built ? built.records().get(0)
        : target.load((Value.Record) slot.items().get(0));
    this.loaded = true;
  }

  boolean optional() {
    if (relation == null) {
      throw detachedError();
    }
    return relation.nullable();
  }

  /** The loaded value: the record, or an {@code Optional} of it for an optional relation. */
  @SuppressWarnings("unchecked")
  T get() {
    if (!loaded) {
      throw scope().notLoaded();
    }
    if (optional()) {
      return (T) Optional.ofNullable(record);
    }
    if (record == null) {
      throw new RecordNotFoundException(Objects.requireNonNull(target).name(),
          "the required relation "
          + scope().describe() + " has no related record");
    }
    return (T) record;
  }

  /** The related record from the database, typed as {@link #get()}. */
  @SuppressWarnings("unchecked")
  Mono<T> get(Executor db) {
    Objects.requireNonNull(db, "db");
    RelationScope<?> s = scope();
    if (optional()) {
      if (!s.hasKey()) {
        return Mono.just((T) Optional.empty());
      }
      return s.query().first(db).map(r -> (T) Optional.of(r))
          .defaultIfEmpty((T) Optional.empty());
    }
    if (!s.hasKey()) {
      return Mono.error(new InvalidStatementException(s.source.name(), s.relation.name(),
          "the record's key is null"));
    }
    return (Mono<T>) s.query().get(db);
  }

  /** The relation's scope, built anew (each call: it is needed only for queries and errors). */
  @SuppressWarnings("NullAway") // a relation is set only together with source, key, target
  RelationScope<?> scope() {
    if (relation == null) {
      throw detachedError();
    }
    return RelationScope.ofKey(source, relation, key, target);
  }

  private static IllegalStateException detachedError() {
    return new IllegalStateException("this relation value was made by hand (detached()) and is "
        + "bound to no loaded record");
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ToOne<?> t && loaded == t.loaded && Objects.equals(record, t.record);
  }

  @Override
  public int hashCode() {
    return Objects.hash(loaded, record);
  }

  String describe(String kind) {
    if (loaded) {
      return kind + "[" + record + "]";
    }
    return relation == null ? kind + "[detached]"
        : kind + "[" + scope().describe() + ", not loaded]";
  }
}
