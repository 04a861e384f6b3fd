package io.toasty.planner.lower;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.expr.Walk;
import io.toasty.planner.hir.HirDep;
import io.toasty.planner.hir.HirOutput;
import io.toasty.planner.hir.HirStatement;
import io.toasty.planner.simplify.Simplify;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.DeletedRows;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A delete, with what it implies for the records that point at the deleted ones: every
 * belongs-to relation to the model (declared on any registered model) is followed, and its
 * records are deleted where the foreign key is required (recursively, with what their own
 * deletion implies) or have their foreign key set to NULL where it is optional. The engine
 * does this on every backend, in the delete's own transaction; no database cascade is assumed.
 *
 * <p>The children are found by a semi-join on the parents' filter, run before the parents are
 * deleted: {@code DELETE FROM articles WHERE author_id IN (SELECT id FROM authors WHERE ..)},
 * which subquery lifting makes {@code author_id = ?} for a delete by key. A cycle of required
 * relations (a required self-reference) has no finite cascade and is refused.
 */
final class LowerDelete {
  private final LowerContext cx;
  private final List<HirStatement> statements = new ArrayList<>();

  private LowerDelete(LowerContext cx) {
    this.cx = cx;
  }

  static List<HirStatement> lower(DeleteNode d, LowerContext cx, List<HirOutput> output) {
    LowerDelete ld = new LowerDelete(cx);
    output.add(new HirOutput.Count());
    DeleteNode plain = new DeleteNode(new Source.Table(cx.table.name()),
        LowerExpr.lower(d.filter(), cx.schema), new Returning.Count());
    if (!hasChildren(cx, cx.model)) {
      ld.add(plain, List.of());
      return ld.statements;
    }
    Set<String> path = new LinkedHashSet<>();
    path.add(cx.model.name());
    // Without SQL, the keys way: a key-value backend reads keys, then deletes by key.
    if (cx.capability.sql() && isStable(cx, d.filter())) {
      ld.children(cx.model, d.filter(), path);
      ld.add(plain, List.of());
    } else {
      // The filter reads what the cascade changes (a relation, or the model itself): read the
      // doomed records' keys first, and delete by key.
      int parents = ld.select(cx.model, LowerExpr.lower(d.filter(), cx.schema), null);
      ld.childrenByKeys(cx.model, parents, path);
      ld.add(
          new DeleteNode(new Source.Table(cx.table.name()), ExprNode.TRUE, new Returning.Count()),
          List.of(keys(parents, cx.table.primaryKey(), cx.table.primaryKey())));
    }
    return ld.statements;
  }

  /** Whether any belongs-to relation points at {@code model}. */
  private static boolean hasChildren(LowerContext cx, ModelSchema model) {
    return cx.schema.models().stream().flatMap(m -> m.relations().stream())
        .anyMatch(r -> r.isBelongsTo() && r.target().equals(model.name()));
  }

  /**
   * Whether the filter matches the same records before and after the cascade runs: it reads no
   * other table and no relation, and no relation of the model points back at it.
   */
  private static boolean isStable(LowerContext cx, ExprNode filter) {
    boolean selfReference = cx.model.relations().stream()
        .anyMatch(r -> r.isBelongsTo() && r.target().equals(cx.model.name()));
    return !selfReference && !Walk.hasSubquery(filter);
  }

  /** {@code SELECT * FROM model WHERE filter}, restricted by {@code keys} if given; its id. */
  private int select(ModelSchema model, ExprNode filter, @Nullable HirDep keys) {
    String table = cx.schema.mapping(model.name()).table();
    List<ExprNode> all = new ArrayList<>();
    int columns = cx.schema.table(table).columns().size();
    for (int c = 0; c < columns; c++) {
      all.add(new ExprNode.Column(table, c));
    }
    return add(new Query(new Source.Table(table), filter, new Returning.Project(all), List.of(),
        null), keys == null ? List.of() : List.of(keys));
  }

  /** The keys approach: children matched by the parents' rows of statement {@code parents}. */
  private void childrenByKeys(ModelSchema model, int parents, Set<String> path) {
    ModelMapping parentMapping = cx.schema.mapping(model.name());
    for (ModelSchema child : cx.schema.models()) {
      for (RelationSchema r : child.relations()) {
        if (!r.isBelongsTo() || !r.target().equals(model.name())) {
          continue;
        }
        if (r.isRestrict()) {
          continue; // the driver refuses deleting a parent its records still refer to
        }
        ModelMapping mapping = cx.schema.mapping(child.name());
        String table = mapping.table();
        List<Integer> fkColumns = columns(mapping, r.sourceFields());
        ExprNode holding = holding(model, r);
        List<Integer> pk = cx.schema.table(parentMapping.table()).primaryKey();
        // a key-value backend finds referrers by the parents' key only, and refuses this one
        int holders = holding == null || !cx.capability.sql() ? parents
            : select(model, LowerExpr.lower(holding, cx.schema), keys(parents, pk, pk));
        HirDep byParents = keys(holders, fkColumns, columns(parentMapping, r.targetFields()));
        boolean required = required(child, r);
        if (!required) {
          List<Assignment> nulls = new ArrayList<>();
          fkColumns.forEach(c -> nulls.add(new Assignment(c, ExprNode.NULL)));
          add(new UpdateNode(new Source.Table(table), ExprNode.TRUE, nulls, new Returning.Count()),
              List.of(byParents));
          continue;
        }
        if (!path.add(child.name())) {
          throw new UnsupportedFeatureException(Feature.CYCLIC_CASCADE,
              null, child.name() + "." + r.name() + " leads back to " + String.join(" -> ", path)
                  + "; make one of the keys optional");
        }
        int doomed = select(child, ExprNode.TRUE, byParents);
        childrenByKeys(child, doomed, path);
        path.remove(child.name());
        List<Integer> childKey = cx.schema.table(table).primaryKey();
        add(new DeleteNode(new Source.Table(table), ExprNode.TRUE, new Returning.Count()),
            List.of(keys(doomed, childKey, childKey)));
      }
    }
  }

  /**
   * Whether the records of {@code child} that {@code r} points at their parent with are deleted
   * with it (else unlinked): the relation is required, or its key cannot be NULL. (A polymorphic
   * model's columns are nullable, since other variants lack them; its relation still says.)
   */
  private static boolean required(ModelSchema child, RelationSchema r) {
    return !r.nullable() || r.sourceFields().stream().anyMatch(f -> !child.field(f).nullable());
  }

  /**
   * Which of {@code model}'s deleted records {@code r} reaches its records from: where {@code r}
   * refers to a value unique among the live records of a soft-deleted model only (not its key,
   * not over its marker), the live ones, since a deleted record does not hold its value and a
   * live one may hold it now (docs/models.md, Soft delete;
   * {@code SoftDeleteScenarios.aReferenceByALiveUniqueValue}); else all of them (null).
   */
  private static @Nullable ExprNode holding(ModelSchema model, RelationSchema r) {
    DeletedRows marker = DeletedRows.of(model);
    if (marker == null || new LinkedHashSet<>(r.targetFields())
        .equals(new LinkedHashSet<>(model.primaryKey())) || r.targetFields().contains(
        marker.field())) {
      return null;
    }
    return marker.live();
  }

  private static HirDep keys(int statement, List<Integer> columns, List<Integer> positions) {
    return new HirDep(statement, HirDep.Kind.KEYS, columns, positions);
  }

  private static List<Integer> columns(ModelMapping mapping, List<Integer> fields) {
    List<Integer> out = new ArrayList<>();
    fields.forEach(f -> out.add(mapping.columnOf(f)));
    return out;
  }

  /** Deletes or unlinks, before the parents go, the records pointing at {@code model}'s. */
  private void children(ModelSchema model, ExprNode filter, Set<String> path) {
    for (ModelSchema child : cx.schema.models()) {
      for (RelationSchema r : child.relations()) {
        if (!r.isBelongsTo() || !r.target().equals(model.name())) {
          continue;
        }
        if (r.isRestrict()) {
          continue; // the database's ON DELETE RESTRICT refuses the parents' delete
        }
        ExprNode holding = holding(model, r);
        Query parents = new Query(new Source.Model(model.name()),
            holding == null ? filter : ExprNode.and(filter, holding),
            new Returning.Project(fields(model.name(), r.targetFields())), List.of(), null);
        ExprNode childFilter = Simplify.filter(new ExprNode.InSubquery(
            operand(child.name(), r.sourceFields()), parents), cx.schema);
        if (Simplify.matchesNothing(childFilter)) {
          continue;
        }
        ModelMapping mapping = cx.schema.mapping(child.name());
        String table = mapping.table();
        boolean required = required(child, r);
        if (!required) {
          List<Assignment> nulls = new ArrayList<>();
          r.sourceFields()
              .forEach(f -> nulls.add(new Assignment(mapping.columnOf(f), ExprNode.NULL)));
          add(
              new UpdateNode(
                  new Source.Table(table),
                  LowerExpr.lower(childFilter, cx.schema),
                  nulls,
                  new Returning.Count()),
              List.of());
          continue;
        }
        if (!path.add(child.name())) {
          throw new UnsupportedFeatureException(Feature.CYCLIC_CASCADE,
              null, child.name() + "." + r.name() + " leads back to " + String.join(" -> ", path)
                  + "; make one of the keys optional");
        }
        children(child, childFilter, path);
        path.remove(child.name());
        add(new DeleteNode(new Source.Table(table), LowerExpr.lower(childFilter, cx.schema),
            new Returning.Count()), List.of());
      }
    }
  }

  /** Adds {@code s}, after the statement before it; returns its id. */
  private int add(StatementNode s, List<HirDep> keys) {
    int id = statements.size();
    List<HirDep> deps = new ArrayList<>(keys);
    if (id > 0 && keys.stream().noneMatch(k -> k.statement() == id - 1)) {
      deps.add(new HirDep(id - 1, HirDep.Kind.AFTER));
    }
    statements.add(new HirStatement(id, s, deps));
    return id;
  }

  private static List<ExprNode> fields(String model, List<Integer> fields) {
    List<ExprNode> out = new ArrayList<>();
    fields.forEach(f -> out.add(new ExprNode.Field(model, f)));
    return out;
  }

  private static ExprNode operand(String model, List<Integer> fields) {
    List<ExprNode> out = fields(model, fields);
    return out.size() == 1 ? out.get(0) : new ExprNode.Record(out);
  }
}
