package io.toasty;

import io.toasty.internal.KeysetOrder;
import io.toasty.internal.PageSize;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * A numbered page of a query, made by {@link Select#page(long, int)}: page {@code number}
 * (from 0) of {@code size} records, in the query's order completed by the primary key. Offset
 * pages let a client jump to any page, but the database reads and skips every record before
 * the page, and records written meanwhile shift the pages; prefer {@link PageQuery} for long
 * listings.
 *
 * <pre>{@code
 * Mono<Page<User>> third = Users.all().orderBy(Users.NAME.asc()).page(2, 20).withTotal()
 *     .collect(db);
 * }</pre>
 *
 * @param <M> the model's record type
 */
public final class OffsetPageQuery<M> {
  private final ModelDef<M> model;
  private final Query query;
  private final long number;
  private final int size;
  private final boolean withTotal;

  OffsetPageQuery(ModelDef<M> model, Query query, long number, int size, boolean withTotal) {
    this.model = Objects.requireNonNull(model, "model");
    this.query = Objects.requireNonNull(query, "query");
    if (number < 0) {
      throw new IllegalArgumentException("page numbers start at 0, was " + number);
    }
    PageSize.check(size);
    if (number > (Long.MAX_VALUE - 1) / size) {
      throw new IllegalArgumentException("page " + number + " of " + size + " is out of range");
    }
    this.number = number;
    this.size = size;
    this.withTotal = withTotal;
  }

  /**
   * This page, also counting every record the query matches ({@link Page#total()}): one more
   * query, a {@code SELECT COUNT(*)} (DynamoDB: {@code Select=COUNT}) that reads no records.
   */
  public OffsetPageQuery<M> withTotal() {
    return new OffsetPageQuery<>(model, query, number, size, true);
  }

  /** Runs the page's query (and the count, when asked for, after it). */
  public Mono<Page<M>> collect(Executor db) {
    Objects.requireNonNull(db, "db");
    return Mono.defer(() -> {
      if (query.limit() != null) {
        return Mono.error(PageQuery.limited(model));
      }
      KeysetOrder order = KeysetOrder.of(model.schema(), query);
      Query q = query.withOrderBy(order.orderBy()).withLimit(new Limit(
          constant(size + 1L), constant(number * size)));
      Mono<List<M>> fetched = db.exec(q).map(v -> model.load((Value.Record) v)).collectList();
      Mono<Long> total = withTotal ? db.exec(new Query(query.source(), query.filter(),
          new Returning.Count(), List.of(), null)).next()
          .map(v -> ((Value.I64) v).value()).defaultIfEmpty(0L) : Mono.just(-1L);
      return fetched.zipWhen(items -> total, (items, n) -> new Page<>(
          new ArrayList<>(items.subList(0, Math.min(size, items.size()))), items.size() > size,
          number > 0, null, null, n < 0 ? null : n));
    });
  }

  private static ExprNode constant(long n) {
    return new ExprNode.Const(new Value.I64(n));
  }
}
