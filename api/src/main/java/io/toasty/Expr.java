package io.toasty;

import io.toasty.stmt.ExprNode.CompareOp;
import io.toasty.stmt.ExprNode;
import io.toasty.value.JavaValues;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A typed expression over a model's fields: a {@link Path}, or what operators build from paths.
 * It only builds plain {@link ExprNode} nodes; nothing is evaluated here.
 *
 * <pre>{@code
 * Users.filter(Users.NAME.eq("Carl").or(Users.NICKNAME.isNull()))
 * }</pre>
 *
 * @param <T> the Java type the expression evaluates to
 */
public class Expr<T> implements Selectable<T> {
  private final ExprNode node;
  private final Type type;
  private final @Nullable Selectable<T> readAs;

  /** An expression of the given node and type; generated code and operators call this. */
  public Expr(ExprNode node, Type type) {
    this(node, type, null);
  }

  /**
   * An expression whose results are read as {@code readAs} reads its own ({@code null}: by
   * {@code type}): an aggregate such as {@code MIN} gives values of its operand's Java type.
   */
  public Expr(ExprNode node, Type type, @Nullable Selectable<T> readAs) {
    this.node = Objects.requireNonNull(node, "node");
    this.type = Objects.requireNonNull(type, "type");
    this.readAs = readAs;
  }

  /** The untyped node. */
  @Override
  public final ExprNode node() {
    return node;
  }

  /**
   * {@inheritDoc} By the expression's type ({@link JavaValues}): a {@code Long} for a count, a
   * {@code Double} for an average; a field's path reads its field's Java type (an enum's
   * constant, a JSON document's object, a collection).
   */
  @Override
  @SuppressWarnings("unchecked")
  public @Nullable T read(Value value) {
    if (value.isNull()) {
      return null;
    }
    return readAs != null ? readAs.read(value) : (T) JavaValues.of(type, value);
  }

  /** The type the expression evaluates to. */
  public final Type type() {
    return type;
  }

  /** {@code this = value}; a null value matches nothing (use {@link #isNull()}). */
  public final Condition eq(@Nullable T value) {
    return compare(CompareOp.EQ, literal(value));
  }

  /** {@code this = other}. */
  public final Condition eq(Expr<T> other) {
    return compare(CompareOp.EQ, other.node);
  }

  /** {@code this <> value}. */
  public final Condition ne(T value) {
    return compare(CompareOp.NE, literal(value));
  }

  /** {@code this <> other}. */
  public final Condition ne(Expr<T> other) {
    return compare(CompareOp.NE, other.node);
  }

  /** {@code this > value}. */
  public final Condition gt(T value) {
    return compare(CompareOp.GT, literal(value));
  }

  /** {@code this > other}. */
  public final Condition gt(Expr<T> other) {
    return compare(CompareOp.GT, other.node);
  }

  /** {@code this >= value}. */
  public final Condition ge(T value) {
    return compare(CompareOp.GE, literal(value));
  }

  /** {@code this >= other}. */
  public final Condition ge(Expr<T> other) {
    return compare(CompareOp.GE, other.node);
  }

  /** {@code this < value}. */
  public final Condition lt(T value) {
    return compare(CompareOp.LT, literal(value));
  }

  /** {@code this < other}. */
  public final Condition lt(Expr<T> other) {
    return compare(CompareOp.LT, other.node);
  }

  /** {@code this <= value}. */
  public final Condition le(T value) {
    return compare(CompareOp.LE, literal(value));
  }

  /** {@code this <= other}. */
  public final Condition le(Expr<T> other) {
    return compare(CompareOp.LE, other.node);
  }

  /**
   * {@code this BETWEEN low AND high}: {@code low <= this AND this <= high}, bounds included (an
   * empty range when {@code low > high}); unknown, so not matched, when this is NULL.
   */
  public final Condition between(T low, T high) {
    return ge(low).and(le(high));
  }

  /** {@code this BETWEEN low AND high} over other expressions (fields of the same type). */
  public final Condition between(Expr<T> low, Expr<T> high) {
    return ge(low).and(le(high));
  }

  /**
   * {@code this NOT BETWEEN low AND high}: below {@code low} or above {@code high}; a NULL is
   * neither, so it is not matched either.
   */
  public final Condition notBetween(T low, T high) {
    return between(low, high).not();
  }

  /** {@code this NOT BETWEEN low AND high} over other expressions. */
  public final Condition notBetween(Expr<T> low, Expr<T> high) {
    return between(low, high).not();
  }

  /** {@code this IS NOT DISTINCT FROM value}: like {@link #eq} but NULL matches NULL. */
  public final Condition isNotDistinctFrom(@Nullable T value) {
    return new Condition(new ExprNode.IsNotDistinctFrom(node, literal(value)));
  }

  /** {@code this IS NOT DISTINCT FROM other}: like {@link #eq} but NULL matches NULL. */
  public final Condition isNotDistinctFrom(Expr<T> other) {
    return new Condition(new ExprNode.IsNotDistinctFrom(node, other.node));
  }

  /** {@code this IS DISTINCT FROM value}: like {@link #ne} but NULL differs from any value. */
  public final Condition isDistinctFrom(@Nullable T value) {
    return isNotDistinctFrom(value).not();
  }

  /** {@code this IS NULL}. */
  public final Condition isNull() {
    return new Condition(new ExprNode.IsNull(node));
  }

  /** {@code this IS NOT NULL}. */
  public final Condition isNotNull() {
    return isNull().not();
  }

  /** {@code this IN (values)}; an empty collection matches nothing. */
  public final Condition in(Collection<? extends T> values) {
    Objects.requireNonNull(values, "values");
    List<ExprNode> items = new ArrayList<>(values.size());
    for (T v : values) {
      items.add(literal(v));
    }
    return new Condition(new ExprNode.InList(node, items));
  }

  /** {@code this IN (values)}. */
  @SafeVarargs
  public final Condition in(T... values) {
    return in(Arrays.asList(values));
  }

  /** {@code NOT (this IN (values))}; an empty collection matches every non-null value. */
  public final Condition notIn(Collection<? extends T> values) {
    return in(values).not();
  }

  /** {@code NOT (this IN (values))}. */
  @SafeVarargs
  public final Condition notIn(T... values) {
    return notIn(Arrays.asList(values));
  }

  /**
   * Two expressions as one tuple, for membership of a composite key in a list of pairs:
   * {@code Expr.tuple(TenantItems.TENANT, TenantItems.ID).in(Tuples.of("acme", 1L))}.
   */
  public static <A, B> Tuple2Expr<A, B> tuple(Expr<A> first, Expr<B> second) {
    return new Tuple2Expr<>(first, second);
  }

  /** Three expressions as one tuple; see {@link #tuple(Expr, Expr)}. */
  public static <A, B, C> Tuple3Expr<A, B, C> tuple(Expr<A> first, Expr<B> second,
      Expr<C> third) {
    return new Tuple3Expr<>(first, second, third);
  }

  /**
   * A raw SQL condition: {@code template} with {@code {0}}, {@code {1}}, .. for {@code operands}
   * (paths render as the dialect's quoted column names) and {@code :name} parameters to
   * {@link SqlFragment#bind bind}; values never enter the text. Only SQL backends run it.
   *
   * <pre>{@code
   * Users.filter(Expr.sql("lower({0}) = :x", Users.NAME).bind("x", "ann"))
   * }</pre>
   *
   * @throws IllegalArgumentException for positional markers ({@code ?}, {@code $1}), an unclosed
   *     quote or comment, or a reference to an operand not given
   */
  public static SqlFragment sql(String template, Expr<?>... operands) {
    return SqlFragment.of(template, Arrays.asList(operands));
  }

  /** The literal node for a value of this expression's type. */
  protected final ExprNode literal(@Nullable T value) {
    // a field's path knows its values' form (a JSON document); other expressions take Value.of
    return new ExprNode.Const(this instanceof Path<T> p ? p.toValue(value)
        : Value.of(value));
  }

  private Condition compare(CompareOp op, ExprNode right) {
    return new Condition(new ExprNode.Compare(op, node, right));
  }

  @Override
  public String toString() {
    return node.toString();
  }
}
