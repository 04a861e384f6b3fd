package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * A statement on a tenant-scoped model ({@code @TenantId}) cannot run in its tenant scope:
 * the subscriber's Context holds no tenant ({@code Tenant.use(..)} nor {@code Tenant.none()}), a
 * create or update names another tenant, or a raw statement names a tenant-scoped table without
 * {@code Tenant.rawChecked()}. Raised before anything reaches the database; {@link #reason()}
 * says which.
 */
public final class TenantScopeException extends ToastyException {
  private static final long serialVersionUID = 1L;

  /** Why the statement was refused. */
  public enum Reason {
    /** The Context holds no tenant. */
    MISSING,
    /**
     * The request holds no tenant its resolver could read (the Spring starters'
     * {@code TenantResolver}, docs/tenancy.md): the caller's fault, not the service's.
     */
    UNRESOLVED,
    /** A create or update sets the tenant field to another tenant. */
    OTHER_TENANT,
    /** A raw statement names a tenant-scoped table, unvouched. */
    RAW,
    /** A path query crosses a tenant-scoped model, which no filter of it can scope. */
    PATH,
    /**
     * A change stream of a tenant-scoped model outside {@code Tenant.none()}: the notices carry
     * every tenant's keys, which a tenant's subscriber must not learn.
     */
    CHANGES
  }

  private final Reason reason;

  public TenantScopeException(Reason reason, @Nullable String model, @Nullable String field,
      String message) {
    super(model, field, message, null);
    this.reason = reason;
  }

  /** Why the statement was refused. */
  public Reason reason() {
    return reason;
  }

  /**
   * {@link ErrorCategory#INTERNAL} for a missing tenant (the service forgot to say whose request
   * this is), else {@link ErrorCategory#INVALID_INPUT} (an unresolved one included: the request
   * did not say whose it is).
   */
  @Override
  public ErrorCategory category() {
    return reason == Reason.MISSING ? ErrorCategory.INTERNAL : ErrorCategory.INVALID_INPUT;
  }
}
