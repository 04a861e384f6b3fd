package io.toasty;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import reactor.util.function.Tuple3;

/**
 * Three expressions compared as one value, made by {@link Expr#tuple(Expr, Expr, Expr)}; see
 * {@link Tuple2Expr}.
 *
 * @param <A> the first expression's type
 * @param <B> the second expression's type
 * @param <C> the third expression's type
 */
public final class Tuple3Expr<A, B, C> {
  private final Expr<A> first;
  private final Expr<B> second;
  private final Expr<C> third;

  Tuple3Expr(Expr<A> first, Expr<B> second, Expr<C> third) {
    this.first = Objects.requireNonNull(first, "first");
    this.second = Objects.requireNonNull(second, "second");
    this.third = Objects.requireNonNull(third, "third");
  }

  /** {@code (first, second, third) IN (values)}; an empty collection matches nothing. */
  public Condition in(
      Collection<? extends Tuple3<? extends A, ? extends B, ? extends C>> values) {
    Objects.requireNonNull(values, "values");
    return TupleIn.of(List.of(first, second, third), values.stream()
        .map(t -> List.<Object>of(t.getT1(), t.getT2(), t.getT3())).toList());
  }

  /** {@code (first, second, third) IN (values)}. */
  @SafeVarargs
  public final Condition in(Tuple3<? extends A, ? extends B, ? extends C>... values) {
    return in(Arrays.asList(values));
  }

  /** {@code NOT ((first, second, third) IN (values))}; an empty collection matches every record. */
  public Condition notIn(
      Collection<? extends Tuple3<? extends A, ? extends B, ? extends C>> values) {
    return in(values).not();
  }

  /** {@code NOT ((first, second, third) IN (values))}. */
  @SafeVarargs
  public final Condition notIn(Tuple3<? extends A, ? extends B, ? extends C>... values) {
    return notIn(Arrays.asList(values));
  }
}
