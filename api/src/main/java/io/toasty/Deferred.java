package io.toasty;

import io.toasty.error.DeferredNotLoadedException;
import io.toasty.error.NotLoadedException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.RelationNotLoadedException;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A model field that queries leave unread unless asked: a large text or document that most reads
 * do not need. A query reads it when it includes the field ({@code .include(Users.BIO)}); a
 * record loaded without it reads it afterwards by its key ({@code user.bio().get(db)}). Reading
 * {@link #get()} while it is not loaded is a {@link DeferredNotLoadedException}, the way an
 * unloaded relation is a {@link RelationNotLoadedException} (both are
 * {@link NotLoadedException}s). Creates and updates write the field like any other, by its
 * value.
 *
 * <pre>{@code
 * @Model
 * public record Article(@Key long id, String title, Deferred<String> body) {}
 *
 * Article a = Articles.getById(db, 1).block();       // SELECT id, title ...
 * a.body().isLoaded();                              // false
 * String body = a.body().get(db).block();           // SELECT body ... WHERE id = 1
 * Article b = Articles.filterById(1).include(Articles.BODY).get(db).block();
 * b.body().get();                                   // the body, read with the record
 * }</pre>
 *
 * <p>Two deferred values are equal when both are loaded with equal values, or both unloaded.
 * Immutable.
 *
 * @param <T> the stored type: a type a model field may have
 */
public final class Deferred<T> {
  /**
   * What a lowered query puts in a row for a deferred field it did not read: an empty record,
   * which no field value ever is.
   */
  public static final Value NOT_LOADED = new Value.Record(List.of());

  private final boolean loaded;
  private final @Nullable T value;
  /** The record's model, key and field index, for {@link #get(Executor)}; null when detached. */
  private final @Nullable Owner<T> owner;

  private Deferred(boolean loaded, @Nullable T value, @Nullable Owner<T> owner) {
    this.loaded = loaded;
    this.value = value;
    this.owner = owner;
  }

  /** A loaded value: what a create or a record built by hand holds. */
  public static <T> Deferred<T> of(T value) {
    return new Deferred<>(true, Objects.requireNonNull(value, "value"), null);
  }

  /** A value that was not loaded and is bound to no stored record. */
  public static <T> Deferred<T> notLoaded() {
    return new Deferred<>(false, null, null);
  }

  /**
   * The field {@code field} of {@code row} (a row of {@code schema}'s model): loaded through
   * {@code convert} when the row holds it, else unloaded and bound to the row's key. The
   * generated {@code load} uses it.
   */
  public static <T> Deferred<T> read(ModelSchema schema, int field, Value.Record row,
      Function<Value, T> convert) {
    Value v = row.get(field);
    if (isNotLoaded(v)) {
      Value[] key = new Value[schema.primaryKey().size()];
      for (int i = 0; i < key.length; i++) {
        key[i] = row.get(schema.primaryKey().get(i));
      }
      return new Deferred<>(false, null, new Owner<>(schema, field, Value.Record.of(key),
          convert));
    }
    return new Deferred<>(true, convert.apply(v), null);
  }

  /**
   * The stored value of {@code d} through {@code convert}; {@link #NOT_LOADED} when it is not
   * loaded (a record's values then lack it), {@code Value.NULL} for a null {@code d}. The
   * generated {@code values} uses it.
   */
  public static <T> Value write(@Nullable Deferred<T> d, Function<T, Value> convert) {
    if (d == null) {
      return Value.NULL;
    }
    return d.loaded ? convert.apply(d.value) : NOT_LOADED;
  }

  /** Whether {@code v} is the slot of a deferred field that a query did not read. */
  public static boolean isNotLoaded(Value v) {
    return v instanceof Value.Record r && r.size() == 0;
  }

  /** Whether the value was read with the record (or set by hand). */
  public boolean isLoaded() {
    return loaded;
  }

  /**
   * The value.
   *
   * @throws DeferredNotLoadedException when it was not loaded
   */
  @SuppressWarnings("NullAway") // loaded: value holds a T, null only while not loaded
  public T get() {
    if (!loaded) {
      throw notLoadedError();
    }
    return value;
  }

  /**
   * The value: at once when loaded, else read from the database by the record's key (one query
   * reading that field alone). No record with the key any more is a
   * {@link RecordNotFoundException}.
   */
  @SuppressWarnings("NullAway") // loaded: value holds a T, null only while not loaded
  public Mono<T> get(Executor db) {
    Objects.requireNonNull(db, "db");
    if (loaded) {
      return Mono.just(value);
    }
    if (owner == null) {
      return Mono.error(new IllegalStateException("this deferred value was made by hand "
          + "(notLoaded()) and is bound to no stored record"));
    }
    return Mono.defer(() -> owner.load(db));
  }

  private DeferredNotLoadedException notLoadedError() {
    if (owner == null) {
      return new DeferredNotLoadedException(null, null, "this value was made by hand "
          + "(Deferred.notLoaded())");
    }
    String name = owner.schema.field(owner.field).name();
    return new DeferredNotLoadedException(owner.schema.name(), name, "include it in the query "
        + "that loads the " + owner.schema.name() + " records (.include(.."
        + RelationScope.upperSnake(name) + ")), or read it with record." + name + "().get(db)");
  }

  /** Equal loaded values compare by content, byte arrays too (inside an Optional as well). */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Deferred<?> d && d.loaded == loaded
        && Objects.deepEquals(unwrapped(d.value), unwrapped(value));
  }

  @Override
  public int hashCode() {
    Object v = unwrapped(value);
    return v instanceof byte[] b ? Arrays.hashCode(b) : Objects.hash(loaded, v);
  }

  private static @Nullable Object unwrapped(@Nullable Object v) {
    return v instanceof Optional<?> o ? o.orElse(null) : v;
  }

  @Override
  public String toString() {
    return loaded ? "Deferred[" + value + "]" : "Deferred[not loaded]";
  }

  /** The stored record a deferred value belongs to. */
  private record Owner<T>(ModelSchema schema, int field, Value.Record key,
      Function<Value, T> convert) {
    Mono<T> load(Executor db) {
      Query q = new Query(new Source.Model(schema.name()),
          RelationScope.equalities(schema.name(), schema.primaryKey(), key),
          new Returning.Project(List.of(new ExprNode.Field(schema.name(), field))),
          List.of(), null);
      return db.exec(q).next()
          .switchIfEmpty(Mono.error(() -> new RecordNotFoundException(schema.name(),
              "no record with this key to read its " + schema.field(field).name() + " from")))
          .map(v -> convert.apply(v instanceof Value.Record r && r.size() == 1 ? r.get(0) : v));
    }
  }
}
