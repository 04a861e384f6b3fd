package io.toasty.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.toasty.reactive.Db;
import io.toasty.reactive.Health;
import io.toasty.reactive.Toasty;
import io.toasty.tck.models.Credentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/**
 * {@code db.health()} against a server that cannot be reached (a closed port; for SQLite a file
 * in a directory that does not exist, for H2 a database file that does not exist) is DOWN with the error, on every backend, and never fails.
 */
class HealthUnreachableTest {

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String url(String backend, int port) {
    return switch (backend) {
      case "postgresql" -> "r2dbc:postgresql://postgres@127.0.0.1:" + port + "/test";
      case "mariadb" -> "r2dbc:mariadb://root@127.0.0.1:" + port + "/test";
      // H2 runs in this JVM (r2dbc-h2 has no client mode): a database file that does not exist
      case "h2" -> "r2dbc:h2:file:///nonexistent-" + port + "/test?IFEXISTS=TRUE";
      case "sqlite" -> "r2dbc:sqlite:///nonexistent-" + port + "/no/such/dir/test.db";
      case "dynamodb" -> "dynamodb:local?endpoint=http://127.0.0.1:" + port;
      default -> throw new IllegalArgumentException(backend);
    };
  }

  @ParameterizedTest(name = "[{0}] an unreachable server is DOWN")
  @ValueSource(strings = {"h2", "sqlite", "postgresql", "mariadb", "dynamodb"})
  void anUnreachableServerIsDown(String backend) throws IOException {
    Db db = Toasty.builder().models(Credentials.MODEL).url(url(backend, closedPort()))
        .acquireTimeout(Duration.ofSeconds(5)).build();
    try {
      Health h = db.health().block(Duration.ofSeconds(60));
      assertNotNull(h);
      assertEquals(Health.Status.DOWN, h.status(), h::toString);
      assertNotNull(h.error());
    } finally {
      db.close().onErrorResume(e -> Mono.empty())
          .block(Duration.ofSeconds(30));
    }
  }
}
