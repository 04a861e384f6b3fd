package io.toasty.spring;

import io.toasty.reactive.Db;
import io.toasty.spring.app.Memo;
import io.toasty.spring.app.Memos;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A WebFlux application whose handlers never name a tenant: the starter's {@link TenantWebFilter}
 * gives each request its own ({@link TenantWebFilterTest} drives it over HTTP).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TenantApp.Endpoints.class)
class TenantApp {
  /** Only the tenant-scoped model: the other test apps' models stay out of this schema. */
  @Bean
  ToastyModels toastyModels() {
    return new ToastyModels(List.of(Memos.MODEL));
  }

  /** The endpoints. */
  // snippet: tenancy-spring-endpoints
  @RestController
  static class Endpoints {
    private final Db db;

    Endpoints(Db db) {
      this.db = db;
    }

    @PostMapping("/memos")   // stamped with the request's tenant
    Mono<Memo> create(@RequestBody String text) {
      return Memos.create().text(text).exec(db);
    }

    @GetMapping("/memos")    // the request's tenant's memos only
    Mono<List<String>> texts() {
      return Memos.all().collect(db).map(all -> all.stream().map(Memo::text).sorted().toList());
    }
  }
  // end-snippet
}
