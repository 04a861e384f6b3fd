package io.toasty;

import io.toasty.value.Value;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The tenant whose records the statements of a subscriber read and write, carried in its Reactor
 * {@link Context}. Statements on a model with a {@link io.toasty.annotations.TenantId} field
 * see only this tenant's records, and creates have it stamped on them:
 *
 * <pre>{@code
 * Flux<Order> mine = Orders.all().stream(db).contextWrite(Tenant.use("acme"));
 * Mono<Long> purged = Orders.filter(Orders.CLOSED.isTrue()).delete(db)
 *     .contextWrite(Tenant.none()); // every tenant's: maintenance
 * }</pre>
 *
 * <p>With neither in the Context, a statement on a tenant-scoped model fails with
 * {@link io.toasty.error.TenantScopeException} before anything is sent. Raw SQL, Cypher and
 * PartiQL naming a tenant-scoped model's table run only under {@link #none()} or where the
 * caller vouches that they filter by tenant themselves ({@link #rawChecked()}). See
 * docs/tenancy.md.
 */
public final class Tenant {
  /** The Context key of the tenant (or of the opt-out, {@link #none()}). */
  public static final Object CONTEXT_KEY = Tenant.class;
  /** The Context key of {@link #rawChecked()}. */
  public static final Object RAW_CHECKED_KEY = Tenant.class.getName() + ".rawChecked";

  /** The opt-out as a value: no tenant, every tenant's records ({@link #none()}). */
  public static final Tenant NONE = new Tenant(null);

  private final @Nullable Value id;

  private Tenant(@Nullable Value id) {
    this.id = id;
  }

  /** The tenant {@code id}, for a {@code String} tenant field. */
  public static Tenant of(String id) {
    return new Tenant(new Value.Str(Objects.requireNonNull(id, "id")));
  }

  /** The tenant {@code id}, for a {@code long} tenant field. */
  public static Tenant of(long id) {
    return new Tenant(new Value.I64(id));
  }

  /** The tenant {@code id}, for a {@code UUID} tenant field. */
  public static Tenant of(UUID id) {
    return new Tenant(new Value.Uuid(Objects.requireNonNull(id, "id")));
  }

  /** For {@code contextWrite}: the statements below run for {@code tenant}. */
  public static Function<Context, Context> use(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return context -> context.put(CONTEXT_KEY, tenant);
  }

  /** {@code use(Tenant.of(id))}. */
  public static Function<Context, Context> use(String id) {
    return use(of(id));
  }

  /**
   * For {@code contextWrite}: the statements below run for no tenant and see every tenant's
   * records (maintenance, migrations, reports across tenants); a create sets the tenant field
   * itself.
   */
  public static Function<Context, Context> none() {
    return use(NONE);
  }

  /**
   * For {@code contextWrite}: the raw SQL, Cypher and PartiQL below may name tenant-scoped
   * tables; the caller vouches that they filter by tenant themselves (the engine cannot read
   * them to add the filter).
   */
  public static Function<Context, Context> rawChecked() {
    return context -> context.put(RAW_CHECKED_KEY, Boolean.TRUE);
  }

  /** The tenant, or the opt-out, that {@code context} holds; empty when it holds neither. */
  public static Optional<Tenant> in(ContextView context) {
    Object held = context.getOrDefault(CONTEXT_KEY, null);
    return held instanceof Tenant t ? Optional.of(t) : Optional.empty();
  }

  /** Whether {@code context} vouches for its raw statements ({@link #rawChecked()}). */
  public static boolean rawCheckedIn(ContextView context) {
    return Boolean.TRUE.equals(context.getOrDefault(RAW_CHECKED_KEY, null));
  }

  /** Whether this is the opt-out, {@link #NONE}. */
  public boolean isNone() {
    return id == null;
  }

  /** The tenant's id as a value; {@code null} for the opt-out. */
  public @Nullable Value id() {
    return id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tenant t && Objects.equals(id, t.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }

  @Override
  public String toString() {
    return id == null ? "Tenant.none()" : "Tenant(" + id + ")";
  }
}
