package io.toasty;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import reactor.util.function.Tuple2;

/**
 * A pair of expressions compared as one value, made by {@link Expr#tuple(Expr, Expr)}: the
 * fields of a composite key, say. Only membership is offered; compare fields one by one for
 * the rest.
 *
 * <pre>{@code
 * TenantItems.filter(Expr.tuple(TenantItems.TENANT, TenantItems.ID)
 *     .in(List.of(Tuples.of("acme", 1L), Tuples.of("bolt", 2L))))
 * }</pre>
 *
 * @param <A> the first expression's type
 * @param <B> the second expression's type
 */
public final class Tuple2Expr<A, B> {
  private final Expr<A> first;
  private final Expr<B> second;

  Tuple2Expr(Expr<A> first, Expr<B> second) {
    this.first = Objects.requireNonNull(first, "first");
    this.second = Objects.requireNonNull(second, "second");
  }

  /** {@code (first, second) IN (values)}; an empty collection matches nothing. */
  public Condition in(Collection<? extends Tuple2<? extends A, ? extends B>> values) {
    Objects.requireNonNull(values, "values");
    return TupleIn.of(List.of(first, second), values.stream()
        .map(t -> List.<Object>of(t.getT1(), t.getT2())).toList());
  }

  /** {@code (first, second) IN (values)}. */
  @SafeVarargs
  public final Condition in(Tuple2<? extends A, ? extends B>... values) {
    return in(Arrays.asList(values));
  }

  /** {@code NOT ((first, second) IN (values))}; an empty collection matches every record. */
  public Condition notIn(Collection<? extends Tuple2<? extends A, ? extends B>> values) {
    return in(values).not();
  }

  /** {@code NOT ((first, second) IN (values))}. */
  @SafeVarargs
  public final Condition notIn(Tuple2<? extends A, ? extends B>... values) {
    return notIn(Arrays.asList(values));
  }
}
