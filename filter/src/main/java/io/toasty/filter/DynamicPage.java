package io.toasty.filter;

import io.toasty.Condition;
import io.toasty.Order;
import io.toasty.PageQuery;
import io.toasty.Select;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A filter, order and keyset page read from query parameters by {@link FilterParser#pageParams}:
 * the page's query is planned and cached like any other, and its cursors are those of
 * {@code paginate(size)} ({@code docs/pagination.md}), so a cursor made under another filter or
 * order fails as an {@code InvalidCursorException}.
 *
 * @param filter the condition ({@code TRUE} when the request gave none)
 * @param orders the sort, in order; empty when the request gave none (the key's order)
 * @param size   the page size
 * @param after  the cursor the page follows, or null
 * @param before the cursor the page precedes, or null (at most one of the two is set)
 */
public record DynamicPage(Condition filter, List<Order> orders, int size,
    @Nullable String after, @Nullable String before) {

  public DynamicPage {
    Objects.requireNonNull(filter, "filter");
    orders = List.copyOf(orders);
  }

  /**
   * The page of {@code select} narrowed by the filter and ordered as asked.
   *
   * <pre>{@code
   * Mono<Page<User>> page = parser.pageParams(params).applyTo(Users.all()).collect(db);
   * }</pre>
   */
  public <M> PageQuery<M> applyTo(Select<M> select) {
    Select<M> out = select.filter(filter);
    if (!orders.isEmpty()) {
      out = out.orderBy(orders.toArray(Order[]::new));
    }
    PageQuery<M> page = out.paginate(size);
    return before != null ? page.before(before) : page.after(after);
  }
}
