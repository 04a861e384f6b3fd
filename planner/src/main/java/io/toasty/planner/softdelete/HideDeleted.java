package io.toasty.planner.softdelete;

import io.toasty.planner.eager.EagerIncludes;
import io.toasty.planner.expr.Conjuncts;
import io.toasty.planner.expr.RowScope;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.DeletedRows;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.PathNode;
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
public final class HideDeleted extends RowScope {
  /** The deletion time a delete stamps. */
  private final Value now;

  private HideDeleted(Schema schema, Value now) {
    super(schema);
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
   * to run before it, in order, in its transaction. Records of a model without
   * {@code @SoftDelete} keep pointing at their parent, which is still stored. For a restore
   * ({@code restore()}) of a model with a timestamp marker, the restores of the records that
   * its records' deletes cascaded to: those of models with a timestamp marker whose deletion
   * time is their parent's (a flag cannot tell a cascaded delete from an earlier one). Empty
   * for any other statement, for a purge, and for a model with no such children.
   */
  public static List<StatementNode> cascades(StatementNode statement, Schema schema,
      Instant now) {
    Objects.requireNonNull(statement, "statement");
    if (!any(schema)) {
      return List.of();
    }
    HideDeleted pass = of(schema, now);
    if (statement instanceof UpdateNode u) {
      ModelSchema model = pass.model(u.target());
      if (model == null) {
        return List.of();
      }
      DeletedRows marker = DeletedRows.of(model);
      return marker == null || !restore(u, marker) ? List.of()
          : pass.children(model, pass.expr(u.filter()), true);
    }
    if (!(statement instanceof DeleteNode d)) {
      return List.of();
    }
    ModelSchema model = pass.model(d.from());
    DeletedRows marker = model == null ? null : DeletedRows.of(model);
    if (model == null || marker == null || marker.chosenBy(d.filter())) {
      return List.of();
    }
    return pass.children(model, pass.expr(Conjuncts.with(d.filter(), marker.live())), false);
  }

  /** Whether {@code u} is a restore: it only clears a timestamp marker of records it chose. */
  private static boolean restore(UpdateNode u, DeletedRows marker) {
    return !marker.flag() && marker.chosenBy(u.filter()) && u.assignments().equals(
        List.of(new Assignment(marker.field(), marker.cleared())));
  }

  /**
   * {@code path} through live records only where its model is soft-deleted: its start, every
   * record it passes and every record it reaches; as it is when it chose its records by the
   * marker ({@code PathQuery.withDeleted()}) or its model is not soft-deleted.
   */
  public static PathNode path(PathNode path, Schema schema) {
    Objects.requireNonNull(path, "path");
    DeletedRows marker = schema.hasModel(path.source())
        ? DeletedRows.of(schema.model(path.source())) : null;
    return marker == null || marker.chosenBy(path.nodes()) ? path
        : path.withNodes(Conjuncts.with(path.nodes(), marker.live()));
  }

  /** Whether any model of {@code schema} is soft-deleted. */
  public static boolean any(Schema schema) {
    return schema.models().stream().anyMatch(m -> m.softDeleteField() != null);
  }

  private static HideDeleted of(Schema schema, Instant now) {
    return new HideDeleted(schema, Value.of(now.truncatedTo(ChronoUnit.MICROS)));
  }

  /** The live condition of a soft-deleted model, unless {@code filter} chose by the marker. */
  @Override
  protected @Nullable ExprNode condition(ModelSchema model, ExprNode filter) {
    DeletedRows marker = DeletedRows.of(model);
    return marker == null || marker.chosenBy(filter) ? null : marker.live();
  }

  /** The stamps ({@code restore}: the restores) of the records below {@code parents}. */
  private List<StatementNode> children(ModelSchema parent, ExprNode parents, boolean restore) {
    List<StatementNode> out = new ArrayList<>();
    children(parent, parents, new ArrayList<>(List.of(parent.name())), restore, out);
    return out;
  }

  /** The stamps (or restores) of {@code parent}'s soft children, deepest first. */
  private void children(ModelSchema parent, ExprNode parents, List<String> path,
      boolean restore, List<StatementNode> out) {
    for (ModelSchema child : schema.models()) {
      DeletedRows marker = DeletedRows.of(child);
      if (marker == null || path.contains(child.name()) || restore && marker.flag()) {
        continue;
      }
      for (var r : child.relations()) {
        if (!r.isBelongsTo() || !r.target().equals(parent.name()) || !required(child, r)) {
          continue;
        }
        ExprNode related = new ExprNode.Related(
            new ExprNode.Field(child.name(), child.fields().size() + r.index()),
            ExprNode.Quantifier.ANY, parents);
        ExprNode chosen = restore ? restorable(marker, parent, parents, related)
            : Conjuncts.with(related, marker.live());
        path.add(child.name());
        children(child, chosen, path, restore, out);
        path.remove(path.size() - 1);
        out.add(restore ? new UpdateNode(new Source.Model(child.name()), chosen,
            List.of(new Assignment(marker.field(), marker.cleared())), new Returning.Count())
            : stamped(new Source.Model(child.name()), marker, chosen));
      }
    }
  }

  /**
   * The deleted records under {@code parents} (by {@code related}) whose deletion time is one
   * of theirs: those their deletes cascaded to.
   */
  private static ExprNode restorable(DeletedRows marker, ModelSchema parent, ExprNode parents,
      ExprNode related) {
    Query times = new Query(new Source.Model(parent.name()), parents,
        new Returning.Project(List.of(Objects.requireNonNull(DeletedRows.of(parent),
            "a restore cascades only from a soft-deleted model").marker())), List.of(), null);
    return Conjuncts.and(List.of(related, marker.deleted(),
        new ExprNode.InSubquery(marker.marker(), times)));
  }

  /** Whether {@code child}'s records are deleted with the parent {@code r} points at. */
  private static boolean required(ModelSchema child, RelationSchema r) {
    return !r.nullable() || r.sourceFields().stream().anyMatch(f -> !child.field(f).nullable());
  }

  private UpdateNode stamped(Source target, DeletedRows marker, ExprNode filter) {
    return new UpdateNode(target, filter, List.of(new Assignment(marker.field(),
        marker.stamp(now))), new Returning.Count());
  }

  /** A delete of live records, made the update that stamps them; a purge as it is. */
  @Override
  protected StatementNode delete(DeleteNode d) {
    ModelSchema model = model(d.from());
    DeletedRows marker = model == null ? null : DeletedRows.of(model);
    if (marker == null || marker.chosenBy(d.filter())) {
      return super.delete(d);
    }
    return stamped(d.from(), marker, filter(d.from(), d.filter()));
  }

  /** An insert whose subqueries see live records; an upsert's update path revives. */
  @Override
  protected InsertNode insert(InsertNode insert) {
    InsertNode i = super.insert(insert);
    ModelSchema model = model(i.target());
    DeletedRows marker = model == null ? null : DeletedRows.of(model);
    OnConflict conflict = i.onConflict();
    if (marker == null || conflict == null || conflict.copied().contains(marker.field())
        || conflict.assignments().stream().anyMatch(a -> a.target() == marker.field())) {
      return i;
    }
    List<Integer> copied = new ArrayList<>(conflict.copied());
    copied.add(marker.field()); // the proposed record's marker: live
    return new InsertNode(i.target(), i.columns(), i.rows(), i.returning(),
        new OnConflict(conflict.target(), copied, conflict.assignments()), i.atomic());
  }
}
