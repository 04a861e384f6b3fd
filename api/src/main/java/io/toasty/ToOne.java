package io.toasty;

import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Value;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** What {@link BelongsTo} and {@link HasOne} share: one related record, or none. */
final class ToOne<T> {
  final RelationScope<?> scope;
  /** The loaded record, or null for none; meaningful when {@code loaded}. */
  final Object record;
  final boolean loaded;

  private ToOne(RelationScope<?> scope, Object record, boolean loaded) {
    this.scope = scope;
    this.record = record;
    this.loaded = loaded;
  }

  static <T> ToOne<T> load(ModelSchema source, int relation, Value.Record row, ModelDef<?> target) {
    RelationScope<?> scope = RelationScope.of(source, relation, row, target);
    Value.ListValue slot = RelationScope.slot(source, relation, row);
    if (slot == null) {
      return new ToOne<>(scope, null, false);
    }
    if (slot.items().size() > 1) {
      throw new IllegalArgumentException(source.name() + "." + scope.relation.name()
          + ": " + slot.items().size() + " related records for a to-one relation");
    }
    Object record = slot.items().isEmpty() ? null : target.load((Value.Record) slot.items().get(0));
    return new ToOne<>(scope, record, true);
  }

  static <T> ToOne<T> detached() {
    return new ToOne<>(null, null, false);
  }

  boolean optional() {
    return scope().relation.nullable();
  }

  /** The loaded value: the record, or an {@code Optional} of it for an optional relation. */
  @SuppressWarnings("unchecked")
  T get() {
    RelationScope<?> s = scope();
    if (!loaded) {
      throw s.notLoaded();
    }
    if (optional()) {
      return (T) Optional.ofNullable(record);
    }
    if (record == null) {
      throw new RecordNotFoundException(s.target.name(), "the required relation "
          + s.describe() + " has no related record");
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

  RelationScope<?> scope() {
    if (scope == null) {
      throw new IllegalStateException("this relation value was made by hand (detached()) and is "
          + "bound to no loaded record");
    }
    return scope;
  }

  @Override
  public boolean equals(Object o) {
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
    return scope == null ? kind + "[detached]" : kind + "[" + scope.describe() + ", not loaded]";
  }
}
