package io.toasty.filter;

import io.toasty.Condition;
import io.toasty.Order;
import io.toasty.Select;
import java.util.List;
import java.util.Objects;

/**
 * A filter, order and page read from a request by {@link FilterParser}: the same typed values the
 * DSL builds, so a query made from it is planned (and its plan cached) like any other.
 *
 * @param filter the condition ({@code TRUE} when the request gave none)
 * @param orders the sort, in order; empty when the request gave none
 * @param limit  the page size (the limits' default when the request gave none)
 * @param offset how many records to skip; 0 when the request gave none
 */
public record DynamicQuery(Condition filter, List<Order> orders, long limit, long offset) {

  public DynamicQuery {
    Objects.requireNonNull(filter, "filter");
    orders = List.copyOf(orders);
  }

  /**
   * {@code select} narrowed by the filter, ordered and paged as asked.
   *
   * <pre>{@code
   * Flux<User> page = parser.query(body).applyTo(Users.all()).stream(db);
   * }</pre>
   */
  public <M> Select<M> applyTo(Select<M> select) {
    Select<M> out = select.filter(filter);
    if (!orders.isEmpty()) {
      out = out.orderBy(orders.toArray(Order[]::new));
    }
    out = out.limit(limit);
    return offset > 0 ? out.offset(offset) : out;
  }
}
