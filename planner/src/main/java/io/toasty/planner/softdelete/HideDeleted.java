package io.toasty.planner.softdelete;

import io.toasty.planner.eager.EagerIncludes;
import io.toasty.planner.expr.Children;
import io.toasty.planner.expr.Conjuncts;
import io.toasty.planner.expr.RelatedTarget;
import io.toasty.planner.expr.ReturningMap;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.DeletedRows;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Hides the deleted records of soft-deleted models ({@link DeletedRows}): the live condition
 * joins the filter of every query, update, include scope, subquery and relation filter (a
 * relation count counts live records) on such a model, and a delete becomes an update that
 * stamps the marker on the live records it matches. A statement whose filter compares the
 * marker itself ({@code withDeleted()}, {@code onlyDeleted()}, {@code restore()}) chose its
 * records and keeps its filter; a delete that chose them ({@code purge()}) stays a delete. An
 * upsert's update path clears the marker: a deleted record it meets is live again. The eager
 * relations become includes first, so hidden like any include.
 *
 * <p>Runs on the statement with its literal values, before the tenant phase and the plan
 * cache's parameterize: the deletion time is an argument slot like any value
 * (SoftDeleteScenarios).
 */
public final class HideDeleted {
  private final Schema schema;
  /** The deletion time a delete stamps. */
  private final Value now;

  private HideDeleted(Schema schema, Value now) {
    this.schema = schema;
    this.now = now;
  }

  /**
   * {@code statement} over live records, its deletes made updates stamped {@code now}; the same
   * instance when no model of {@code schema} is soft-deleted.
   */
  public static StatementNode apply(StatementNode statement, Schema schema, Instant now) {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(now, "now");
    if (!any(schema)) {
      return statement;
    }
    return of(schema, now).statement(EagerIncludes.expand(statement, schema));
  }

  /**
   * The soft deletes that {@code statement}, a delete, implies for the records pointing at the
   * ones it deletes (required belongs-to relations to it, from soft-deleted models, recursively):
   * to run before it, in order, in its transaction. Empty for any other statement, for a purge,
   * and for a model with no such children. Records of a model without {@code @SoftDelete} keep
   * pointing at their parent, which is still stored.
   */
  public static List<StatementNode> cascades(StatementNode statement, Schema schema,
      Instant now) {
    Objects.requireNonNull(statement, "statement");
    if (!(statement instanceof DeleteNode d) || !any(schema)) {
      return List.of();
    }
    ModelSchema model = model(schema, d.from());
    DeletedRows marker = model == null ? null : DeletedRows.of(model);
    if (model == null || marker == null || marker.chosenBy(d.filter())) {
      return List.of();
    }
    HideDeleted pass = of(schema, now);
    List<StatementNode> out = new ArrayList<>();
    pass.children(model, pass.expr(Conjuncts.with(d.filter(), marker.live())), new ArrayList<>(
        List.of(model.name())), out);
    return out;
  }

  /** Whether any model of {@code schema} is soft-deleted. */
  public static boolean any(Schema schema) {
    return schema.models().stream().anyMatch(m -> m.softDeleteField() != null);
  }

  private static HideDeleted of(Schema schema, Instant now) {
    return new HideDeleted(schema, Value.of(now.truncatedTo(ChronoUnit.MICROS)));
  }

  /** The stamps of {@code parent}'s soft children matched by {@code parents}, deepest first. */
  private void children(ModelSchema parent, ExprNode parents, List<String> path,
      List<StatementNode> out) {
    for (ModelSchema child : schema.models()) {
      DeletedRows marker = DeletedRows.of(child);
      if (marker == null || path.contains(child.name())) {
        continue;
      }
      for (var r : child.relations()) {
        if (!r.isBelongsTo() || !r.target().equals(parent.name()) || !required(child, r)) {
          continue;
        }
        ExprNode doomed = Conjuncts.with(new ExprNode.Related(
            new ExprNode.Field(child.name(), child.fields().size() + r.index()),
            ExprNode.Quantifier.ANY, parents),
            marker.live());
        path.add(child.name());
        children(child, doomed, path, out);
        path.remove(path.size() - 1);
        out.add(stamped(new Source.Model(child.name()), marker, doomed));
      }
    }
  }

  /** Whether {@code child}'s records are deleted with the parent {@code r} points at. */
  private static boolean required(ModelSchema child, io.toasty.schema.app.RelationSchema r) {
    return !r.nullable() || r.sourceFields().stream().anyMatch(f -> !child.field(f).nullable());
  }

  private UpdateNode stamped(Source target, DeletedRows marker, ExprNode filter) {
    return new UpdateNode(target, filter, List.of(new Assignment(marker.field(),
        marker.stamp(now))), new Returning.Count());
  }

  private StatementNode statement(StatementNode s) {
    if (s instanceof Query q) {
      return query(q);
    }
    if (s instanceof UpdateNode u) {
      return new UpdateNode(u.target(), filter(u.target(), u.filter()),
          u.assignments().stream().map(a -> new Assignment(a.target(), expr(a.value()))).toList(),
          returning(u.returning()));
    }
    if (s instanceof DeleteNode d) {
      return delete(d);
    }
    return insert((InsertNode) s);
  }

  private Query query(Query q) {
    return q.withFilter(filter(q.source(), q.filter())).withReturning(returning(q.returning()));
  }

  /** A delete of live records, made the update that stamps them; a purge as it is. */
  private StatementNode delete(DeleteNode d) {
    ModelSchema model = model(schema, d.from());
    DeletedRows marker = model == null ? null : DeletedRows.of(model);
    if (marker == null || marker.chosenBy(d.filter())) {
      return new DeleteNode(d.from(), filter(d.from(), d.filter()), d.returning());
    }
    return stamped(d.from(), marker, filter(d.from(), d.filter()));
  }

  /** An insert whose subqueries see live records; an upsert's update path revives. */
  private InsertNode insert(InsertNode i) {
    List<ExprNode.Record> rows = i.rows().stream()
        .map(r -> new ExprNode.Record(r.fields().stream().map(this::expr).toList())).toList();
    ModelSchema model = model(schema, i.target());
    DeletedRows marker = model == null ? null : DeletedRows.of(model);
    OnConflict conflict = i.onConflict();
    if (marker != null && conflict != null && !conflict.copied().contains(marker.field())
        && conflict.assignments().stream().noneMatch(a -> a.target() == marker.field())) {
      List<Integer> copied = new ArrayList<>(conflict.copied());
      copied.add(marker.field()); // the proposed record's marker: live
      conflict = new OnConflict(conflict.target(), copied, conflict.assignments());
    }
    return new InsertNode(i.target(), i.columns(), rows, returning(i.returning()), conflict,
        i.atomic());
  }

  private Returning returning(Returning r) {
    return ReturningMap.map(r, this::expr, this::query);
  }


  /** {@code filter} of a statement on {@code source}, with the live condition unless chosen. */
  private ExprNode filter(Source source, ExprNode filter) {
    ExprNode hidden = expr(filter);
    ModelSchema model = model(schema, source);
    DeletedRows marker = model == null ? null : DeletedRows.of(model);
    return marker == null || marker.chosenBy(filter) ? hidden
        : Conjuncts.with(hidden, marker.live());
  }

  private ExprNode expr(ExprNode e) {
    if (e instanceof ExprNode.Related r) {
      return related(r);
    }
    if (e instanceof ExprNode.Stmt s) {
      return new ExprNode.Stmt(statement(s.statement()));
    }
    return Children.map(e, this::expr, this::query);
  }

  /**
   * A relation filter over live related records: for ANY and NONE (and a count) the filter asks
   * for a live record; for EVERY, deleted records are let through, as if absent.
   */
  private ExprNode related(ExprNode.Related r) {
    ModelSchema target = RelatedTarget.of(schema, r);
    DeletedRows marker = target == null ? null : DeletedRows.of(target);
    return RelatedTarget.confined(r, expr(r.filter()),
        marker == null || marker.chosenBy(r.filter()) ? null : marker.live());
  }


  private static @Nullable ModelSchema model(Schema schema, Source source) {
    return source instanceof Source.Model m && schema.hasModel(m.model())
        ? schema.model(m.model()) : null;
  }
}
