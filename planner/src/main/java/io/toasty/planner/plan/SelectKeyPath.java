package io.toasty.planner.plan;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.expr.Conjuncts;
import io.toasty.planner.expr.Walk;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the {@link KeyPath} for a table-level filter: equality on every primary key column,
 * then on every column of a secondary index (unique ones first), then on the partition key; an OR
 * of such branches fans out; anything else scans, where the backend allows scans.
 */
final class SelectKeyPath {
  private final TableSchema table;
  private final Capability capability;

  private SelectKeyPath(TableSchema table, Capability capability) {
    this.table = table;
    this.capability = capability;
  }

  static KeyPath select(ExprNode filter, TableSchema table, Capability capability) {
    return new SelectKeyPath(table, capability).select(filter);
  }

  private KeyPath select(ExprNode filter) {
    if (!capability.queryForms().rowValues()) {
      ExprNode expanded = ExpandTupleIn.apply(filter);
      if (expanded != filter) {
        KeyPath byKey = branches(expanded);
        return byKey != null ? byKey : scan(filter);
      }
    }
    KeyPath byKey = branches(filter);
    return byKey != null ? byKey : scan(filter);
  }

  /** The key path of {@code filter} or of each of its OR branches; null when one has none. */
  private @Nullable KeyPath branches(ExprNode filter) {
    if (filter instanceof ExprNode.Or or) {
      List<KeyPath> branches = new ArrayList<>();
      for (ExprNode branch : or.operands()) {
        KeyPath p = match(branch);
        if (p == null) {
          return null;
        }
        branches.add(p);
      }
      return new KeyPath.AnyOf(branches, filter);
    }
    return match(filter);
  }

  private KeyPath scan(ExprNode filter) {
    if (capability.scan()) {
      return new KeyPath.FullScan(filter);
    }
    throw new UnsupportedFeatureException(Feature.SCAN,
        capability.backend(), "table " + table.name() + " has no key or index on "
        + columnNames(filter) + "; add @Index (or @Unique) to the field, or filter by the key");
  }

  private @Nullable KeyPath match(ExprNode filter) {
    List<ExprNode> terms = Conjuncts.of(filter);
    Map<Integer, ExprNode> equalities = equalities(terms);
    KeyPath pk = primaryKeys(terms, equalities);
    if (pk != null) {
      return pk;
    }
    List<TableIndex> indexes = new ArrayList<>(table.indexes());
    indexes.sort(Comparator.comparing(i -> !i.unique()));
    for (TableIndex index : indexes) {
      if (equalities.keySet().containsAll(index.columns())) {
        return new KeyPath.IndexLookup(index, keyCondition(index.columns(), equalities),
            residual(terms, index.columns(), equalities));
      }
    }
    KeyPath partition = partition(terms, equalities);
    return partition != null ? partition : indexPartition(terms, equalities);
  }

  /**
   * The partition of a two-column index whose first column is fixed, a range on its second in
   * the key condition; null when no index has its first column fixed.
   */
  private @Nullable KeyPath indexPartition(List<ExprNode> terms, Map<Integer, ExprNode> eq) {
    for (TableIndex index : table.indexes()) {
      if (index.columns().size() != 2 || !eq.containsKey(index.columns().get(0))) {
        continue;
      }
      int first = index.columns().get(0);
      List<ExprNode> key = new ArrayList<>();
      key.add(equality(first, Objects.requireNonNull(eq.get(first))));
      List<ExprNode> rest = new ArrayList<>();
      boolean fixed = false;
      for (ExprNode t : terms) {
        if (!fixed && isEquality(t, first) && equalityValue(t).equals(eq.get(first))) {
          fixed = true;
        } else {
          (isRange(t, index.columns().get(1)) ? key : rest).add(t);
        }
      }
      return new KeyPath.IndexQuery(index, Conjuncts.and(key), Conjuncts.and(rest));
    }
    return null;
  }

  private @Nullable KeyPath primaryKeys(List<ExprNode> terms, Map<Integer, ExprNode> eq) {
    List<Integer> pk = table.primaryKey();
    if (eq.keySet().containsAll(pk)) {
      List<ExprNode> key = new ArrayList<>(pk.size());
      pk.forEach(c -> key.add(eq.get(c)));
      return new KeyPath.PrimaryKeys(List.of(new ExprNode.Record(key)), residual(terms, pk, eq));
    }
    if (pk.size() != 1) {
      return null;
    }
    for (ExprNode t : terms) {
      if (t instanceof ExprNode.InList in && isColumn(in.operand(), pk.get(0))
          && in.items().stream().allMatch(SelectKeyPath::isValue)) {
        List<ExprNode.Record> keys = new ArrayList<>();
        in.items().forEach(item -> keys.add(ExprNode.Record.of(item)));
        List<ExprNode> rest = new ArrayList<>(terms);
        rest.remove(t);
        return new KeyPath.PrimaryKeys(keys, Conjuncts.and(rest));
      }
    }
    return null;
  }

  private @Nullable KeyPath partition(List<ExprNode> terms, Map<Integer, ExprNode> eq) {
    List<Integer> pk = table.primaryKey();
    if (!eq.containsKey(pk.get(0))) {
      return null;
    }
    List<ExprNode> key = new ArrayList<>();
    key.add(equality(pk.get(0), eq.get(pk.get(0))));
    List<ExprNode> rest = new ArrayList<>();
    for (ExprNode t : terms) {
      if (isEquality(t, pk.get(0))) {
        continue;
      }
      (pk.size() > 1 && isRange(t, pk.get(1)) ? key : rest).add(t);
    }
    return new KeyPath.PartitionQuery(Conjuncts.and(key), Conjuncts.and(rest));
  }

  /**
   * Column → value of each {@code column = value} term (the first one for a column), a value
   * being a non-null constant or an argument; {@link ParentBound} reads a pinned key from it too.
   */
  static Map<Integer, ExprNode> equalities(List<ExprNode> terms) {
    Map<Integer, ExprNode> out = new LinkedHashMap<>();
    for (ExprNode t : terms) {
      if (t instanceof ExprNode.Compare c && c.op() == ExprNode.CompareOp.EQ) {
        if (c.left() instanceof ExprNode.Column col && isValue(c.right())) {
          out.putIfAbsent(col.index(), c.right());
        } else if (c.right() instanceof ExprNode.Column col && isValue(c.left())) {
          out.putIfAbsent(col.index(), c.left());
        }
      }
    }
    return out;
  }

  private ExprNode keyCondition(List<Integer> columns, Map<Integer, ExprNode> eq) {
    List<ExprNode> key = new ArrayList<>();
    // the caller checked that eq holds every column
    columns.forEach(c -> key.add(equality(c, Objects.requireNonNull(eq.get(c)))));
    return Conjuncts.and(key);
  }

  private ExprNode residual(List<ExprNode> terms, List<Integer> used, Map<Integer, ExprNode> eq) {
    List<ExprNode> rest = new ArrayList<>();
    Set<ExprNode> consumed = new LinkedHashSet<>();
    for (int c : used) {
      for (ExprNode t : terms) {
        if (isEquality(t, c) && equalityValue(t).equals(eq.get(c)) && consumed.add(t)) {
          break;
        }
      }
    }
    for (ExprNode t : terms) {
      if (!consumed.contains(t)) {
        rest.add(t);
      }
    }
    return Conjuncts.and(rest);
  }

  private ExprNode equality(int column, ExprNode value) {
    return new ExprNode.Compare(
        ExprNode.CompareOp.EQ, new ExprNode.Column(table.name(), column), value);
  }

  private static boolean isEquality(ExprNode t, int column) {
    return t instanceof ExprNode.Compare c && c.op() == ExprNode.CompareOp.EQ
        && (isColumn(c.left(), column) && isValue(c.right())
        || isColumn(c.right(), column) && isValue(c.left()));
  }

  private static ExprNode equalityValue(ExprNode t) {
    ExprNode.Compare c = (ExprNode.Compare) t;
    return c.left() instanceof ExprNode.Column ? c.right() : c.left();
  }

  private static boolean isRange(ExprNode t, int column) {
    return t instanceof ExprNode.Compare c && c.op() != ExprNode.CompareOp.NE
        && isColumn(c.left(), column) && isValue(c.right());
  }

  private static boolean isColumn(ExprNode e, int column) {
    return e instanceof ExprNode.Column c && c.index() == column;
  }

  private static boolean isValue(ExprNode e) {
    return e instanceof ExprNode.Arg || e instanceof ExprNode.Const c && !c.value().isNull();
  }

  private String columnNames(ExprNode filter) {
    Set<String> names = new LinkedHashSet<>();
    Walk.each(filter, x -> {
      if (x instanceof ExprNode.Column c) {
        names.add(table.column(c.index()).name());
      }
    });
    return names.isEmpty() ? "(nothing: the query reads every row)"
        : "(" + String.join(", ", names) + ")";
  }
}
