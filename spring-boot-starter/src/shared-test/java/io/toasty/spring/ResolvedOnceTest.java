package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.Tenant;
import io.toasty.reactive.Db;
import io.toasty.reactive.ReadYourWrites;
import io.toasty.reactive.Toasty;
import io.toasty.spring.app.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The web filters look their bean up once, not once per request (a bean factory lookup per
 * request was about 6 % of a WebFlux service's CPU), and still act on it on every request.
 */
class ResolvedOnceTest {

  @Test
  void theReadYourWritesFilterLooksItsDbUpOnce() {
    String url = "r2dbc:h2:mem:///" + Backend.randomName();
    Db db = Toasty.builder().models(Labels.MODEL).url(url).replica(url).build();
    try {
      Counting<Db> provider = new Counting<>(Db.class, db);
      List<Boolean> sessions = run(new ReadYourWritesWebFilter(provider), 3,
          context -> ReadYourWrites.in(context).isPresent());
      assertThat(sessions).containsExactly(true, true, true);
      assertThat(provider.asked.get()).isEqualTo(1);
    } finally {
      db.close().block();
    }
  }

  @Test
  void theTenantFilterLooksItsResolverUpOnce() {
    TenantResolver acme = exchange -> Mono.just(Tenant.of("acme"));
    Counting<TenantResolver> provider = new Counting<>(TenantResolver.class, acme);
    List<Boolean> tenants = run(new TenantWebFilter(provider), 3,
        context -> Tenant.in(context).map(t -> t.equals(Tenant.of("acme"))).orElse(false));
    assertThat(tenants).containsExactly(true, true, true);
    assertThat(provider.asked.get()).isEqualTo(1);
  }

  @Test
  void noBeanIsAlsoKept() {
    Counting<TenantResolver> provider = new Counting<>(TenantResolver.class, null);
    List<Boolean> tenants = run(new TenantWebFilter(provider), 2,
        context -> Tenant.in(context).isPresent());
    assertThat(tenants).containsExactly(false, false);
    assertThat(provider.asked.get()).isEqualTo(1);
  }

  /** What {@code seen} reads from each of {@code requests} requests' Context past the filter. */
  private static List<Boolean> run(WebFilter filter, int requests,
      Function<ContextView, Boolean> seen) {
    List<Boolean> out = new ArrayList<>();
    WebFilterChain chain = exchange -> Mono.deferContextual(context -> {
      out.add(seen.apply(context));
      return Mono.empty();
    });
    for (int i = 0; i < requests; i++) {
      filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/")), chain).block();
    }
    return out;
  }

  /** A bean factory's provider of {@code type} that counts its lookups. */
  private static final class Counting<T> implements ObjectProvider<T> {
    final AtomicInteger asked = new AtomicInteger();
    private final ObjectProvider<T> beans;

    Counting(Class<T> type, T bean) {
      DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
      if (bean != null) {
        factory.registerSingleton("bean", bean);
      }
      this.beans = factory.getBeanProvider(type);
    }

    @Override
    public T getObject() {
      asked.incrementAndGet();
      return beans.getObject();
    }

    @Override
    public T getObject(Object... args) {
      asked.incrementAndGet();
      return beans.getObject(args);
    }

    @Override
    public T getIfAvailable() {
      asked.incrementAndGet();
      return beans.getIfAvailable();
    }

    @Override
    public T getIfUnique() {
      asked.incrementAndGet();
      return beans.getIfUnique();
    }
  }
}
