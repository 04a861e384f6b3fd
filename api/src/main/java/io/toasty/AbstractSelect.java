package io.toasty;

import io.toasty.stmt.ExprPrinter;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The implementation behind every {@link Select}; {@code S} is the concrete query type, so that
 * builder methods of a generated {@code UserQuery} return {@code UserQuery}.
 */
public abstract class AbstractSelect<M, S extends AbstractSelect<M, S>> implements Select<M> {
  private final ModelDef<M> model;
  private final Query query;

  protected AbstractSelect(ModelDef<M> model, Query query) {
    this.model = Objects.requireNonNull(model, "model");
    this.query = Objects.requireNonNull(query, "query");
  }

  /** A query of the concrete type over {@code query}. */
  protected abstract S with(Query query);

  @Override
  public S filter(Expr<Boolean> condition) {
    Objects.requireNonNull(condition, "condition");
    io.toasty.stmt.Expr node = condition.node();
    io.toasty.stmt.Expr current = query.filter();
    return with(query.withFilter(current.equals(io.toasty.stmt.Expr.TRUE)
        ? node : io.toasty.stmt.Expr.and(current, node)));
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
    io.toasty.stmt.Expr offset = query.limit() == null ? null : query.limit().offset();
    return with(query.withLimit(new Limit(constant(count), offset)));
  }

  @Override
  public S offset(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + count);
    }
    io.toasty.stmt.Expr limit = query.limit() == null
        ? constant(Long.MAX_VALUE) : query.limit().count();
    return with(query.withLimit(new Limit(limit, constant(count))));
  }

  @Override
  @SafeVarargs
  public final S include(Include<M>... includes) {
    List<io.toasty.stmt.Include> all = new ArrayList<>(query.returning() instanceof Returning.Model m
        ? m.includes() : List.of());
    for (Include<M> i : includes) {
      Objects.requireNonNull(i, "include");
      if (!i.model().equals(model.name())) {
        throw new InvalidStatementException(model.name(), null, "cannot include a relation of "
            + i.model());
      }
      all.add(i.untyped());
    }
    return with(query.withReturning(new Returning.Model(all)));
  }

  @Override
  public Delete<M> delete() {
    return new Delete<>(model, new io.toasty.stmt.Delete(query.source(), mutationFilter(),
        new Returning.Count()));
  }

  /**
   * The filter an update or delete of this query's records uses. A limit, offset or order cannot
   * carry over to a mutation portably, so a query with one is refused rather than widened.
   */
  protected final io.toasty.stmt.Expr mutationFilter() {
    if (query.limit() != null || !query.orderBy().isEmpty()) {
      throw new UnsupportedFeatureException(Feature.ORDERED_MUTATION,
          null, "filter " + model.name() + " by its key instead");
    }
    return query.filter();
  }

  @Override
  public Flux<M> stream(Executor db) {
    Objects.requireNonNull(db, "db");
    return db.exec(query).map(v -> model.load((Value.Record) v));
  }

  @Override
  public Mono<List<M>> collect(Executor db) {
    return stream(db).collectList();
  }

  @Override
  public Mono<M> first(Executor db) {
    return with(query.withLimit(new Limit(constant(1), query.limit() == null
        ? null : query.limit().offset()))).stream(db).next();
  }

  @Override
  public Mono<M> get(Executor db) {
    return first(db).switchIfEmpty(Mono.error(() -> new RecordNotFoundException(model.name(),
        ExprPrinter.print(query.filter(), model.schema()))));
  }

  @Override
  public ModelDef<M> model() {
    return model;
  }

  @Override
  public Query untyped() {
    return query;
  }

  private static io.toasty.stmt.Expr constant(long n) {
    return new io.toasty.stmt.Expr.Const(new Value.I64(n));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + query + "]";
  }
}
