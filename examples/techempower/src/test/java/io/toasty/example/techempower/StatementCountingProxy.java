package io.toasty.example.techempower;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A TCP proxy in front of PostgreSQL that counts, on the wire, the statements the application
 * runs, the way TechEmpower's verifier counts them with {@code pg_stat_statements} (the calls of
 * statements whose text names the table): every Execute of the extended protocol counts the SQL
 * text its portal was bound from, every simple Query counts its text, and every
 * {@code CommandComplete} of an {@code UPDATE} adds its row count. (The local server does not
 * preload {@code pg_stat_statements}, and a counter inside the application could be bypassed by
 * what it counts; the wire cannot.) Connections must not use TLS.
 */
final class StatementCountingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String host;
  private final int port;
  private final List<String> executed = new CopyOnWriteArrayList<>();
  private final AtomicLong rowsUpdated = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  /** A proxy to {@code host:port} on a free loopback port. */
  StatementCountingProxy(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "pg-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  /** The port the application connects to. */
  int port() {
    return server.getLocalPort();
  }

  /** How many statements whose SQL text matches {@code sql} have run so far. */
  long executions(Predicate<String> sql) {
    return executed.stream().filter(sql).count();
  }

  /** The statements run so far, in order. */
  List<String> executed() {
    return List.copyOf(executed);
  }

  /** The rows the {@code UPDATE}s so far reported written. */
  long rowsUpdated() {
    return rowsUpdated.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(host, port);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(upstream);
        start("pg-proxy-up", () -> frontend(client.getInputStream(), upstream.getOutputStream()),
            client, upstream);
        start("pg-proxy-down", () -> backend(upstream.getInputStream(), client.getOutputStream()),
            client, upstream);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** A pump that closes both sockets when it ends, which ends the other pump. */
  private interface Pump {
    void run() throws IOException;
  }

  private static void start(String name, Pump pump, Socket a, Socket b) {
    Thread t = new Thread(() -> {
      try {
        pump.run();
      } catch (IOException e) {
        // the connection ended
      } finally {
        closeQuietly(a);
        closeQuietly(b);
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  /** Client to server: the startup message, then typed messages. */
  private void frontend(InputStream raw, OutputStream rawOut) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    OutputStream out = new BufferedOutputStream(rawOut, 1 << 16);
    int length = in.readInt();
    byte[] startup = new byte[length - 4];
    in.readFully(startup);
    out.write(intBytes(length));
    out.write(startup);
    out.flush();
    Map<String, String> statements = new HashMap<>();
    Map<String, String> portals = new HashMap<>();
    while (true) {
      int type = in.read();
      if (type < 0) {
        return;
      }
      byte[] body = body(in);
      switch (type) {
        case 'P' -> {
          int[] at = {0};
          String name = cString(body, at);
          statements.put(name, cString(body, at));
        }
        case 'B' -> {
          int[] at = {0};
          String portal = cString(body, at);
          portals.put(portal, statements.getOrDefault(cString(body, at), "?"));
        }
        case 'E' -> executed.add(portals.getOrDefault(cString(body, new int[] {0}), "?"));
        case 'Q' -> executed.add(cString(body, new int[] {0}));
        default -> { }
      }
      forward(type, body, in, out);
    }
  }

  /** Server to client: typed messages from the first. */
  private void backend(InputStream raw, OutputStream rawOut) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    OutputStream out = new BufferedOutputStream(rawOut, 1 << 16);
    while (true) {
      int type = in.read();
      if (type < 0) {
        return;
      }
      byte[] body = body(in);
      if (type == 'C') {
        String tag = cString(body, new int[] {0});
        if (tag.startsWith("UPDATE ")) {
          rowsUpdated.addAndGet(Long.parseLong(tag.substring("UPDATE ".length())));
        }
      }
      forward(type, body, in, out);
    }
  }

  private static byte[] body(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 4) {
      throw new EOFException("bad message length " + length);
    }
    byte[] body = new byte[length - 4];
    in.readFully(body);
    return body;
  }

  /** Writes the message on, flushing when nothing more has arrived to go with it. */
  private static void forward(int type, byte[] body, InputStream in, OutputStream out)
      throws IOException {
    out.write(type);
    out.write(intBytes(body.length + 4));
    out.write(body);
    if (in.available() == 0) {
      out.flush();
    }
  }

  private static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  private static String cString(byte[] body, int[] at) {
    int start = at[0];
    int end = start;
    while (end < body.length && body[end] != 0) {
      end++;
    }
    at[0] = end + 1;
    return new String(body, start, end - start, StandardCharsets.UTF_8);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }
}
