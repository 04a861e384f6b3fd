package io.toasty.example.techempower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The Date header follows the clock from second to second: TechEmpower's verifier fails a Date
 * that two requests three seconds apart share ("Invalid Cached Date").
 */
class ServerHeadersTest {

  private static String date(ServerHeaders headers) {
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
    headers.filter(exchange, e -> Mono.empty()).block();
    assertEquals(ServerHeaders.SERVER, exchange.getResponse().getHeaders().getFirst("Server"));
    return exchange.getResponse().getHeaders().getFirst("Date");
  }

  @Test
  void theDateIsTheClocksToTheSecond() {
    AtomicLong now = new AtomicLong(1_795_000_000_123L);
    ServerHeaders headers = new ServerHeaders(now::get);
    String first = date(headers);
    assertEquals("Wed, 18 Nov 2026 11:06:40 GMT", first);
    now.addAndGet(800);
    assertEquals(first, date(headers));
    now.addAndGet(3_000);
    assertNotEquals(first, date(headers));
    assertEquals("Wed, 18 Nov 2026 11:06:43 GMT", date(headers));
  }
}
