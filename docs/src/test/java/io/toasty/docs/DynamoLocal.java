package io.toasty.docs;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.ServerSocket;

/** DynamoDB Local in this JVM, in memory, on a free port, for the guides' DynamoDB examples. */
public final class DynamoLocal implements AutoCloseable {
  private final DynamoDBProxyServer server;
  private final int port;

  private DynamoLocal(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts a server. */
  public static DynamoLocal start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
        "-inMemory", "-disableTelemetry", "-port", String.valueOf(port)});
    server.start();
    return new DynamoLocal(server, port);
  }

  /** The driver URL of this server, with tables named {@code tablePrefix...}. */
  public String url(String tablePrefix) {
    return "dynamodb:local?endpoint=http://127.0.0.1:" + port + "&tablePrefix=" + tablePrefix;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
