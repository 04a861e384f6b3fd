package io.toasty.internal;

import io.toasty.error.InvalidStatementException;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.OrderBy.Direction;
import io.toasty.stmt.Query;
import io.toasty.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The total order a keyset page walks: the query's order terms, then the primary key fields it
 * lacks (those the filter fixes to one value excepted), so that no two records tie. NULL sorts
 * below every value on every backend: the order a query is sent with says so explicitly (a
 * nullable field is preceded by {@code field IS NULL}), since the dialects disagree by default.
 *
 * @param model the model
 * @param terms the key's fields and directions, in order
 */
public record KeysetOrder(ModelSchema model, List<Term> terms) {

  /** One field of the key. */
  public record Term(FieldSchema field, Direction direction) {
    ExprNode expr(ModelSchema model) {
      return new ExprNode.Field(model.name(), field.index());
    }

    Term reversed() {
      return new Term(field, direction == Direction.ASC ? Direction.DESC : Direction.ASC);
    }
  }

  /**
   * The key order of {@code query}.
   *
   * @throws InvalidStatementException when an order term is not a field of the model
   */
  public static KeysetOrder of(ModelSchema model, Query query) {
    List<Term> terms = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (OrderBy o : query.orderBy()) {
      if (!(o.expr() instanceof ExprNode.Field f) || !f.model().equals(model.name())) {
        throw new InvalidStatementException(model.name(), null,
            "pages follow orders by fields of the model only, not " + o.expr());
      }
      if (seen.add(f.index())) {
        terms.add(new Term(model.fields().get(f.index()), o.direction()));
      }
    }
    Set<Integer> fixed = fixedFields(model.name(), query.filter());
    for (int k : model.primaryKey()) {
      if (seen.add(k) && !fixed.contains(k)) {
        terms.add(new Term(model.fields().get(k), Direction.ASC));
      }
    }
    return new KeysetOrder(model, List.copyOf(terms));
  }

  /** Fields a top-level {@code field = constant} conjunct of {@code filter} fixes. */
  private static Set<Integer> fixedFields(String model, ExprNode filter) {
    Set<Integer> fixed = new HashSet<>();
    List<ExprNode> conjuncts =
        filter instanceof ExprNode.And and ? and.operands() : List.of(filter);
    for (ExprNode c : conjuncts) {
      if (c instanceof ExprNode.Compare cmp && cmp.op() == ExprNode.CompareOp.EQ) {
        if (cmp.left() instanceof ExprNode.Field f && f.model().equals(model)
            && cmp.right() instanceof ExprNode.Const k && !k.value().isNull()) {
          fixed.add(f.index());
        } else if (cmp.right() instanceof ExprNode.Field f && f.model().equals(model)
            && cmp.left() instanceof ExprNode.Const k && !k.value().isNull()) {
          fixed.add(f.index());
        }
      }
    }
    return fixed;
  }

  /** The same key walked backwards. */
  public KeysetOrder reversed() {
    return new KeysetOrder(model, terms.stream().map(Term::reversed).toList());
  }

  /** The ORDER BY terms to send: NULL explicitly first ascending, last descending. */
  public List<OrderBy> orderBy() {
    List<OrderBy> out = new ArrayList<>();
    for (Term t : terms) {
      if (t.field().nullable()) {
        out.add(new OrderBy(new ExprNode.IsNull(t.expr(model)),
            t.direction() == Direction.ASC ? Direction.DESC : Direction.ASC));
      }
      out.add(new OrderBy(t.expr(model), t.direction()));
    }
    return out;
  }

  /** The key's values in {@code row} (a record's field values). */
  public Value[] keyOf(Value.Record row) {
    Value[] key = new Value[terms.size()];
    for (int i = 0; i < key.length; i++) {
      key[i] = row.get(terms.get(i).field().index());
    }
    return key;
  }

  /**
   * The records strictly after {@code key} in this order (also the record at it, when {@code
   * inclusive}): one comparison (of row values, for several fields) when every field is
   * required and the directions agree, else the expanded chain {@code a > x OR (a = x AND b > y) ...} with NULL below
   * every value.
   */
  public ExprNode after(Value[] key, boolean inclusive) {
    if (terms.isEmpty()) {
      return inclusive ? ExprNode.TRUE : ExprNode.FALSE;   // the filter fixes the key: one record
    }
    if (sameDirection() && terms.stream().noneMatch(t -> t.field().nullable())
        && Arrays.stream(key).noneMatch(Value::isNull)) {
      List<ExprNode> fields = new ArrayList<>();
      List<ExprNode> values = new ArrayList<>();
      for (int i = 0; i < key.length; i++) {
        fields.add(terms.get(i).expr(model));
        values.add(new ExprNode.Const(key[i]));
      }
      ExprNode.CompareOp op = op(terms.get(0).direction(), inclusive);
      return fields.size() == 1
          ? new ExprNode.Compare(op, fields.get(0), values.get(0))
          : bounded(
              key,
              new ExprNode.Compare(op, new ExprNode.Record(fields), new ExprNode.Record(values)));
    }
    List<ExprNode> any = new ArrayList<>();
    List<ExprNode> equalSoFar = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      ExprNode beyond = beyond(terms.get(i), key[i]);
      if (beyond != null) {
        List<ExprNode> branch = new ArrayList<>(equalSoFar);
        branch.add(beyond);
        any.add(branch.size() == 1 ? branch.get(0) : new ExprNode.And(branch));
      }
      equalSoFar.add(equal(terms.get(i), key[i]));
    }
    if (inclusive) {
      any.add(equalSoFar.size() == 1 ? equalSoFar.get(0) : new ExprNode.And(equalSoFar));
    }
    return any.isEmpty() ? ExprNode.FALSE : any.size() == 1 ? any.get(0)
        : bounded(key, new ExprNode.Or(any));
  }

  /**
   * {@code chain} with the range of the first field it implies stated on its own
   * ({@code a >= x AND (a > x OR ..)}), where the field is required: a key-value backend reads
   * that range as its key condition (a partition's or an index's sort key) instead of filtering
   * from the partition's start; to SQL it is a redundant condition an index can serve.
   */
  private ExprNode bounded(Value[] key, ExprNode chain) {
    Term first = terms.get(0);
    if (first.field().nullable() || key[0].isNull()) {
      return chain;
    }
    return new ExprNode.And(
        List.of(
            new ExprNode.Compare(
                op(first.direction(), true), first.expr(model), new ExprNode.Const(key[0])),
            chain));
  }

  private boolean sameDirection() {
    return terms.stream().allMatch(t -> t.direction() == terms.get(0).direction());
  }

  private static ExprNode.CompareOp op(Direction d, boolean inclusive) {
    if (d == Direction.ASC) {
      return inclusive ? ExprNode.CompareOp.GE : ExprNode.CompareOp.GT;
    }
    return inclusive ? ExprNode.CompareOp.LE : ExprNode.CompareOp.LT;
  }

  /** Values of {@code t} after {@code v}, NULL below all; null when there are none. */
  private @Nullable ExprNode beyond(Term t, Value v) {
    ExprNode e = t.expr(model);
    if (t.direction() == Direction.ASC) {
      return v.isNull() ? new ExprNode.Not(new ExprNode.IsNull(e))
          : new ExprNode.Compare(ExprNode.CompareOp.GT, e, new ExprNode.Const(v));
    }
    if (v.isNull()) {
      return null;
    }
    ExprNode below = new ExprNode.Compare(ExprNode.CompareOp.LT, e, new ExprNode.Const(v));
    return t.field().nullable() ? new ExprNode.Or(List.of(below, new ExprNode.IsNull(e))) : below;
  }

  private ExprNode equal(Term t, Value v) {
    ExprNode e = t.expr(model);
    return v.isNull() ? new ExprNode.IsNull(e) : new ExprNode.Compare(ExprNode.CompareOp.EQ, e,
        new ExprNode.Const(v));
  }

  /**
   * Eight bytes naming this order's shape (model, fields, types, directions), so that a cursor
   * of another model or order is told apart from one of this.
   */
  public byte[] shape() {
    StringBuilder s = new StringBuilder(model.name());
    for (Term t : terms) {
      s.append('|').append(t.field().name()).append(':').append(t.field().type())
          .append(':').append(t.field().nullable()).append(':').append(t.direction());
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(hash, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
