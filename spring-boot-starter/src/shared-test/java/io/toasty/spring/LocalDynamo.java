package io.toasty.spring;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.ServerSocket;

/** DynamoDB Local in this JVM, in memory on a free loopback port, started on first use. */
final class LocalDynamo {
  private static String endpoint;

  private LocalDynamo() {}

  /** The endpoint, such as {@code http://127.0.0.1:41234}. */
  static synchronized String endpoint() throws Exception {
    if (endpoint == null) {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
          "-inMemory", "-disableTelemetry", "-port", String.valueOf(port)});
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.stop();
        } catch (Exception ignored) {
          // the JVM is exiting
        }
      }));
      endpoint = "http://127.0.0.1:" + port;
    }
    return endpoint;
  }
}
