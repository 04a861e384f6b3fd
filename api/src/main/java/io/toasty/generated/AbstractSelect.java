package io.toasty.generated;

import io.toasty.DeferredPath;
import io.toasty.Delete;
import io.toasty.Executor;
import io.toasty.Expr;
import io.toasty.Feature;
import io.toasty.Include;
import io.toasty.ModelDef;
import io.toasty.Order;
import io.toasty.Projected;
import io.toasty.Redaction;
import io.toasty.RelationPath;
import io.toasty.Restore;
import io.toasty.Select;
import io.toasty.Selectable;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.internal.EagerChoice;
import io.toasty.internal.FirstRow;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.DeletedRows;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprPrinter;
import io.toasty.stmt.IncludeNode;
import io.toasty.stmt.KeyPin;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.ReadConsistency;
import io.toasty.stmt.Returning;
import io.toasty.stmt.RowLock;
import io.toasty.stmt.ShapeKey;
import io.toasty.stmt.Shaped;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;
import reactor.util.function.Tuple4;
import reactor.util.function.Tuples;

/**
 * The implementation behind every {@link Select}; {@code S} is the concrete query type, so that
 * builder methods of a generated {@code UserQuery} return {@code UserQuery}.
 */
@SuppressWarnings("unchecked")
public abstract class AbstractSelect<M, S extends AbstractSelect<M, S>> implements Select<M> {
  private final ModelDef<M> model;
  private final Query query;
  /** The shape key of the place that built this query, or null: see {@link ShapeKey}. */
  private final @Nullable ShapeKey shapeKey;

  protected AbstractSelect(ModelDef<M> model, Query query) {
    this(model, query, null);
  }

  /**
   * A query whose shape is that of every query built where {@code key} was made (generated
   * finders); null for none. Its values are taken out ({@link Shaped#of}) when it runs.
   */
  protected AbstractSelect(ModelDef<M> model, Query query, @Nullable ShapeKey key) {
    this.model = Objects.requireNonNull(model, "model");
    this.query = Objects.requireNonNull(query, "query");
    this.shapeKey = key;
  }

  /** A query of the concrete type over {@code query}. */
  protected abstract S with(Query query);

  /**
   * A query of the concrete type over {@code query} with the shape key {@code key}; this default
   * drops the key (generated query types keep it).
   */
  protected S with(Query query, ShapeKey key) {
    return with(query);
  }

  /** {@code limited} in place of this query's (absent) limit, under the limited shape key. */
  private S limited(Limit limited) {
    if (shapeKey != null && query.limit() == null && limited.offset() == null) {
      return with(query.withLimit(limited), shapeKey.limited());
    }
    return with(query.withLimit(limited));
  }

  /** {@inheritDoc} A second filter is ANDed with the first. */
  @Override
  public S filter(Expr<Boolean> condition) {
    Objects.requireNonNull(condition, "condition");
    ExprNode node = condition.node();
    ExprNode current = query.filter();
    return with(query.withFilter(current.equals(ExprNode.TRUE)
        ? node : ExprNode.and(current, node)));
  }

  /** {@inheritDoc} */
  @Override
  public S and(Expr<Boolean> condition) {
    return filter(condition);
  }

  @Override
  public S orderBy(Order... orders) {
    List<OrderBy> terms = new ArrayList<>(orders.length);
    for (Order o : orders) {
      terms.add(Objects.requireNonNull(o, "order").node());
    }
    return with(query.withOrderBy(terms));
  }

  @Override
  public S thenBy(Order order) {
    List<OrderBy> terms = new ArrayList<>(query.orderBy());
    terms.add(Objects.requireNonNull(order, "order").node());
    return with(query.withOrderBy(terms));
  }

  @Override
  public S limit(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + count);
    }
    ExprNode offset = query.limit() == null ? null : query.limit().offset();
    return limited(new Limit(constant(count), offset));
  }

  /**
   * Locks the returned rows exclusively until the transaction ends ({@code FOR UPDATE}). Only
   * inside a transaction: alone, the query fails with an {@link InvalidStatementException}.
   */
  public S forUpdate() {
    return lock(RowLock.Mode.UPDATE, null);
  }

  /**
   * Locks the returned rows against changes by others until the transaction ends
   * ({@code FOR SHARE}); other transactions may share the lock.
   */
  public S forShare() {
    return lock(RowLock.Mode.SHARE, null);
  }

  /**
   * Leaves out rows another transaction holds locked ({@code SKIP LOCKED}): workers of a queue
   * each take different rows. Implies {@link #forUpdate()} unless {@link #forShare()} is set.
   */
  public S skipLocked() {
    return lock(null, RowLock.OnLocked.SKIP_LOCKED);
  }

  /**
   * Fails at once, instead of waiting, when a row is locked by another transaction
   * ({@code NOWAIT}). Implies {@link #forUpdate()} unless {@link #forShare()} is set.
   */
  public S noWait() {
    return lock(null, RowLock.OnLocked.NOWAIT);
  }

  /**
   * Accepts an eventually consistent read wherever the backend can answer from an index's copy:
   * on DynamoDB a filter on an indexed field takes the items straight from the index's Query (one
   * request), as it does by default for a non-unique index, and a filter on every field of a
   * unique index does too, instead of the strongly consistent read of its uniqueness item. A
   * record written a moment ago may be missing, or seen as it was, for a moment. SQL backends
   * read as always. For every query of a {@code Db}:
   * {@code Toasty.builder().eventuallyConsistentReads()}.
   */
  public S eventuallyConsistent() {
    return with(query.withConsistency(ReadConsistency.EVENTUAL));
  }

  /**
   * Asks for strongly consistent items: on DynamoDB a filter on an indexed field takes the keys
   * from the index's Query and then reads each item by key (two requests, a read unit per item),
   * so that a record deleted since stays out and one changed since shows its current values.
   * Which records the index holds is still eventually consistent. SQL backends read as always.
   * For every query of a {@code Db}: {@code Toasty.builder().stronglyConsistentReads()}.
   */
  public S stronglyConsistent() {
    return with(query.withConsistency(ReadConsistency.STRONG));
  }

  private S lock(RowLock.@Nullable Mode mode, RowLock.@Nullable OnLocked wait) {
    RowLock now = query.lock();
    RowLock.Mode m = mode != null ? mode : now != null ? now.mode() : RowLock.Mode.UPDATE;
    RowLock.OnLocked w = wait != null ? wait : now != null ? now.onLocked() : RowLock.OnLocked.WAIT;
    return with(query.withLock(new RowLock(m, w)));
  }

  @Override
  public S offset(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + count);
    }
    ExprNode limit = query.limit() == null
        ? constant(Long.MAX_VALUE) : query.limit().count();
    return with(query.withLimit(new Limit(limit, constant(count))));
  }

  @Override
  @SafeVarargs
  public final S include(Include<M>... includes) {
    List<IncludeNode> all = new ArrayList<>(shape().includes());
    List<ExprNode.Field> fields = new ArrayList<>();
    for (Include<M> i : includes) {
      Objects.requireNonNull(i, "include");
      if (!i.model().equals(model.name())) {
        throw new InvalidStatementException(model.name(), null, "cannot include a relation of "
            + i.model());
      }
      if (i instanceof DeferredPath<?, ?> d) {
        fields.add(d.field());
      } else {
        all.add(i.untyped());
      }
    }
    return with(query.withReturning(shape().withIncludes(all).reading(fields)));
  }

  /**
   * {@inheritDoc} Relations the query includes itself are still loaded.
   */
  @Override
  public S withoutEager() {
    return with(query.withReturning(shape().withoutEager()));
  }

  @Override
  @SafeVarargs
  public final S exclude(RelationPath<M, ?>... relations) {
    return with(query.withReturning(shape().excluding(EagerChoice.fields(model.name(),
        relations))));
  }

  /** The query's model returning (a plain one when it has none yet). */
  private Returning.Model shape() {
    return query.returning() instanceof Returning.Model m ? m : Returning.Model.plain();
  }

  @Override
  public Delete<M> delete() {
    return new Delete<>(model, new DeleteNode(query.source(), mutationFilter(),
        new Returning.Count()), mutationRefusal());
  }

  /**
   * This query of a {@code @SoftDelete} model over its deleted records too: queries otherwise
   * see only live ones. Its includes and relation filters still see live related records only.
   * Throws {@link InvalidStatementException} for a model without {@code @SoftDelete}.
   */
  public S withDeleted() {
    return with(query.withFilter(ExprNode.and(query.filter(), marker("withDeleted").either())));
  }

  /**
   * This query of a {@code @SoftDelete} model over its deleted records only. Throws {@link
   * InvalidStatementException} for a model without {@code @SoftDelete}.
   */
  public S onlyDeleted() {
    return with(query.withFilter(ExprNode.and(query.filter(), marker("onlyDeleted").deleted())));
  }

  /**
   * The hard delete of the records this query matches, live or deleted: they are removed for
   * good, with the cascade a delete of a model without {@code @SoftDelete} has
   * ({@code onlyDeleted().purge()} removes only deleted ones). Throws {@link
   * InvalidStatementException} for a model without {@code @SoftDelete}.
   */
  public Delete<M> purge() {
    DeletedRows marker = marker("purge");
    ExprNode filter = marker.chosenBy(query.filter()) ? query.filter()
        : ExprNode.and(query.filter(), marker.either());
    return new Delete<>(model, new DeleteNode(query.source(), filter, new Returning.Count()),
        mutationRefusal());
  }

  /**
   * Clears the deletion marker of the deleted records this query matches; the result is the
   * number restored. Throws {@link InvalidStatementException} for a model without
   * {@code @SoftDelete}.
   */
  public Restore<M> restore() {
    DeletedRows marker = marker("restore");
    return new Restore<>(model, new UpdateNode(query.source(),
        ExprNode.and(query.filter(), marker.deleted()),
        List.of(new Assignment(marker.field(), marker.cleared())), new Returning.Count()),
        mutationRefusal());
  }

  /** The model's deletion marker, or the refusal of {@code op} on a model without one. */
  private DeletedRows marker(String op) {
    DeletedRows marker = DeletedRows.of(model.schema());
    if (marker == null) {
      throw new InvalidStatementException(model.name(), null, op + "() needs a model with a "
          + "@SoftDelete field");
    }
    return marker;
  }

  /** The filter an update or delete of this query's records uses: the query's own. */
  protected final ExprNode mutationFilter() {
    return query.filter();
  }

  /**
   * {@code update}, carrying this query's refusal when it has one: a limit, offset or order
   * cannot carry over to a mutation portably, so the mutation is refused rather than widened.
   * The refusal is an error signal of the update's {@code exec}, never an exception thrown while
   * it is built; nothing reaches the database.
   */
  protected final <U extends AbstractUpdate<M, ?, ?>> U mutation(U update) {
    update.refuse(mutationRefusal());
    return update;
  }

  /** Why an update or delete of this query is refused, or {@code null} when it is not. */
  private @Nullable UnsupportedFeatureException mutationRefusal() {
    if (query.limit() != null || !query.orderBy().isEmpty()) {
      return new UnsupportedFeatureException(Feature.ORDERED_MUTATION,
          null, "filter " + model.name() + " by its key instead");
    }
    return null;
  }

  @Override
  public Flux<M> stream(Executor db) {
    Objects.requireNonNull(db, "db");
    Shaped shaped = shaped();
    return shaped == null ? db.read(query, model) : db.read(query, model, shaped);
  }

  @Override
  public Mono<List<M>> collect(Executor db) {
    Objects.requireNonNull(db, "db");
    return db.readAll(query, model, shaped());
  }

  /** This query's values under its shape key; null without a key or where none can be taken. */
  private @Nullable Shaped shaped() {
    return shapeKey == null ? null : Shaped.of(shapeKey, query);
  }

  @Override
  public Mono<Long> count(Executor db) {
    Objects.requireNonNull(db, "db");
    Query counted = new Query(query.source(), query.filter(), new Returning.Count(), List.of(),
        null);
    Limit limit = query.limit();
    return db.exec(counted).next().map(v -> bounded(((Value.I64) v).value(), limit));
  }

  /** {@code total} as {@code limit} bounds it: the rows after the offset, at most the count. */
  private static long bounded(long total, @Nullable Limit limit) {
    if (limit == null) {
      return total;
    }
    long skipped = limit.offset() == null ? 0 : literal(limit.offset());
    return Math.min(Math.max(total - skipped, 0), literal(limit.count()));
  }

  private static long literal(ExprNode e) {
    return ((Value.I64) ((ExprNode.Const) e).value()).value();
  }

  @Override
  public Mono<Boolean> exists(Executor db) {
    Objects.requireNonNull(db, "db");
    List<ExprNode> key = new ArrayList<>();
    for (int field : model.schema().primaryKey()) {
      key.add(new ExprNode.Field(model.name(), field));
    }
    ExprNode offset = query.limit() == null ? null : query.limit().offset();
    Query probe = new Query(query.source(), query.filter(), new Returning.Project(key),
        query.orderBy(), new Limit(constant(1), offset));
    return db.exec(probe).hasElements();
  }

  /**
   * {@inheritDoc} At most one row comes back (the key pins it, else {@code LIMIT 1}), so the rows
   * are read to their end rather than cancelled after the first: a cancelled read costs a drain
   * of the statement's end over the wire and a release that waits for it.
   */
  @Override
  public Mono<M> first(Executor db) {
    return new FirstRow<>(atMostOne(db), null);
  }

  @Override
  public Mono<M> get(Executor db) {
    return new FirstRow<>(atMostOne(db), () -> new RecordNotFoundException(model.name(),
        ExprPrinter.print(query.filter(), model.schema())));
  }

  /** This query's rows, at most one: as they are when the key pins them, else with LIMIT 1. */
  private Flux<M> atMostOne(Executor db) {
    if (query.limit() == null && KeyPin.pins(query.filter(), model.schema())) {
      return stream(db); // no LIMIT to send and bind
    }
    return limited(new Limit(constant(1), query.limit() == null
        ? null : query.limit().offset())).stream(db);
  }

  @Override
  public <A> Projected<A> select(Selectable<A> a) {
    return select(v -> (A) nonNull(v, List.of(a))[0], List.of(a));
  }

  @Override
  public <A, B> Projected<Tuple2<A, B>> select(Selectable<A> a, Selectable<B> b) {
    List<Selectable<?>> exprs = List.of(a, b);
    return select(v -> Tuples.of((A) nonNull(v, exprs)[0], (B) v[1]), exprs);
  }

  @Override
  public <A, B, C> Projected<Tuple3<A, B, C>> select(Selectable<A> a, Selectable<B> b,
      Selectable<C> c) {
    List<Selectable<?>> exprs = List.of(a, b, c);
    return select(v -> Tuples.of((A) nonNull(v, exprs)[0], (B) v[1], (C) v[2]), exprs);
  }

  @Override
  public <A, B, C, D> Projected<Tuple4<A, B, C, D>> select(Selectable<A> a, Selectable<B> b,
      Selectable<C> c, Selectable<D> d) {
    List<Selectable<?>> exprs = List.of(a, b, c, d);
    return select(v -> Tuples.of((A) nonNull(v, exprs)[0], (B) v[1], (C) v[2], (D) v[3]), exprs);
  }

  /**
   * {@code values}, when none is null: a Reactor tuple (and a Flux) cannot hold null, so a NULL
   * result (a nullable field, a SUM over no row) is a typed error naming the expression.
   */
  private Object[] nonNull(Object[] values, List<Selectable<?>> exprs) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new InvalidStatementException(model.name(), null, "selected value " + (i + 1)
            + " (" + ExprPrinter.print(exprs.get(i).node(), model.schema()) + ") is NULL, which a "
            + "tuple cannot hold: select with a mapper (select(mapper, exprs)) or a @Projection "
            + "record with a nullable component");
      }
    }
    return values;
  }

  /**
   * {@inheritDoc} Each value is read by its selection ({@link Selectable#read}), the one place
   * where a projected value gets its Java type.
   */
  @Override
  public <R> Projected<R> select(Function<Object[], R> mapper,
      List<? extends Selectable<?>> exprs) {
    Objects.requireNonNull(mapper, "mapper");
    List<ExprNode> nodes = new ArrayList<>(exprs.size());
    List<Selectable<?>> readers = new ArrayList<>(exprs.size());
    for (Selectable<?> e : exprs) {
      nodes.add(Objects.requireNonNull(e, "expr").node());
      readers.add(e);
    }
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("select needs at least one expression");
    }
    return new Projected<>(query.withReturning(Returning.Model.plain()), nodes, row -> {
      Object[] values = new Object[readers.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = readers.get(i).read(row.get(i));
      }
      return mapper.apply(values);
    });
  }

  @Override
  public ModelDef<M> model() {
    return model;
  }

  @Override
  public Query untyped() {
    return query;
  }

  private static ExprNode constant(long n) {
    return new ExprNode.Const(new Value.I64(n));
  }

  @Override
  public String toString() {
    if (Redaction.hasSensitive(model.schema())) {
      // the query record prints its constants: a sensitive model shows its filter masked
      return getClass().getSimpleName() + "[" + model.name() + " where "
          + ExprPrinter.print(query.filter(), model.schema()) + "]";
    }
    return getClass().getSimpleName() + "[" + query + "]";
  }
}
