package io.toasty;

import io.toasty.error.InvalidCursorException;
import io.toasty.error.InvalidStatementException;
import io.toasty.internal.KeysetOrder;
import io.toasty.internal.PageSize;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprPrinter;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A keyset (cursor) page of a query, made by {@link Select#paginate(int)}: the query's order,
 * completed by the primary key so that no two records tie, continued after or before a cursor of
 * an earlier page. Each page is one query of the filter and {@code key > cursor}, limited to
 * the page size plus one (the extra record says whether another page follows, without a count).
 *
 * <pre>{@code
 * Mono<Page<Post>> first = Posts.filterByAuthorId(7L).orderBy(Posts.CREATED_AT.desc())
 *     .paginate(20).collect(db);
 * Mono<Page<Post>> second = Posts.filterByAuthorId(7L).orderBy(Posts.CREATED_AT.desc())
 *     .paginate(20).after(page.next().orElseThrow()).collect(db);
 * }</pre>
 *
 * <p>Cursors are signed with the {@code Db}'s {@link CursorKey} and bound to the query's model
 * and order: a cursor that was altered, truncated, or made by another query is refused with
 * {@link InvalidCursorException}, as a signal.
 *
 * @param <M> the model's record type
 */
public final class PageQuery<M> {
  private final ModelDef<M> model;
  private final Query query;
  private final int size;
  private final @Nullable String after;
  private final @Nullable String before;

  PageQuery(ModelDef<M> model, Query query, int size, @Nullable String after,
      @Nullable String before) {
    this.model = Objects.requireNonNull(model, "model");
    this.query = Objects.requireNonNull(query, "query");
    this.size = PageSize.check(size);
    this.after = after;
    this.before = before;
  }

  /**
   * The page following the record {@code cursor} points at ({@link Page#next()}); {@code null}
   * for the first page, as a missing request parameter reads. Replaces an earlier cursor.
   */
  public PageQuery<M> after(@Nullable String cursor) {
    return new PageQuery<>(model, query, size, cursor, null);
  }

  /**
   * The page preceding the record {@code cursor} points at ({@link Page#previous()}), its
   * records still in the query's order; {@code null} for the first page.
   */
  public PageQuery<M> before(@Nullable String cursor) {
    return new PageQuery<>(model, query, size, null, cursor);
  }

  /**
   * Runs the page's query. Errors with {@link InvalidCursorException} for a bad cursor,
   * {@link InvalidStatementException} for a query that also has a limit or offset or orders by
   * something other than fields, and as the query itself would.
   */
  public Mono<Page<M>> collect(Executor db) {
    Objects.requireNonNull(db, "db");
    return Mono.defer(() -> {
      if (query.limit() != null) {
        return Mono.error(limited(model));
      }
      KeysetOrder order = KeysetOrder.of(model.schema(), query);
      CursorKey secret = db.cursorKey();
      boolean backward = before != null;
      String cursor = backward ? before : after;
      CursorCodec.Position at = cursor == null ? null
          : CursorCodec.decode(order, secret, cursor);
      KeysetOrder walk = backward ? order.reversed() : order;
      Query q = query.withOrderBy(walk.orderBy())
          .withLimit(new Limit(new ExprNode.Const(new Value.I64(size + 1L)), null));
      if (at != null) {
        ExprNode past = walk.after(at.key(), at.inclusive());
        q = q.withFilter(query.filter().equals(ExprNode.TRUE) ? past
            : ExprNode.and(query.filter(), past));
      }
      return db.exec(q).map(v -> (Value.Record) v).collectList()
          .map(rows -> page(order, secret, rows, at, backward));
    });
  }

  /** The error of a page of a query that has a limit or offset of its own. */
  static InvalidStatementException limited(ModelDef<?> model) {
    return new InvalidStatementException(model.name(), null,
        "a page sets its own limit: page a query without limit or offset");
  }

  private Page<M> page(KeysetOrder order, CursorKey secret, List<Value.Record> fetched,
      CursorCodec.@Nullable Position at, boolean backward) {
    boolean more = fetched.size() > size;
    List<Value.Record> rows = new ArrayList<>(more ? fetched.subList(0, size) : fetched);
    if (backward) {
      Collections.reverse(rows);
    }
    boolean hasNext = backward ? at != null : more;
    boolean hasPrevious = backward ? more : at != null;
    String next = null;
    String previous = null;
    if (rows.isEmpty()) {
      // Nothing on this side of the cursor: turning back includes the record at it.
      String back = at == null ? null : CursorCodec.encode(order, secret, at.key(), true);
      next = backward ? back : null;
      previous = backward ? null : back;
    } else {
      if (hasNext) {
        next = CursorCodec.encode(order, secret, order.keyOf(rows.get(rows.size() - 1)), false);
      }
      if (hasPrevious) {
        previous = CursorCodec.encode(order, secret, order.keyOf(rows.get(0)), false);
      }
    }
    List<M> items = new ArrayList<>(rows.size());
    rows.forEach(r -> items.add(model.load(r)));
    return new Page<>(items, hasNext, hasPrevious, next, previous, null);
  }

  @Override
  public String toString() {
    return "PageQuery[" + size + (after != null ? ", after " + after : "")
        + (before != null ? ", before " + before : "") + ", "
        + (Redaction.hasSensitive(model.schema()) ? model.name() + " where "
            + ExprPrinter.print(query.filter(), model.schema()) : query) + "]";
  }
}
