package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.reactive.Db;
import io.toasty.reactive.ReadYourWrites;
import io.toasty.reactive.Toasty;
import io.toasty.spring.app.Labels;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** A request gets a ReadYourWrites session where the Db has read replicas, and only there. */
class ReadYourWritesWebFilterTest {

  @Test
  void aDbWithReplicasGetsASessionPerRequest() {
    String url = "r2dbc:h2:mem:///" + Backend.randomName();
    Db db = Toasty.builder().models(Labels.MODEL).url(url).replica(url).build();
    try {
      assertThat(sessionSeen(db)).isTrue();
    } finally {
      db.close().block();
    }
  }

  @Test
  void aDbWithoutReplicasIsLeftAlone() {
    Db db = Toasty.builder().models(Labels.MODEL).url("r2dbc:h2:mem:///" + Backend.randomName())
        .build();
    try {
      assertThat(sessionSeen(db)).isFalse();
    } finally {
      db.close().block();
    }
  }

  private static boolean sessionSeen(Db db) {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("db", db);
    ReadYourWritesWebFilter filter = new ReadYourWritesWebFilter(beans.getBeanProvider(Db.class));
    AtomicReference<Boolean> seen = new AtomicReference<>();
    WebFilterChain chain = exchange -> Mono.deferContextual(context -> {
      seen.set(ReadYourWrites.in(context).isPresent());
      return Mono.empty();
    });
    filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/")), chain).block();
    return seen.get();
  }
}
