package io.toasty.example.techempower;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Adds the {@code Server} and {@code Date} headers TechEmpower's verifier requires (Reactor
 * Netty sends neither). The date is formatted at most once a second, as TechEmpower's entries
 * commonly do; two requests a second apart carry different dates.
 */
@Component
public class ServerHeaders implements WebFilter {
  /** The {@code Server} header's value. */
  static final String SERVER = "WebFlux";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final LongSupplier millis;
  private volatile Stamp stamp = new Stamp(-1, "");

  /** Headers dated by the system clock. */
  @Autowired
  public ServerHeaders() {
    this(System::currentTimeMillis);
  }

  /** Headers dated by {@code millis} (milliseconds since the epoch). */
  ServerHeaders(LongSupplier millis) {
    this.millis = millis;
  }

  /** A second and its formatted date. */
  private record Stamp(long second, String text) {}

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getResponse().getHeaders();
    headers.set(HttpHeaders.SERVER, SERVER);
    headers.set(HttpHeaders.DATE, date());
    return chain.filter(exchange);
  }

  private String date() {
    long now = millis.getAsLong() / 1000;
    Stamp current = stamp;
    if (current.second() != now) {
      current = new Stamp(now, HTTP_DATE.format(Instant.ofEpochSecond(now)));
      stamp = current;
    }
    return current.text();
  }
}
