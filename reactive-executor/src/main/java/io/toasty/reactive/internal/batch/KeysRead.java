package io.toasty.reactive.internal.batch;

import io.toasty.reactive.exec.BoundPlan;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The query of a batch of reads ({@link KeyGets}, {@link ValueLists}): the first request's
 * query with its filter replaced by {@code field IN (..)} of every request's value, padded to a
 * power of two with the last value repeated, so that one model has as few plans of it as sizes.
 */
public final class KeysRead {
  private KeysRead() {}

  /** The batch's query for {@code requests}, planned and bound by {@code binder}. */
  static BoundPlan bound(Function<Query, BoundPlan> binder, Query query, String model, int field,
      List<? extends WaitingBatches.Request<?>> requests) {
    int size = WaitingBatches.padded(requests.size());
    List<ExprNode> items = new ArrayList<>(size);
    for (WaitingBatches.Request<?> r : requests) {
      items.add(new ExprNode.Const(r.value()));
    }
    while (items.size() < size) {
      items.add(items.get(items.size() - 1));
    }
    return binder.apply(query.withFilter(
        new ExprNode.InList(new ExprNode.Field(model, field), items)));
  }
}
