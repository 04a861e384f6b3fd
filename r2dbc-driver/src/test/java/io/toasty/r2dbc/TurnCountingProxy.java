package io.toasty.r2dbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a local port in front of a database server that counts network round trips as
 * "turns": a burst of bytes from the client that follows bytes from the server (or opens the
 * conversation). A client that sends statement k + 1 only after reading the answer to statement
 * k takes one turn per statement; one that sends every statement before reading any answer
 * takes one turn in all. The count does not depend on timing where the client waits for the
 * server, which is what the tests that use it assert.
 *
 * <p>Plain threads, two per connection: test code, outside every Reactor scheduler.
 */
final class TurnCountingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final String host;
  private final int port;
  private final AtomicInteger turns = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  /** Whether the server spoke last: the client's next bytes then start a turn. */
  private volatile boolean serverSpokeLast = true;

  private TurnCountingProxy(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  /** A proxy to {@code host:port}, accepting connections on {@link #port()}. */
  static TurnCountingProxy to(String host, int port) throws IOException {
    TurnCountingProxy proxy = new TurnCountingProxy(host, port);
    daemon("proxy-accept", proxy::accept);
    return proxy;
  }

  /** The local port clients connect to. */
  int port() {
    return listener.getLocalPort();
  }

  /** Turns counted so far, over every connection through the proxy. */
  int turns() {
    return turns.get();
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
        daemon("proxy-up", () -> pump(client, server, true));
        daemon("proxy-down", () -> pump(server, client, false));
      }
    } catch (IOException closed) {
      // the listener was closed: the proxy is done
    }
  }

  private void pump(Socket from, Socket to, boolean fromClient) {
    byte[] buffer = new byte[65536];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        if (!fromClient) {
          serverSpokeLast = true; // before the client can see the bytes and answer them
        } else if (serverSpokeLast) {
          serverSpokeLast = false;
          turns.incrementAndGet();
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException closed) {
      // one side closed the connection
    } finally {
      closeQuietly(to);
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
