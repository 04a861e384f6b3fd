package io.toasty.example.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Raw HTTP/1.1 on one keep-alive connection, so that the server's request queue is exercised
 * the way WebTestClient only hits by chance: two requests sent in one write, the first answered
 * after a database read (so the second is queued meanwhile) and the second answered synchronously
 * (a 400 from a parameter check), then a third request on the same connection. Reactor Netty 1.2 stops reading such a connection
 * (reactor-netty #4361) unless {@link KeepAliveReads} re-arms the read.
 */
final class KeepAliveContract {
  /** Only a guard against a hang holding the build: the exchange takes milliseconds. */
  private static final int READ_GUARD_MS = 30_000;

  private KeepAliveContract() {}

  /**
   * The statuses of three requests on one connection: {@code queued} then {@code immediate}
   * pipelined, then {@code immediate} again.
   */
  static int[] threeOnOneConnection(int port, String queued, String immediate)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(READ_GUARD_MS);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      String request = get(immediate);
      out.write((get(queued) + request).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      int first = status(in);
      int second = status(in);
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new int[] {first, second, status(in)};
    }
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
  }

  /** Reads one response (head and a Content-Length body) and returns its status. */
  private static int status(InputStream in) throws IOException {
    String head = head(in);
    int length = 0;
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    assertThat(in.readNBytes(length)).hasSize(length);
    return Integer.parseInt(head.substring(9, 12));
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the server closed the connection mid-response: " + head);
      }
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
