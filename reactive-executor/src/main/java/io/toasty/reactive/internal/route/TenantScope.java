package io.toasty.reactive.internal.route;

import io.toasty.Statement.Snapshot;
import io.toasty.Tenant;
import io.toasty.driver.Operation;
import io.toasty.error.TenantScopeException;
import io.toasty.error.TenantScopeException.Reason;
import io.toasty.planner.softdelete.HideDeleted;
import io.toasty.planner.tenant.ScopeTenant;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.util.context.ContextView;

/**
 * A {@code Db}'s statements in the tenant scope of their subscriber's Context ({@link Tenant}):
 * typed statements confined by {@link ScopeTenant}; raw SQL, Cypher and PartiQL that name a
 * tenant-scoped model's table (or label) refused unless the Context opts out
 * ({@link Tenant#none()}) or vouches for them ({@link Tenant#rawChecked()}), since no filter
 * can be added to text the engine does not parse; path queries over a tenant-scoped model
 * refused outside {@link Tenant#none()}. Inert for a schema without a tenant-scoped model.
 *
 * <p>Before the tenant, a statement on a soft-deleted model ({@code @SoftDelete}) is made to see
 * live records only, its delete an update stamped with the {@code Db}'s clock
 * ({@link HideDeleted}); the tenant then scopes that, and the soft deletes it cascades to.
 */
public final class TenantScope {
  private final Schema schema;
  /** The tenant-scoped models, or empty when the schema has none. */
  private final List<ModelSchema> scoped;
  /** Any of their model or table names, as a whole word, in any case; null when none. */
  private final @Nullable Pattern named;

  /** The time a soft delete stamps. */
  private final Clock clock;
  /** Whether a model of the schema is soft-deleted. */
  private final boolean softDeletes;

  public TenantScope(Schema schema, Clock clock) {
    this.schema = schema;
    this.clock = clock;
    this.softDeletes = HideDeleted.any(schema);
    this.scoped = schema.models().stream().filter(m -> m.tenantField() != null).toList();
    this.named = scoped.isEmpty() ? null : Pattern.compile(scoped.stream()
        .flatMap(m -> java.util.stream.Stream.of(m.name(), m.tableName()))
        .distinct().map(Pattern::quote)
        .reduce((a, b) -> a + "|" + b).map(any -> "(?<![\\w$])(" + any + ")(?![\\w$])")
        .orElseThrow(), Pattern.CASE_INSENSITIVE);
  }

  /** {@code statement} confined to the tenant of {@code context}; throws the refusal. */
  public StatementNode apply(StatementNode statement, ContextView context) {
    return tenant(hideDeleted(statement), context);
  }

  /**
   * {@code statement} as {@link #apply} makes it, after the soft deletes its delete cascades to
   * ({@link HideDeleted#cascades}), each confined alike: to run in order, in one transaction.
   */
  public List<StatementNode> applyAll(StatementNode statement, ContextView context) {
    if (!softDeletes) {
      return List.of(tenant(statement, context));
    }
    Instant now = clock.instant();
    List<StatementNode> all = new ArrayList<>();
    for (StatementNode cascade : HideDeleted.cascades(statement, schema, now)) {
      all.add(tenant(cascade, context));
    }
    all.add(tenant(HideDeleted.apply(statement, schema, now), context));
    return all;
  }

  /** {@code statement} over live records only, as it runs (no tenant: none is in reach). */
  public StatementNode hideDeleted(StatementNode statement) {
    return softDeletes ? HideDeleted.apply(statement, schema, clock.instant()) : statement;
  }

  private StatementNode tenant(StatementNode statement, ContextView context) {
    return scoped.isEmpty() ? statement
        : ScopeTenant.apply(statement, schema, Tenant.in(context).orElse(null));
  }

  /** {@code s} with its statement confined to the tenant of {@code context}. */
  public <T> Snapshot<T> apply(Snapshot<T> s, ContextView context) {
    StatementNode untyped = s.untyped();
    StatementNode confined = untyped == null ? null : apply(untyped, context);
    return confined == untyped ? s : new Snapshot<>(confined, s.result(), s.resultOn());
  }

  /** Why {@code raw} may not run in {@code context}'s scope, or null when it may. */
  public @Nullable TenantScopeException rawRefusal(Operation raw, ContextView context) {
    if (named == null || Tenant.rawCheckedIn(context)
        || Tenant.in(context).map(Tenant::isNone).orElse(false)) {
      return null;
    }
    var m = named.matcher(text(raw));
    if (!m.find()) {
      return null;
    }
    return new TenantScopeException(Reason.RAW, m.group(1), null, "a raw statement naming a "
        + "tenant-scoped table runs only under Tenant.none() or Tenant.rawChecked() (the "
        + "engine cannot add the tenant's filter to text it does not parse)");
  }

  /** Why {@code path} may not run in {@code context}'s scope, or null when it may. */
  public @Nullable TenantScopeException pathRefusal(PathNode path, ContextView context) {
    if (scoped.isEmpty() || scoped.stream().noneMatch(m -> m.name().equals(path.source()))
        || Tenant.in(context).map(Tenant::isNone).orElse(false)) {
      return null;
    }
    return new TenantScopeException(Reason.PATH, path.source(), null, "a path query over a "
        + "tenant-scoped model runs only under Tenant.none()");
  }

  /** {@code run}, unless {@code path} may not run in its subscriber's scope. */
  public Flux<Value.Record> checked(PathNode path, Flux<Value.Record> run) {
    return Flux.deferContextual(context -> {
      TenantScopeException refused = pathRefusal(path, context);
      return refused != null ? Flux.error(refused) : run;
    });
  }

  private static String text(Operation raw) {
    if (raw instanceof Operation.RawSql sql) {
      return String.join(" ", sql.text());
    }
    if (raw instanceof Operation.Partiql p) {
      return String.join(" ", p.text()) + (p.table() == null ? "" : " " + p.table());
    }
    if (raw instanceof Operation.RawCypher c) {
      return c.text() + (c.table() == null ? "" : " " + c.table());
    }
    return raw.toString().toLowerCase(Locale.ROOT);
  }
}
