package io.toasty.example.blog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * An NDJSON upload over a raw socket that the client resets part-way: the request announces the
 * whole body's length, sends its first lines, waits until the server's transaction has written
 * something, then closes the socket with SO_LINGER 0, which sends a TCP RST instead of a FIN.
 * Reactor Netty then fails the request body with the reset as a checked {@code IOException}
 * ("Connection reset by peer"), and may cancel the handler too: the transaction ends by whichever
 * comes first.
 */
final class ResetUpload {
  /** Only a guard against a hang holding the build: the server writes within milliseconds. */
  private static final Duration MIDWAY_GUARD = Duration.ofSeconds(60);

  private ResetUpload() {}

  /**
   * POSTs {@code lines} as NDJSON to {@code path}, sends the first {@code sent} of them, waits
   * until {@code midway} holds (the server's transaction has written rows not yet committed),
   * and resets the connection.
   */
  static void resetMidway(int port, String path, List<String> lines, int sent,
      BooleanSupplier midway) throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    int cut = 0;
    for (int i = 0; i < lines.size(); i++) {
      body.append(lines.get(i)).append('\n');
      if (i + 1 == sent) {
        cut = body.length();
      }
    }
    byte[] all = body.toString().getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/x-ndjson\r\nContent-Length: " + all.length + "\r\n\r\n";
    Socket socket = new Socket("127.0.0.1", port);
    try {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(all, 0, cut); // ASCII lines: the cut is on a character boundary
      out.flush();
      long deadline = System.nanoTime() + MIDWAY_GUARD.toNanos();
      while (!midway.getAsBoolean()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the server wrote nothing of " + path + " within "
              + MIDWAY_GUARD);
        }
        Thread.sleep(2);
      }
      socket.setSoLinger(true, 0); // close() now sends RST
    } finally {
      socket.close();
    }
  }
}
