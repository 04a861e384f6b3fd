package io.toasty.spring;

import io.toasty.Tenant;
import java.security.Principal;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whose request this is: the {@link Tenant} a WebFlux request's statements run for, which
 * {@link TenantWebFilter} writes into the request's Reactor Context (docs/tenancy.md, "In a
 * Spring Boot service"). Declare a bean of this type, or let the starter make one from
 * {@code toasty.tenant.header} or, with Spring Security, {@code toasty.tenant.from-principal}.
 * An empty result means the request names no tenant: its statements on tenant-scoped models
 * then fail with a {@code TenantScopeException} of reason {@code UNRESOLVED} (400).
 */
@FunctionalInterface
public interface TenantResolver {
  /** The tenant of {@code exchange}, or empty when it names none; an error fails the request. */
  Mono<Tenant> resolve(ServerWebExchange exchange);

  /** The tenant named by the request header {@code name}, as a {@code String} id. */
  static TenantResolver header(String name) {
    return header(name, Tenant::of);
  }

  /**
   * The tenant named by the request header {@code name}, read by {@code parse} (for a
   * {@code long} or {@code UUID} tenant field: {@code s -> Tenant.of(Long.parseLong(s))}); a
   * blank header names none.
   */
  static TenantResolver header(String name, Function<String, Tenant> parse) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parse, "parse");
    return exchange -> Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(name))
        .filter(value -> !value.isBlank()).map(parse);
  }

  /**
   * The tenant named by the authenticated principal's name (Spring Security puts the
   * authentication on the exchange); an anonymous request names none.
   */
  static TenantResolver principal() {
    return exchange -> exchange.getPrincipal().map(Principal::getName).map(Tenant::of);
  }
}
