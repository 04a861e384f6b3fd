package io.toasty.example.techempower;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /<prefix>/db}, {@code /queries}, {@code /fortunes} and {@code /updates} for each
 * implementation.
 */
@Configuration(proxyBeanMethods = false)
public class Routes {

  /** The routes of every implementation. */
  @Bean
  public RouterFunction<ServerResponse> techEmpowerRoutes(Implementations implementations) {
    RouterFunctions.Builder routes = RouterFunctions.route();
    implementations.stores().forEach((prefix, store) -> {
      TestHandlers handlers = new TestHandlers(store);
      routes.path("/" + prefix, b -> b
          .GET("/db", handlers::db)
          .GET("/queries", handlers::queries)
          .GET("/fortunes", handlers::fortunes)
          .GET("/updates", handlers::updates));
    });
    return routes.build();
  }
}
