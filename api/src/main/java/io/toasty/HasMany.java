package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.error.RelationNotLoadedException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.generated.AbstractCreate;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Columns;
import io.toasty.value.LoadedRecords;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.lang.annotation.ElementType;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The value of a has-many relation field on a loaded record: the related records if the query
 * included them ({@link #get()}), and queries and writes scoped to this record otherwise.
 *
 * <pre>{@code
 * List<Post> posts = user.posts().get();                    // loaded by .include(Users.POSTS)
 * Flux<Post> drafts = user.posts().filter(Posts.TITLE.startsWith("Draft")).stream(db);
 * Mono<Post> hello = user.posts().create(Posts.create()).title("Hello").exec(db);  // sets authorId
 * Mono<Long> moved = user.posts().insert(db, post);         // re-links post to user
 * }</pre>
 *
 * @param <T> the related model's record type
 */
public final class HasMany<T> {
  /**
   * Names the belongs-to field of the related model that points back here, where it cannot be
   * inferred (the related model has several belongs-to relations to this one).
   *
   * <pre>{@code
   * @HasMany.Pair("author") HasMany<Post> posts
   * }</pre>
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
   * .withoutEager()} or {@code .exclude(Users.POSTS)}; an explicit include of the relation replaces the
   * eager one (with its filter, order and nested includes). The related model's own eager
   * relations are loaded in turn, one query per level; a cycle of eager relations
   * (A eager to B eager to A) is a compile error naming the models.
   *
   * <pre>{@code
   * @HasMany.Eager HasMany<Post> posts
   * }</pre>
   */
  @java.lang.annotation.Documented
  @java.lang.annotation.Retention(RetentionPolicy.CLASS)
  @java.lang.annotation.Target(ElementType.RECORD_COMPONENT)
  public @interface Eager {}

  /**
   * Makes a many-to-many relation through a join model:
   * {@code "<has-many field of this model>.<belongs-to field of the join model>"}.
   *
   * <pre>{@code
   * HasMany<Membership> memberships,
   * @HasMany.Via("memberships.role") HasMany<Role> roles
   * }</pre>
   */
  @java.lang.annotation.Documented
  @java.lang.annotation.Retention(RetentionPolicy.CLASS)
  @java.lang.annotation.Target(ElementType.RECORD_COMPONENT)
  public @interface Via {
    /** The path to the related model: has-many field, then the join model's belongs-to. */
    String value();
  }

  private final @Nullable RelationScope<T> scope;
  private final @Nullable List<T> loaded;

  private HasMany(@Nullable RelationScope<T> scope, @Nullable List<T> loaded) {
    this.scope = scope;
    this.loaded = loaded;
  }

  /**
   * The relation value of a loaded row (generated loaders call this): loaded when the row's
   * relation slot holds a list of records, unloaded otherwise.
   */
  public static <T> HasMany<T> load(ModelSchema source, int relation, Value.Record row,
      ModelDef<T> target) {
    RelationScope<T> scope = RelationScope.of(source, relation, row, target);
    Value.ListValue slot = RelationScope.slot(source, relation, row);
    if (slot == null) {
      return new HasMany<>(scope, null);
    }
    if (slot.items() instanceof LoadedRecords built) {
      // built by the target's row reader, one unmodifiable list shared by the parents
      @SuppressWarnings("unchecked")
      List<T> loaded = (List<T>) built.records();
      return new HasMany<>(scope, loaded);
    }
    // one array filled, then List.of's copy (a list copied into List.copyOf costs two)
    List<Value> rows = slot.items();
    Object[] items = new Object[rows.size()];
    for (int i = 0; i < items.length; i++) {
      items[i] = target.load((Value.Record) rows.get(i));
    }
    @SuppressWarnings("unchecked")
    List<T> loaded = (List<T>) List.of(items);
    return new HasMany<>(scope, loaded);
  }

  /**
   * The value of a many-to-many relation of a loaded row (generated loaders call this): as
   * {@link #load(ModelSchema, int, Value.Record, ModelDef)}, with the join model its writes use.
   */
  public static <T> HasMany<T> load(ModelSchema source, int relation, Value.Record row,
      ModelDef<T> target, ModelDef<?> join) {
    Objects.requireNonNull(join, "join");
    RelationScope<T> scope = RelationScope.of(source, relation, row, target, join);
    HasMany<T> plain = load(source, relation, row, target);
    return new HasMany<>(scope, plain.loaded);
  }

  /**
   * The relation value, not loaded, of a record that a row reader builds from {@code row}
   * (generated row readers call this): its key fields' values are read from the row.
   */
  public static <T> HasMany<T> read(ModelSchema source, int relation, Columns row,
      ModelDef<T> target) {
    return new HasMany<>(RelationScope.of(source, relation, row, target, null), null);
  }

  /**
   * {@link #read(ModelSchema, int, Columns, ModelDef)} of a many-to-many relation, with the
   * join model its writes use.
   */
  public static <T> HasMany<T> read(ModelSchema source, int relation, Columns row,
      ModelDef<T> target, ModelDef<?> join) {
    Objects.requireNonNull(join, "join");
    return new HasMany<>(RelationScope.of(source, relation, row, target, join), null);
  }

  /** A value for records built by hand: not loaded, and bound to no record. */
  public static <T> HasMany<T> detached() {
    return new HasMany<>(null, null);
  }

  /** Whether the related records were loaded with the record. */
  public boolean isLoaded() {
    return loaded != null;
  }

  /**
   * The loaded related records.
   *
   * @throws RelationNotLoadedException when the query that loaded the record did not include
   *     this relation
   */
  public List<T> get() {
    if (loaded == null) {
      throw scope().notLoaded();
    }
    return loaded;
  }

  /** The related records, as a query to refine. */
  public Select<T> query() {
    return scope().query();
  }

  /** The related records that match {@code condition}. */
  public Select<T> filter(Expr<Boolean> condition) {
    return query().filter(condition);
  }

  /** The related records, ordered. */
  public Select<T> orderBy(Order... orders) {
    return query().orderBy(orders);
  }

  /** The related records, from the database. */
  public Flux<T> stream(Executor db) {
    return query().stream(db);
  }

  /** The related records, from the database, in a list. */
  public Mono<List<T>> collect(Executor db) {
    return query().collect(db);
  }

  /** How many related records there are, counted by the database (see {@link Select#count}). */
  public Mono<Long> count(Executor db) {
    return query().count(db);
  }

  /** Whether this record has any related record. */
  public Mono<Boolean> exists(Executor db) {
    return query().exists(db);
  }

  /** The first related record from the database, or empty. */
  public Mono<T> first(Executor db) {
    return query().first(db);
  }

  /**
   * Scopes a create builder of the related model to this record: its foreign key is set to this
   * record's key and cannot be changed. Returns the same builder, to go on setting fields.
   *
   * <pre>{@code
   * user.posts().create(Posts.create()).title("Hello").exec(db)
   * }</pre>
   */
  public <B extends AbstractCreate<T, B>> B create(B builder) {
    Objects.requireNonNull(builder, "builder");
    RelationScope<T> s = directScope("create");
    builder.scope(s.relation.targetFields(), s.sourceValues, s.describe());
    return builder;
  }

  /**
   * Links {@code records} to this record: sets their foreign key to this record's key. The
   * result is the number of records updated. On a many-to-many relation it creates one join
   * record per related record instead, all in one statement (atomically), and results in the
   * number created. Errors (a record never stored, a backend's refusal) are signalled.
   */
  @SafeVarargs
  public final Mono<Long> insert(Executor db, T... records) {
    return insert(db, Arrays.asList(records));
  }

  /** Links {@code records} to this record; see {@link #insert(Executor, Object[])}. */
  public Mono<Long> insert(Executor db, Collection<? extends T> records) {
    Objects.requireNonNull(db, "db");
    return Mono.defer(() -> linkAll(db, records));
  }

  private Mono<Long> linkAll(Executor db, Collection<? extends T> records) {
    RelationScope<T> s = writeScope(records);
    if (s.relation.through() != null) {
      return joinWrite(db, records, () -> JoinWrites.link(s, records));
    }
    List<Assignment> set = new ArrayList<>();
    for (int i = 0; i < s.relation.targetFields().size(); i++) {
      set.add(new Assignment(s.relation.targetFields().get(i),
          new ExprNode.Const(s.sourceValues.get(i))));
    }
    return count(db, new UpdateNode(new Source.Model(s.target.name()),
        keysOf(s, records), set, new Returning.Count()));
  }

  /**
   * Unlinks {@code records} from this record: a nullable foreign key is set to null; a required
   * one cannot be, so the records are deleted (with what their own deletion implies). Records
   * not related to this record are left alone. The result is the number of records changed.
   * On a many-to-many relation it deletes the join records between this record and
   * {@code records} instead, in one statement, and results in the number deleted; the related
   * records stay.
   */
  @SafeVarargs
  public final Mono<Long> remove(Executor db, T... records) {
    return remove(db, Arrays.asList(records));
  }

  /** Unlinks {@code records}; see {@link #remove(Executor, Object[])}. */
  public Mono<Long> remove(Executor db, Collection<? extends T> records) {
    Objects.requireNonNull(db, "db");
    return Mono.defer(() -> unlinkAll(db, records));
  }

  private Mono<Long> unlinkAll(Executor db, Collection<? extends T> records) {
    RelationScope<T> s = writeScope(records);
    if (s.relation.through() != null) {
      return joinWrite(db, records, () -> JoinWrites.unlink(s, records));
    }
    ExprNode filter = ExprNode.and(keysOf(s, records),
        RelationScope.equalities(s.target.name(), s.relation.targetFields(), s.sourceValues));
    Source target = new Source.Model(s.target.name());
    boolean nullable = s.relation.targetFields().stream()
        .allMatch(f -> s.target.schema().field(f).nullable());
    if (!nullable) {
      return count(db, new DeleteNode(target, filter, new Returning.Count()));
    }
    List<Assignment> set = new ArrayList<>();
    s.relation.targetFields().forEach(f -> set.add(new Assignment(f, ExprNode.NULL)));
    return count(db, new UpdateNode(target, filter, set, new Returning.Count()));
  }

  private static Mono<Long> count(Executor db, StatementNode statement) {
    return db.exec(statement).next().map(Values::asLong).defaultIfEmpty(0L);
  }

  private static <T> ExprNode keysOf(RelationScope<T> s,
      Collection<? extends T> records) {
    Objects.requireNonNull(records, "records");
    List<ExprNode> keys = new ArrayList<>(records.size());
    for (T r : records) {
      keys.add(RelationScope.equalities(s.target.name(), s.target.schema().primaryKey(),
          s.target.keyOf(Objects.requireNonNull(r, "record"))));
    }
    return new ExprNode.Or(keys);
  }

  private RelationScope<T> scope() {
    if (scope == null) {
      throw new IllegalStateException("this HasMany was made by hand (HasMany.detached()) and is "
          + "bound to no loaded record");
    }
    return scope;
  }

  /** A many-to-many link or unlink: one statement on the join records, none for no records. */
  private static Mono<Long> joinWrite(Executor db, Collection<?> records,
      Supplier<StatementNode> statement) {
    return records.isEmpty() ? Mono.just(0L) : count(db, statement.get());
  }

  /** The scope of a link or unlink of {@code records}: bound to a record with a key. */
  private RelationScope<T> writeScope(Collection<? extends T> records) {
    Objects.requireNonNull(records, "records");
    RelationScope<T> s = scope();
    readOnlyCheck(s);
    if (!s.hasKey()) {
      throw new InvalidStatementException(s.source.name(), s.relation.name(),
          "the record's key is null");
    }
    return s;
  }

  /** A multi-step via has no keys of its own to write: its steps' relations do. */
  private static void readOnlyCheck(RelationScope<?> s) {
    if (s.relation.isMultiStep()) {
      throw new InvalidStatementException(s.source.name(), s.relation.name(), "is a multi-step"
          + " via relation (" + s.relation.steps().stream().map(RelationSchema.Step::relation)
          .collect(Collectors.joining(".")) + "), read-only: write through "
          + "the relations it follows");
    }
  }

  private RelationScope<T> directScope(String what) {
    RelationScope<T> s = scope();
    readOnlyCheck(s);
    if (s.relation.through() != null) {
      RelationSchema.Through via = s.relation.through();
      throw new UnsupportedFeatureException(Feature.MANY_TO_MANY_WRITE, null, what
          + " on a many-to-many relation" + ": " + s.describe() + " goes through " + via.model()
          + ": create or delete " + via.model()
              + " records instead");
    }
    if (!s.hasKey()) {
      throw new InvalidStatementException(s.source.name(), s.relation.name(),
          "the record's key is null");
    }
    return s;
  }

  /** Equal when the loaded records are equal, or neither is loaded. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof HasMany<?> h && Objects.equals(loaded, h.loaded);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(loaded);
  }

  @Override
  public String toString() {
    return loaded != null ? "HasMany" + loaded
        : scope == null ? "HasMany[detached]" : "HasMany[" + scope.describe() + ", not loaded]";
  }
}
