package io.toasty.schema.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The indexes of a tenant-scoped model, made per tenant: an {@code @Unique} that leaves out the
 * {@code @TenantId} field gets it as its leading field, so two tenants may both hold the same
 * value; and when neither the key nor any index then leads with the tenant, an index on the
 * tenant alone is added ({@code <table>_<column>_idx}), so that a tenant's reads, which always
 * name the tenant, find its records by an index: on DynamoDB a query of that index rather than a
 * scan of the table (docs/tenancy.md). Applied where a {@link ModelSchema} is made, so push DDL,
 * migrations, the graph constraints and DynamoDB's indexes and uniqueness items all read the
 * same fields (TenancyScenarios).
 */
public final class TenantIndexes {
  private TenantIndexes() {}

  /**
   * {@code indexes} of the model stored in {@code table}: each unique one that leaves out the
   * tenant led by it, and an index on the tenant where neither {@code primaryKey} nor any of
   * them leads with it.
   */
  static List<IndexSchema> lead(String table, List<FieldSchema> fields, List<Integer> primaryKey,
      List<IndexSchema> indexes) {
    FieldSchema tenant = tenantOf(fields);
    if (tenant == null) {
      return indexes;
    }
    List<IndexSchema> out = new ArrayList<>(indexes.size() + 1);
    for (IndexSchema index : indexes) {
      out.add(index.unique() && !index.fields().contains(tenant.index())
          ? new IndexSchema(index.name(), withTenant(tenant.index(), index.fields()), true)
          : index);
    }
    if (!leads(tenant, primaryKey) && out.stream().noneMatch(ix -> leads(tenant, ix.fields()))) {
      out.add(new IndexSchema(table + "_" + tenant.columnName() + "_idx",
          List.of(tenant.index()), false));
    }
    return out;
  }

  private static boolean leads(FieldSchema tenant, List<Integer> fields) {
    return !fields.isEmpty() && fields.get(0) == tenant.index();
  }

  /**
   * An upsert's conflict {@code target} as the model's unique indexes hold it: the fields of an
   * {@code @Unique} without the tenant name the per-tenant index, so the tenant joins them; any
   * other target (the key, a target that already names the tenant) comes back as it is.
   */
  public static List<Integer> conflictTarget(ModelSchema model, List<Integer> target) {
    FieldSchema tenant = model.tenantField();
    if (tenant == null || target.isEmpty() || target.contains(tenant.index())) {
      return target;
    }
    List<Integer> widened = withTenant(tenant.index(), target);
    boolean unique = model.indexes().stream().anyMatch(ix -> ix.unique()
        && new HashSet<>(ix.fields()).equals(new HashSet<>(widened)));
    return unique ? widened : target;
  }

  private static List<Integer> withTenant(int tenant, List<Integer> fields) {
    List<Integer> out = new ArrayList<>(fields.size() + 1);
    out.add(tenant);
    out.addAll(fields);
    return out;
  }

  /** The {@code @TenantId} field of {@code fields}, or null. */
  static @Nullable FieldSchema tenantOf(List<FieldSchema> fields) {
    for (FieldSchema f : fields) {
      if (f.auto() == AutoStrategy.TENANT) {
        return f;
      }
    }
    return null;
  }
}
