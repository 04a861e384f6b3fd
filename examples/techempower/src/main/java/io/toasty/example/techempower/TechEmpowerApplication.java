package io.toasty.example.techempower;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * TechEmpower's database tests served by five implementations, each under its own path prefix
 * ({@link Implementations}): {@code /toasty-r2dbc/db}, {@code /raw-vertx/queries?queries=20},
 * ... Starts on port 8080 ({@code server.port}); the database is created first if absent
 * ({@code techempower.*}).
 */
@SpringBootApplication
@EnableConfigurationProperties(TechEmpowerProperties.class)
public class TechEmpowerApplication {

  /** Starts the service. */
  public static void main(String[] args) {
    SpringApplication.run(TechEmpowerApplication.class, args);
  }
}
