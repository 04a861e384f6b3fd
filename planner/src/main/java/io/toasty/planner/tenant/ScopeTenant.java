package io.toasty.planner.tenant;

import io.toasty.Tenant;
import io.toasty.error.TenantScopeException;
import io.toasty.error.TenantScopeException.Reason;
import io.toasty.planner.eager.EagerIncludes;
import io.toasty.planner.expr.Children;
import io.toasty.planner.expr.Conjuncts;
import io.toasty.planner.expr.RelatedTarget;
import io.toasty.planner.expr.ReturningMap;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Confines a model-level statement to one tenant: {@code tenant = ?} joins the filter of every
 * query, update and delete of a tenant-scoped model, of every include's scope (the included
 * model's own tenant), of every subquery and of every relation filter; a create has the tenant
 * stamped in its {@code @TenantId} slot. A create or update that names another tenant, and an
 * upsert whose conflict target leaves the tenant out (its update path could reach another
 * tenant's record), are refused. The model's eager relations are made includes first, and so
 * scoped like any include. Under {@link Tenant#none()} the statement is left as it is,
 * but a create must then set the tenant itself. Without a tenant at all, a statement touching
 * a tenant-scoped model is refused ({@link Reason#MISSING}).
 *
 * <p>Runs on the statement with its literal values, before the plan cache's parameterize: the
 * tenant becomes an argument slot like any value, so every tenant shares one plan per shape.
 * Idempotent: a filter already holding the tenant's equality, and a slot already holding the
 * tenant, are left as they are (TenancyScenarios).
 */
public final class ScopeTenant {
  private final Schema schema;
  private final @Nullable Tenant tenant;

  private ScopeTenant(Schema schema, @Nullable Tenant tenant) {
    this.schema = schema;
    this.tenant = tenant;
  }

  /**
   * {@code statement} confined to {@code tenant} (null: none in the Context; {@link
   * Tenant#none()}: every tenant). Throws {@link TenantScopeException} for a statement that
   * cannot run in that scope; the same instance comes back when no model of it is tenant-scoped.
   */
  public static StatementNode apply(StatementNode statement, Schema schema,
      @Nullable Tenant tenant) {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(schema, "schema");
    if (!scoped(schema)) {
      return statement;
    }
    // eager relations become includes first, so that their scopes get the filter too (the
    // eager phase keeps includes a query names: running it again later adds nothing)
    return new ScopeTenant(schema, tenant).statement(EagerIncludes.expand(statement, schema));
  }

  /** Whether any model of {@code schema} is tenant-scoped. */
  public static boolean scoped(Schema schema) {
    return schema.models().stream().anyMatch(m -> m.tenantField() != null);
  }

  private StatementNode statement(StatementNode s) {
    if (s instanceof Query q) {
      return query(q);
    }
    if (s instanceof UpdateNode u) {
      return update(u);
    }
    if (s instanceof DeleteNode d) {
      return new DeleteNode(d.from(), filter(d.from(), d.filter()), d.returning());
    }
    return insert((InsertNode) s);
  }

  private Query query(Query q) {
    return q.withFilter(filter(q.source(), q.filter())).withReturning(returning(q.returning()));
  }

  private UpdateNode update(UpdateNode u) {
    ModelSchema model = model(u.target());
    List<Assignment> assignments = new ArrayList<>(u.assignments().size());
    for (Assignment a : u.assignments()) {
      if (model != null && isTenantField(model, a.target())) {
        checkNamed(model, a.value());
      }
      assignments.add(new Assignment(a.target(), expr(a.value())));
    }
    return new UpdateNode(u.target(), filter(u.target(), u.filter()), assignments,
        returning(u.returning()));
  }

  @SuppressWarnings("NullAway") // field is non-null only with model
  private InsertNode insert(InsertNode i) {
    ModelSchema model = model(i.target());
    FieldSchema field = model == null ? null : model.tenantField();
    List<ExprNode.Record> rows = new ArrayList<>(i.rows().size());
    for (ExprNode.Record row : i.rows()) {
      List<ExprNode> values = new ArrayList<>(row.fields().size());
      for (int f = 0; f < row.fields().size(); f++) {
        ExprNode v = row.fields().get(f);
        values.add(field != null && f == field.index() ? stamp(model, v) : expr(v));
      }
      rows.add(new ExprNode.Record(values));
    }
    if (field != null && i.onConflict() != null) {
      checkConflictTarget(model, field, i.onConflict());
    }
    return new InsertNode(i.target(), i.columns(), rows, returning(i.returning()),
        i.onConflict(), i.atomic());
  }

  /** The tenant slot of a created row: the tenant, stamped; one named by the caller, checked. */
  @SuppressWarnings("NullAway") // a stamped model has a tenant field; id() is null only for none()
  private ExprNode stamp(ModelSchema model, ExprNode slot) {
    Tenant t = require(model);
    if (slot instanceof ExprNode.Default) {
      if (t.isNone()) {
        throw new TenantScopeException(Reason.MISSING, model.name(),
            model.tenantField().name(), "a create under Tenant.none() sets the tenant itself");
      }
      return ExprNode.of(t.id());
    }
    checkNamed(model, slot);
    return slot;
  }

  /** A value written to the tenant field: the scope's own tenant, or refused. */
  @SuppressWarnings("NullAway") // a checked model has a tenant field; id() is null only for none()
  private void checkNamed(ModelSchema model, ExprNode value) {
    Tenant t = require(model);
    if (t.isNone() || value instanceof ExprNode.Const c && c.value().equals(t.id())) {
      return;
    }
    throw new TenantScopeException(Reason.OTHER_TENANT, model.name(),
        model.tenantField().name(), "a statement for tenant " + t.id()
        + " cannot write the records of another tenant");
  }

  /**
   * An upsert whose update path could find another tenant's record: its conflict target (the
   * primary key when empty) must hold the tenant field.
   */
  private void checkConflictTarget(ModelSchema model, FieldSchema field, OnConflict conflict) {
    List<Integer> target = conflict.target().isEmpty() ? model.primaryKey() : conflict.target();
    if (!target.contains(field.index()) && !require(model).isNone()) {
      throw new TenantScopeException(Reason.OTHER_TENANT, model.name(), field.name(),
          "an upsert's conflict target " + names(model, target) + " leaves out the tenant, so "
          + "its update path could reach another tenant's record; make the tenant part of the "
          + "key or of the unique index it targets");
    }
  }

  private static String names(ModelSchema model, List<Integer> fields) {
    return fields.stream().map(model::fieldName).toList().toString();
  }

  private Returning returning(Returning r) {
    return ReturningMap.map(r, this::expr, this::query);
  }


  /** {@code filter} of a statement on {@code source}, its own tenant's equality joined in. */
  private ExprNode filter(Source source, ExprNode filter) {
    ExprNode scoped = expr(filter);
    ModelSchema model = model(source);
    ExprNode eq = model == null ? null : tenantEq(model);
    return eq == null ? scoped : Conjuncts.with(scoped, eq);
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
   * A relation filter over the related records of the tenant only: for ANY and NONE the filter
   * asks for the tenant too; for EVERY, another tenant's records are let through, as if absent.
   */
  private ExprNode related(ExprNode.Related r) {
    ModelSchema target = RelatedTarget.of(schema, r);
    return RelatedTarget.confined(r, expr(r.filter()), target == null ? null : tenantEq(target));
  }


  /** {@code model.tenant = tenant}, or null when the model is not scoped or the scope is none. */
  @SuppressWarnings("NullAway") // id() is null only for none(), ruled out
  private @Nullable ExprNode tenantEq(ModelSchema model) {
    FieldSchema field = model.tenantField();
    if (field == null) {
      return null;
    }
    Tenant t = require(model);
    return t.isNone() ? null
        : ExprNode.eq(new ExprNode.Field(model.name(), field.index()), ExprNode.of(t.id()));
  }

  private Tenant require(ModelSchema model) {
    if (tenant == null) {
      throw new TenantScopeException(Reason.MISSING, model.name(), null,
          "the model is tenant-scoped and the statement's Context holds no tenant: "
          + "contextWrite(Tenant.use(..)), or Tenant.none() for every tenant's records");
    }
    return tenant;
  }

  private static boolean isTenantField(ModelSchema model, int index) {
    FieldSchema field = model.tenantField();
    return field != null && field.index() == index;
  }

  private @Nullable ModelSchema model(Source source) {
    return source instanceof Source.Model m && schema.hasModel(m.model())
        ? schema.model(m.model()) : null;
  }
}
