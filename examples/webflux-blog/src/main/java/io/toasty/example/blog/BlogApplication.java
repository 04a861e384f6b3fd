package io.toasty.example.blog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The blog service: {@code mvn -q -pl examples/webflux-blog exec:java} after a build. */
@SpringBootApplication
public class BlogApplication {

  /** Starts the service on port 8080 (server.port), on H2 unless spring.r2dbc.url says else. */
  public static void main(String[] args) {
    SpringApplication.run(BlogApplication.class, args);
  }
}
