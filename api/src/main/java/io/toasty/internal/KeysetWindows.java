package io.toasty.internal;

import io.toasty.Select;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A model query read as a walk of keyset windows: the query in its {@link KeysetOrder} (its own
 * order completed by the primary key), limited to {@code size} records, then again after the
 * last record read, until a window comes back short. An executor with a single connection (a
 * transaction) reads a query that preloads relations this way: each window's parents and their
 * children are read and handed on before the next window's query, so memory is bounded by a
 * window instead of by the whole result.
 *
 * <p>For executors; an application pages with {@link Select#paginate(int)}.
 */
public final class KeysetWindows {
  private final Query query;
  private final KeysetOrder order;
  private final int size;
  private final long offset;
  /** The most records to read in all, or -1 for no limit. */
  private final long limit;

  private KeysetWindows(Query query, KeysetOrder order, int size, long offset, long limit) {
    this.query = query;
    this.order = order;
    this.size = size;
    this.offset = offset;
    this.limit = limit;
  }

  /**
   * The walk of {@code query} in windows of {@code size} records; empty when it cannot be
   * walked by key: it is not a read of whole records of {@code model}, orders by something
   * other than the model's fields, or has a limit or offset that is not a constant.
   */
  public static Optional<KeysetWindows> of(ModelSchema model, Query query, int size) {
    PageSize.check(size);
    if (!(query.source() instanceof Source.Model m) || !m.model().equals(model.name())
        || !(query.returning() instanceof Returning.Model)) {
      return Optional.empty();
    }
    long offset = 0;
    long limit = -1;
    if (query.limit() != null) {
      Limit l = query.limit();
      Long count = constant(l.count());
      Long skip = l.offset() == null ? Long.valueOf(0) : constant(l.offset());
      if (count == null || skip == null || !l.partitionBy().isEmpty()) {
        return Optional.empty();
      }
      offset = skip;
      limit = count;
    }
    for (OrderBy o : query.orderBy()) {
      if (!(o.expr() instanceof ExprNode.Field f) || !f.model().equals(model.name())) {
        return Optional.empty();
      }
    }
    return Optional.of(new KeysetWindows(query, KeysetOrder.of(model, query), size, offset,
        limit));
  }

  private static @Nullable Long constant(ExprNode e) {
    return e instanceof ExprNode.Const c && c.value() instanceof Value.I64 n && n.value() >= 0
        ? n.value() : null;
  }

  /**
   * The query's records, in its order: {@code run} is called for one window's query at a time,
   * the next once the previous window's records were all read (a window's records are held
   * until they are handed on, so at most two windows are held).
   */
  public Flux<Value> walk(Function<Query, Flux<Value>> run) {
    Walk state = new Walk();
    return Mono.defer(() -> window(state, run))
        .repeat(() -> !state.done)
        .concatMapIterable(rows -> rows, 1);
  }

  private Mono<List<Value>> window(Walk state, Function<Query, Flux<Value>> run) {
    long want = limit < 0 ? size : Math.min(size, limit - state.read);
    if (want <= 0) {
      state.done = true;
      return Mono.just(List.of());
    }
    Query q = query.withOrderBy(order.orderBy()).withLimit(new Limit(
        new ExprNode.Const(new Value.I64(want)),
        state.last == null && offset > 0 ? new ExprNode.Const(new Value.I64(offset)) : null));
    if (state.last != null) {
      ExprNode past = order.after(state.last, false);
      q =
          q.withFilter(
              query.filter().equals(ExprNode.TRUE) ? past : ExprNode.and(query.filter(), past));
    }
    return run.apply(q).collectList().doOnNext(rows -> {
      state.read += rows.size();
      if (rows.size() < want) {
        state.done = true;
      } else {
        state.last = order.keyOf((Value.Record) rows.get(rows.size() - 1));
      }
    });
  }

  /** Where a walk is: the last key read, the records read, whether it is over. */
  private static final class Walk {
    volatile Value @Nullable [] last;
    volatile long read;
    volatile boolean done;
  }

  @Override
  public String toString() {
    return "KeysetWindows[" + size + ", " + query + "]";
  }
}
