package io.toasty.example.techempower;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application, started once per test JVM on a random port, with every implementation's
 * connections going through a {@link StatementCountingProxy} in front of the local PostgreSQL.
 * Pools of 4 connections each keep the 20 connections within the shared server's limit. Left
 * running until the JVM ends: the verifier tests of all five implementations share it.
 */
final class TestServer {
  private static TestServer instance;

  final StatementCountingProxy proxy;
  final int port;

  private TestServer(StatementCountingProxy proxy, int port) {
    this.proxy = proxy;
    this.port = port;
  }

  /** The running server, started on first use. */
  static synchronized TestServer get() {
    if (instance == null) {
      try {
        StatementCountingProxy proxy = new StatementCountingProxy("127.0.0.1", 5432);
        ConfigurableApplicationContext context = SpringApplication.run(
            TechEmpowerApplication.class, "--server.port=0",
            "--techempower.port=" + proxy.port(), "--techempower.pool-size=4",
            "--logging.level.root=WARN");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        instance = new TestServer(proxy, port);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }
}
