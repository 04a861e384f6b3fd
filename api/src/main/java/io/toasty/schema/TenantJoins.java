package io.toasty.schema;

import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.schema.app.RelationSchema.Through;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many-to-many relations whose source, join model and target are all tenant-scoped, joined on
 * the tenant too: {@code source.(key, tenant) = join.(sourceFk, tenant)} and {@code
 * join.(targetFk, tenant) = target.(key, tenant)}. A record then reaches its related records only
 * through join records of its own tenant, in every include, relation filter and count of the
 * relation, on every backend, since each reads the relation's keys (docs/tenancy.md; the
 * scenario {@code TenancyScenarios.joinRowsOfAScopedJoinModelAreScoped}).
 */
final class TenantJoins {
  private TenantJoins() {}

  /** {@code models}, each through relation among tenant-scoped models joined on the tenant. */
  static List<ModelSchema> scope(Collection<ModelSchema> models) {
    Map<String, ModelSchema> byName = new HashMap<>();
    models.forEach(m -> byName.put(m.name(), m));
    List<ModelSchema> out = new ArrayList<>(models.size());
    for (ModelSchema m : models) {
      List<RelationSchema> relations = new ArrayList<>(m.relations().size());
      boolean changed = false;
      for (RelationSchema r : m.relations()) {
        RelationSchema scoped = scoped(m, r, byName);
        changed |= scoped != r;
        relations.add(scoped);
      }
      out.add(changed ? new ModelSchema(m.name(), m.javaClass(), m.tableName(), m.fields(),
          m.primaryKey(), m.indexes(), relations, m.changes()) : m);
    }
    return out;
  }

  private static RelationSchema scoped(ModelSchema source, RelationSchema r,
      Map<String, ModelSchema> models) {
    Through via = r.through();
    ModelSchema join = via == null ? null : models.get(via.model());
    ModelSchema target = models.get(r.target());
    FieldSchema s = source.tenantField();
    FieldSchema j = join == null ? null : join.tenantField();
    FieldSchema t = target == null ? null : target.tenantField();
    if (via == null || s == null || j == null || t == null
        || via.sourceFields().contains(j.index())) {
      return r;
    }
    Through joined = new Through(via.model(), via.path(), with(via.sourceFields(), j),
        with(via.targetFields(), j));
    return new RelationSchema(r.index(), r.name(), r.kind(), r.target(), r.pair(),
        with(r.sourceFields(), s), with(r.targetFields(), t), r.nullable(), joined, r.steps(),
        r.eager(), r.max(), r.variant(), r.integrity(), r.graph());
  }

  private static List<Integer> with(List<Integer> fields, FieldSchema tenant) {
    List<Integer> out = new ArrayList<>(fields);
    out.add(tenant.index());
    return out;
  }
}
