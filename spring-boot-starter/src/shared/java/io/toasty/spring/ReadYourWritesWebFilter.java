package io.toasty.spring;

import io.toasty.reactive.Db;
import io.toasty.reactive.ReadYourWrites;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One {@link ReadYourWrites} session per WebFlux request, when the {@code Db} has read replicas
 * ({@code toasty.replicas.urls}): a request that wrote reads its writes from the primary
 * (docs/databases.md#read-replicas). A {@code Db} without replicas is left alone.
 */
public final class ReadYourWritesWebFilter implements WebFilter, Ordered {
  private final ResolvedOnce<Db> db;

  ReadYourWritesWebFilter(ObjectProvider<Db> db) {
    this.db = new ResolvedOnce<>(db);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Db found = db.get();
    return found == null || found.replicas().isEmpty() ? chain.filter(exchange)
        : chain.filter(exchange).contextWrite(ReadYourWrites::start);
  }

  /** Early: the session is in place for every filter after it that reads or writes. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
