package io.toasty.planner.expr;

import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A pass that confines a statement to some records of each model: the {@link #condition} a
 * model's records must meet joins the filter of every query, update and delete on it, of every
 * include's scope, subquery and relation filter (for EVERY, the records failing it are let
 * through, as if absent). One walk for the passes that differ only in that condition and in
 * what they do to creates and deletes: the tenant pass and the soft-delete pass
 * (ScopeTenantTest, HideDeletedTest).
 */
public abstract class RowScope {
  /** The models the statements name. */
  protected final Schema schema;

  /** A pass over statements on {@code schema}'s models. */
  protected RowScope(Schema schema) {
    this.schema = schema;
  }

  /**
   * The condition the records of {@code model} must meet in a statement (or relation filter)
   * whose own filter on them is {@code filter}, or null for none.
   */
  protected abstract @Nullable ExprNode condition(ModelSchema model, ExprNode filter);

  /** {@code s} confined, whatever its kind. */
  protected final StatementNode statement(StatementNode s) {
    if (s instanceof Query q) {
      return query(q);
    }
    if (s instanceof UpdateNode u) {
      return update(u);
    }
    if (s instanceof DeleteNode d) {
      return delete(d);
    }
    return insert((InsertNode) s);
  }

  /** {@code q} confined, its includes' scopes too. */
  protected final Query query(Query q) {
    return q.withFilter(filter(q.source(), q.filter())).withReturning(returning(q.returning()));
  }

  /** {@code u} confined, the subqueries of its values too. */
  protected StatementNode update(UpdateNode u) {
    return new UpdateNode(u.target(), filter(u.target(), u.filter()),
        u.assignments().stream().map(a -> new Assignment(a.target(), expr(a.value()))).toList(),
        returning(u.returning()));
  }

  /** {@code d} confined. */
  protected StatementNode delete(DeleteNode d) {
    return new DeleteNode(d.from(), filter(d.from(), d.filter()), d.returning());
  }

  /** {@code i} with each value of its rows mapped by {@link #created}, its returning confined. */
  protected InsertNode insert(InsertNode i) {
    ModelSchema model = model(i.target());
    List<ExprNode.Record> rows = new ArrayList<>(i.rows().size());
    for (ExprNode.Record row : i.rows()) {
      List<ExprNode> values = new ArrayList<>(row.fields().size());
      for (int f = 0; f < row.fields().size(); f++) {
        values.add(created(model, f, row.fields().get(f)));
      }
      rows.add(new ExprNode.Record(values));
    }
    return new InsertNode(i.target(), i.columns(), rows, returning(i.returning()),
        i.onConflict(), i.atomic());
  }

  /** The value a create writes to slot {@code field} of {@code model}: its subqueries confined. */
  protected ExprNode created(@Nullable ModelSchema model, int field, ExprNode value) {
    return expr(value);
  }

  /** {@code r}'s expressions and includes confined. */
  protected final Returning returning(Returning r) {
    return ReturningMap.map(r, this::expr, this::query);
  }

  /** {@code filter} of a statement on {@code source}, its model's condition joined in. */
  protected final ExprNode filter(Source source, ExprNode filter) {
    ExprNode inner = expr(filter);
    ModelSchema model = model(source);
    ExprNode condition = model == null ? null : condition(model, filter);
    return condition == null ? inner : Conjuncts.with(inner, condition);
  }

  /** {@code e} with its subqueries and relation filters confined. */
  protected final ExprNode expr(ExprNode e) {
    if (e instanceof ExprNode.Related r) {
      ModelSchema target = RelatedTarget.of(schema, r);
      return RelatedTarget.confined(r, expr(r.filter()),
          target == null ? null : condition(target, r.filter()));
    }
    if (e instanceof ExprNode.RelatedAggregate a) {
      return RelatedTarget.confined(a, this::expr);
    }
    if (e instanceof ExprNode.Stmt s) {
      return new ExprNode.Stmt(statement(s.statement()));
    }
    return Children.map(e, this::expr, this::query);
  }

  /** The model {@code source} names, or null when it names none {@link #schema} knows. */
  protected final @Nullable ModelSchema model(Source source) {
    return source instanceof Source.Model m && schema.hasModel(m.model())
        ? schema.model(m.model()) : null;
  }
}
