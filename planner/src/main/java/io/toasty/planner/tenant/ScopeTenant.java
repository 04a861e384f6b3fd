package io.toasty.planner.tenant;

import io.toasty.Tenant;
import io.toasty.error.TenantScopeException;
import io.toasty.error.TenantScopeException.Reason;
import io.toasty.planner.eager.EagerIncludes;
import io.toasty.planner.expr.RowScope;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
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
public final class ScopeTenant extends RowScope {
  private final @Nullable Tenant tenant;

  private ScopeTenant(Schema schema, @Nullable Tenant tenant) {
    super(schema);
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

  /** {@code model.tenant = tenant}, or null when the model is not scoped or the scope is none. */
  @Override
  protected @Nullable ExprNode condition(ModelSchema model, ExprNode filter) {
    FieldSchema field = model.tenantField();
    if (field == null) {
      return null;
    }
    Tenant t = require(model);
    return t.isNone() ? null
        : ExprNode.eq(new ExprNode.Field(model.name(), field.index()), ExprNode.of(id(t)));
  }

  /** An update, refused when it writes another tenant to the tenant field. */
  @Override
  protected StatementNode update(UpdateNode u) {
    ModelSchema model = model(u.target());
    for (Assignment a : u.assignments()) {
      if (model != null && isTenantField(model, a.target())) {
        checkNamed(model, a.value());
      }
    }
    return super.update(u);
  }

  /** A create, refused when an upsert's update path could reach another tenant's record. */
  @Override
  protected InsertNode insert(InsertNode i) {
    InsertNode scoped = super.insert(i);
    ModelSchema model = model(i.target());
    FieldSchema field = model == null ? null : model.tenantField();
    if (model != null && field != null && i.onConflict() != null) {
      checkConflictTarget(model, field, i.onConflict());
    }
    return scoped;
  }

  /** The tenant slot of a created row: the tenant, stamped; one named by the caller, checked. */
  @Override
  protected ExprNode created(@Nullable ModelSchema model, int field, ExprNode slot) {
    if (model == null || !isTenantField(model, field)) {
      return expr(slot);
    }
    Tenant t = require(model);
    if (slot instanceof ExprNode.Default) {
      if (t.isNone()) {
        throw new TenantScopeException(Reason.MISSING, model.name(),
            tenantFieldName(model), "a create under Tenant.none() sets the tenant itself");
      }
      return ExprNode.of(id(t));
    }
    checkNamed(model, slot);
    return slot;
  }

  /** A value written to the tenant field: the scope's own tenant, or refused. */
  private void checkNamed(ModelSchema model, ExprNode value) {
    Tenant t = require(model);
    if (t.isNone() || value instanceof ExprNode.Const c && c.value().equals(t.id())) {
      return;
    }
    throw new TenantScopeException(Reason.OTHER_TENANT, model.name(),
        tenantFieldName(model), "a statement for tenant " + t.id()
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

  /** The id of {@code t}, a tenant other than {@code Tenant.none()}. */
  private static Value id(Tenant t) {
    return Objects.requireNonNull(t.id(), "only Tenant.none() has no id");
  }

  /** The name of the tenant field of {@code model}, a tenant-scoped model. */
  private static String tenantFieldName(ModelSchema model) {
    return Objects.requireNonNull(model.tenantField(), "a tenant-scoped model").name();
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
}
