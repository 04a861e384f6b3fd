package io.toasty.spring;

import org.jspecify.annotations.Nullable;

/**
 * The {@code toasty.tenant.*} properties: how a WebFlux request's tenant is read when the
 * application declares no {@link TenantResolver} of its own (docs/tenancy.md).
 */
public class TenantProperties {
  /** The request header that names the request's tenant (a String id); unset: none is read. */
  private @Nullable String header;

  /**
   * With Spring Security on the class path, whether the authenticated principal's name is the
   * request's tenant.
   */
  private boolean fromPrincipal;

  /** The header naming the tenant, or null. */
  public @Nullable String getHeader() {
    return header;
  }

  /** Sets the header naming the tenant. */
  public void setHeader(@Nullable String header) {
    this.header = header;
  }

  /** Whether the principal's name is the tenant. */
  public boolean isFromPrincipal() {
    return fromPrincipal;
  }

  /** Sets whether the principal's name is the tenant. */
  public void setFromPrincipal(boolean fromPrincipal) {
    this.fromPrincipal = fromPrincipal;
  }
}
