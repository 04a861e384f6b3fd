package io.toasty.tck;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Neo4j server in a JVM of its own, for a server version this JVM cannot host (Neo4j 2025.x
 * needs Java 21): the {@code tck-neo4j-server} module's {@code Neo4jServerMain}, started on the
 * JDK {@code toasty.neo4j.server.java} names, with the class path that module's build wrote
 * ({@code target/server-classpath.txt} beside its {@code target/classes}). It prints its Bolt URI
 * and runs until its standard input closes: this JVM holds that pipe, so the server stops when
 * this JVM exits, however it exits.
 */
final class ForkedNeo4j {
  private static final String MAIN = "io.toasty.tck.neo4jserver.Neo4jServerMain";
  /** The line's start that {@code Neo4jServerMain} prints before its Bolt URI. */
  private static final String READY = "toasty-neo4j-bolt ";
  private static final long START_SECONDS = 300;

  private ForkedNeo4j() {}

  /** Starts the server and returns its Bolt URI once it accepts connections. */
  static URI start(String javaCommand, Path moduleTarget) {
    try {
      String classpath = moduleTarget.resolve("classes") + File.pathSeparator
          + Files.readString(moduleTarget.resolve("server-classpath.txt")).trim();
      Process process = new ProcessBuilder(javaCommand, "-Xmx1g", "-cp", classpath, MAIN)
          .redirectErrorStream(true).start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "neo4j-fork-stop"));
      return awaitUri(process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the forked Neo4j server with " + javaCommand, e);
    }
  }

  /** Reads the server's output up to its Bolt URI, then drains the rest so it never blocks. */
  private static URI awaitUri(Process process) throws IOException {
    BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> before = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    for (String line; (line = lines.readLine()) != null && System.nanoTime() < deadline; ) {
      if (line.startsWith(READY)) {
        Thread drain = new Thread(() -> drain(lines), "neo4j-fork-output");
        drain.setDaemon(true);
        drain.start();
        return URI.create(line.substring(READY.length()).trim());
      }
      before.add(line);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the forked Neo4j server printed no Bolt URI:\n"
        + String.join("\n", before.subList(Math.max(0, before.size() - 40), before.size())));
  }

  private static void drain(BufferedReader lines) {
    try {
      while (lines.readLine() != null) {
        // The server's log: nothing the run reads.
      }
    } catch (IOException e) {
      // The server is gone; nothing more to read.
    }
  }

  /** Closes the server's standard input (it stops itself), forcing it after 30 s. */
  private static void stop(Process process) {
    try (OutputStream in = process.getOutputStream()) {
      in.flush();
    } catch (IOException e) {
      // Already closed: the server sees the end of its input either way.
    }
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
