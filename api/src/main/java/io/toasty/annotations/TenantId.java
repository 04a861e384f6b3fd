package io.toasty.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The record's tenant: a {@code String}, {@code long} or {@code UUID} field (not Optional) that
 * makes its model <i>tenant-scoped</i>. Every statement on the model runs for the tenant its
 * subscriber's Reactor Context holds ({@code io.toasty.Tenant.use("acme")}): reads, updates,
 * deletes, includes, relation filters and aggregates see only that tenant's records, and a create
 * has the tenant stamped on it. A statement with no tenant in its Context fails with
 * {@code io.toasty.error.TenantScopeException} before anything is sent; {@code Tenant.none()}
 * opts out, for maintenance. At most one per model. See docs/tenancy.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface TenantId {}
