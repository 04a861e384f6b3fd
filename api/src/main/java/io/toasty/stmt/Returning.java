package io.toasty.stmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a statement evaluates to. */
public sealed interface Returning
    permits Returning.Model, Returning.Project, Returning.Count, Returning.Keys,
    Returning.Grouped {

  /**
   * Model level: each matching record, whole, with the listed relations preloaded. The model's
   * relations declared eager are preloaded too (the planner adds them, recursively, before it
   * verifies the statement) unless {@code eager} is false or the relation is {@code excluded}; an
   * eager relation that {@code includes} names is loaded as the include says.
   *
   * @param includes the relations to preload
   * @param eager    whether the model's eager relations are preloaded as well
   * @param excluded eager relations (relation fields of the model) not to preload
   * @param deferred deferred fields of the model to read (the others are left unread)
   */
  record Model(List<IncludeNode> includes, boolean eager, List<ExprNode.Field> excluded,
      List<ExprNode.Field> deferred) implements Returning {
    public Model {
      includes = List.copyOf(includes);
      excluded = List.copyOf(excluded);
      deferred = List.copyOf(deferred);
    }

    /** {@link #plain()}: shared, being immutable, so that every finder call need not make one. */
    private static final Model PLAIN = new Model(List.of());

    /** A returning that reads none of the model's deferred fields. */
    public Model(List<IncludeNode> includes, boolean eager, List<ExprNode.Field> excluded) {
      this(includes, eager, excluded, List.of());
    }

    /** The listed relations and the model's eager ones. */
    public Model(List<IncludeNode> includes) {
      this(includes, true, List.of());
    }

    /** A model returning with no includes (but the model's eager relations). */
    public static Model plain() {
      return PLAIN;
    }

    /** This returning with other includes, its eager choices kept. */
    public Model withIncludes(List<IncludeNode> includes) {
      return new Model(includes, eager, excluded, deferred);
    }

    /** This returning without the model's eager relations (its includes kept). */
    public Model withoutEager() {
      return new Model(includes, false, excluded, deferred);
    }

    /** This returning, {@code relations} also kept from being loaded eagerly. */
    public Model excluding(List<ExprNode.Field> relations) {
      List<ExprNode.Field> all = new ArrayList<>(excluded);
      all.addAll(relations);
      return new Model(includes, eager, all, deferred);
    }

    /** This returning, the deferred {@code fields} read as well. */
    public Model reading(List<ExprNode.Field> fields) {
      List<ExprNode.Field> all = new ArrayList<>(deferred);
      fields.stream().filter(f -> !all.contains(f)).forEach(all::add);
      return new Model(includes, eager, excluded, all);
    }
  }

  /** One record of these expressions per row (after lowering: the columns to read). */
  record Project(List<ExprNode> exprs) implements Returning {
    public Project {
      exprs = List.copyOf(exprs);
    }
  }

  /**
   * A query's rows reduced: one record of {@code exprs} per group of rows with equal
   * {@code groupBy} values (one group of every row when {@code groupBy} is empty, even when no row
   * matches), groups kept where {@code having} is TRUE; with {@code distinct}, equal records once.
   * {@code exprs} and {@code having} may hold {@link ExprNode.Aggregate}s; outside them, only
   * {@code groupBy} expressions.
   */
  record Grouped(List<ExprNode> exprs, List<ExprNode> groupBy, ExprNode having, boolean distinct)
      implements Returning {
    public Grouped {
      exprs = List.copyOf(exprs);
      groupBy = List.copyOf(groupBy);
      Objects.requireNonNull(having, "having");
    }
  }

  /** A single {@code I64} value: the number of rows the mutation affected. */
  record Count() implements Returning {}

  /**
   * For an insert: the values the database generated for these columns (after lowering) or fields
   * (before), one record per inserted row.
   */
  record Keys(List<Integer> indexes) implements Returning {
    public Keys {
      indexes = List.copyOf(indexes);
    }
  }
}
