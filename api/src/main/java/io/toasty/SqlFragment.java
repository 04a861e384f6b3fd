package io.toasty;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.SqlText;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A raw SQL condition inside a typed query, made by {@link Expr#sql}: {@code {0}}, {@code {1}}
 * stand for the given paths (rendered as the dialect's quoted column names) and {@code :name}
 * for values bound with {@link #bind} (rendered as bind markers). Its text is part of the
 * query's shape, so each distinct text is planned once and cached. Only SQL backends run it;
 * elsewhere the query is refused with {@link Feature#SQL}.
 *
 * <pre>{@code
 * Users.filter(Expr.sql("lower({0}) = :x", Users.NAME).bind("x", "ann")).collect(db)
 * }</pre>
 */
public final class SqlFragment extends Expr<Boolean> {
  private final SqlText text;
  private final List<Expr<?>> operands;
  private final Map<String, Value> values;

  SqlFragment(SqlText text, List<Expr<?>> operands, Map<String, Value> values) {
    super(node(text, operands, values), Type.Scalar.BOOL);
    this.text = text;
    this.operands = operands;
    this.values = values;
  }

  /** The fragment of {@code template} over {@code operands}; see {@link Expr#sql}. */
  static SqlFragment of(String template, List<Expr<?>> operands) {
    SqlText text = SqlText.parse(template, true);
    for (String name : text.names()) {
      if (name.startsWith("{")) {
        int i = Integer.parseInt(name.substring(1, name.length() - 1));
        if (i >= operands.size()) {
          throw new IllegalArgumentException(name + " refers to operand " + i + " of "
              + operands.size());
        }
      }
    }
    return new SqlFragment(text, List.copyOf(operands), Map.of());
  }

  /**
   * This fragment with {@code value} bound to {@code :name} (every occurrence); null binds NULL.
   *
   * @throws IllegalArgumentException if the text has no such parameter, or the value's type
   *     has no mapping
   */
  public SqlFragment bind(String name, @Nullable Object value) {
    Objects.requireNonNull(name, "name");
    if (!text.names().contains(name)) {
      throw new IllegalArgumentException("the fragment has no parameter :" + name);
    }
    Map<String, Value> more = new LinkedHashMap<>(values);
    more.put(name, Value.of(value));
    return new SqlFragment(text, operands, more);
  }

  /** This fragment as a {@link Condition}, to combine with and/or/not. */
  public Condition condition() {
    return Condition.of(this);
  }

  private static ExprNode node(SqlText text, List<Expr<?>> operands,
      Map<String, Value> values) {
    List<ExprNode> nodes = new ArrayList<>(text.names().size());
    List<String> unbound = new ArrayList<>();
    for (String name : text.names()) {
      if (name.startsWith("{")) {
        nodes.add(operands.get(Integer.parseInt(name.substring(1, name.length() - 1))).node());
      } else if (values.containsKey(name)) {
        nodes.add(new ExprNode.Const(values.get(name)));
      } else {
        nodes.add(ExprNode.NULL);
        if (!unbound.contains(name)) {
          unbound.add(name);
        }
      }
    }
    return new ExprNode.Sql(text.pieces(), nodes, unbound);
  }
}
