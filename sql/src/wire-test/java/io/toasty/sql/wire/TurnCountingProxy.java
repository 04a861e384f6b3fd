package io.toasty.sql.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A TCP proxy on a local port in front of a database server that counts network round trips as
 * "turns": a burst of bytes from the client that follows bytes from the server (or opens the
 * conversation). A client that sends statement k + 1 only after reading the answer to statement
 * k takes one turn per statement; one that sends every statement before reading any answer
 * takes one turn in all. The count does not depend on timing where the client waits for the
 * server, which is what the tests that use it assert.
 *
 * <p>Plain threads, two per connection: test code, outside every Reactor scheduler. One client
 * connection at a time, without SSL (the message count reads the startup message first).
 *
 * <p>Test code of the PostgreSQL transports (r2dbc-driver's {@code PostgresPipeliningTest},
 * vertx-driver's {@code PipelinedReadTest}), compiled into each one's tests from
 * {@code sql/src/wire-test} (build-helper's {@code add-test-source}): the driver modules depend
 * on {@code api} and {@code sql} only, and no module publishes test code.
 */
public final class TurnCountingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final String host;
  private final int port;
  private final AtomicInteger turns = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  /** Whether the server spoke last: the client's next bytes then start a turn. */
  private volatile boolean serverSpokeLast = true;
  /** Messages the clients sent, by PostgreSQL frontend message type. */
  private final Map<Character, AtomicInteger> sent =
      new ConcurrentHashMap<>();
  /** The server's bytes held back from the client until {@link #release()}; null: none held. */
  private ByteArrayOutputStream held;
  private OutputStream toClient;

  private TurnCountingProxy(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  /** A proxy to {@code host:port}, accepting connections on {@link #port()}. */
  public static TurnCountingProxy to(String host, int port) throws IOException {
    TurnCountingProxy proxy = new TurnCountingProxy(host, port);
    daemon("proxy-accept", proxy::accept);
    return proxy;
  }

  /** The local port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Turns counted so far, over every connection through the proxy. */
  public int turns() {
    return turns.get();
  }

  /** How many messages of {@code type} ('Q' a simple query, 'S' a Sync) the clients sent. */
  public int sent(char type) {
    AtomicInteger n = sent.get(type);
    return n == null ? 0 : n.get();
  }

  /**
   * Holds the server's bytes back from the client from now on: a client that waits for an answer
   * before it writes the next statement then writes nothing more until {@link #release()}.
   */
  public synchronized void hold() {
    held = new ByteArrayOutputStream();
  }

  /** Passes on what was held and stops holding. */
  public synchronized void release() throws IOException {
    ByteArrayOutputStream bytes = held;
    held = null;
    if (bytes != null && bytes.size() > 0) {
      toClient(bytes.toByteArray(), bytes.size());
    }
  }

  /** Bytes of the server's on to the client, unless held; the client may answer them next. */
  private synchronized void down(byte[] buffer, int n) throws IOException {
    if (held != null) {
      held.write(buffer, 0, n);
    } else {
      toClient(buffer, n);
    }
  }

  private void toClient(byte[] buffer, int n) throws IOException {
    serverSpokeLast = true;
    toClient.write(buffer, 0, n);
    toClient.flush();
  }

  private void accept() {
    try {
      while (!listener.isClosed()) {
        Socket client = listener.accept();
        Socket server = new Socket(host, port);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(server);
        toClient = client.getOutputStream(); // one connection at a time through this proxy
        daemon("proxy-up", () -> pump(client, server, true));
        daemon("proxy-down", () -> pump(server, client, false));
      }
    } catch (IOException closed) {
      // the listener was closed: the proxy is done
    }
  }

  private void pump(Socket from, Socket to, boolean fromClient) {
    byte[] buffer = new byte[65536];
    FrontendMessages messages = new FrontendMessages();
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        if (!fromClient) {
          down(buffer, n);
          continue;
        }
        if (serverSpokeLast) {
          serverSpokeLast = false;
          turns.incrementAndGet();
        }
        messages.read(buffer, n, type -> sent.computeIfAbsent(type, t -> new AtomicInteger())
            .incrementAndGet());
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException closed) {
      // one side closed the connection
    } finally {
      closeQuietly(to);
    }
  }

  /**
   * Splits the client's bytes into PostgreSQL frontend messages: the startup message first
   * (a length, no type), then a type byte and a length each.
   */
  private static final class FrontendMessages {
    private boolean started;
    private final byte[] header = new byte[5];
    private int headerRead;
    private long bodyLeft;

    void read(byte[] buffer, int n, Consumer<Character> onType) {
      int i = 0;
      while (i < n) {
        if (bodyLeft > 0) {
          int skip = (int) Math.min(bodyLeft, n - i);
          bodyLeft -= skip;
          i += skip;
          continue;
        }
        int size = started ? 5 : 4;
        header[headerRead++] = buffer[i++];
        if (headerRead == size) {
          int at = started ? 1 : 0;
          int length = ((header[at] & 0xff) << 24) | ((header[at + 1] & 0xff) << 16)
              | ((header[at + 2] & 0xff) << 8) | (header[at + 3] & 0xff);
          if (started) {
            onType.accept((char) header[0]);
          }
          bodyLeft = length - 4; // the length counts itself, not the type
          headerRead = 0;
          started = true;
        }
      }
    }
  }

  private static void daemon(String name, Runnable work) {
    Thread t = new Thread(work, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing on the way out
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    sockets.forEach(TurnCountingProxy::closeQuietly);
  }
}
