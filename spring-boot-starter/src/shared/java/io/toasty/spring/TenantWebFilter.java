package io.toasty.spring;

import io.toasty.Tenant;
import io.toasty.error.TenantScopeException;
import io.toasty.error.TenantScopeException.Reason;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Each WebFlux request's statements run for the tenant its {@link TenantResolver} reads, written
 * into the request's Reactor Context ({@link Tenant#use(Tenant)}). A request whose resolver finds
 * none still runs (an endpoint may touch no tenant-scoped model), but its statements on
 * tenant-scoped models fail as {@link Reason#UNRESOLVED}, the caller's fault, rather than as the
 * service's {@link Reason#MISSING}. Without a resolver bean the filter does nothing.
 */
public final class TenantWebFilter implements WebFilter, Ordered {
  /**
   * After Spring Security's filter chain (order -100), whose authentication the principal
   * resolver reads; before the handlers.
   */
  public static final int ORDER = -50;

  /** The exchange attribute marking a request whose resolver found no tenant. */
  static final String UNRESOLVED = TenantWebFilter.class.getName() + ".unresolved";

  private final ResolvedOnce<TenantResolver> resolver;

  TenantWebFilter(ObjectProvider<TenantResolver> resolver) {
    this.resolver = new ResolvedOnce<>(resolver);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    TenantResolver found = resolver.get();
    if (found == null) {
      return chain.filter(exchange);
    }
    return found.resolve(exchange)
        .map(tenant -> chain.filter(exchange).contextWrite(Tenant.use(tenant)))
        .defaultIfEmpty(Mono.defer(() -> {
          exchange.getAttributes().put(UNRESOLVED, Boolean.TRUE);
          return chain.filter(exchange).onErrorMap(e -> forRequest(e, exchange));
        }))
        .flatMap(run -> run);
  }

  /**
   * {@code e} as the caller of {@code exchange} is answered: a missing tenant of a request that
   * named none is the caller's {@link Reason#UNRESOLVED}, not the service's {@link
   * Reason#MISSING} (here for errors no handler answered, and in {@link
   * ToastyWebExceptionAdvice} for those it answers).
   */
  static Throwable forRequest(Throwable e, ServerWebExchange exchange) {
    if (!(e instanceof TenantScopeException missing && missing.reason() == Reason.MISSING
        && exchange.getAttributes().containsKey(UNRESOLVED))) {
      return e;
    }
    TenantScopeException out = new TenantScopeException(Reason.UNRESOLVED,
        missing.model().orElse(null), null, "the request names no tenant its TenantResolver "
        + "could read, and the statement is on a tenant-scoped model");
    out.addSuppressed(e);
    return out;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
