package io.toasty.example.techempower.load;

import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * A wrk-like load generator for the TechEmpower endpoints, loopback only: for each cell
 * (implementation × test × connections) it opens a fixed number of keep-alive connections, each
 * with one request in flight (the next sent when the previous response has been read whole),
 * runs them for a warm-up and then a measured duration, and appends requests/s and the p50/p99
 * latency of the measured requests to a CSV file ({@link CellResult}). With several rounds each
 * cell runs once per round, the implementations' order reversed every other round, so that a
 * load that drifts during the run moves every implementation alike.
 *
 * <pre>
 * LoadGenerator --port 8080 --impls toasty-r2dbc,raw-vertx --tests db,queries,fortunes,updates
 *     --connections 64,256 --warmup 5 --duration 10 --queries 20 --rounds 2
 *     --out target/techempower/results.csv
 * </pre>
 */
public final class LoadGenerator {
  private static final String HOST = "127.0.0.1";

  private LoadGenerator() {}

  /** Runs every cell the arguments name, in test, connections, round, implementation order. */
  public static void main(String[] args) throws IOException {
    LoadArguments a = LoadArguments.parse(args);
    Path out = Path.of(a.out());
    Files.createDirectories(out.toAbsolutePath().getParent());
    boolean header = !Files.exists(out);
    LoopResources loops = LoopResources.create("load", a.threads(), true);
    try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
      if (header) {
        csv.println(CellResult.HEADER);
      }
      for (String test : a.tests()) {
        for (int connections : a.connections()) {
          for (int round = 1; round <= a.rounds(); round++) {
            List<String> impls = new ArrayList<>(a.impls());
            if (round % 2 == 0) {
              Collections.reverse(impls);
            }
            for (String impl : impls) {
              CellResult r = run(loops, a.port(), new Cell(impl, test, connections, round),
                  path(impl, test, a.queries()), Duration.ofSeconds(a.warmup()),
                  Duration.ofSeconds(a.duration()));
              System.out.println(r.describe());
              csv.println(r.csv());
              csv.flush();
            }
          }
        }
      }
    } finally {
      loops.disposeLater().block(Duration.ofSeconds(10));
    }
  }

  /** The request path of {@code test} on {@code impl}. */
  static String path(String impl, String test, int queries) {
    boolean counted = test.equals("queries") || test.equals("updates");
    return "/" + impl + "/" + test + (counted ? "?queries=" + queries : "");
  }

  /** One cell: its connections' loops on {@code path} for warm-up plus duration. */
  static CellResult run(LoopResources loops, int port, Cell cell, String path, Duration warmup,
      Duration duration) {
    int connections = cell.connections();
    ConnectionProvider provider = ConnectionProvider.builder("load-" + connections)
        .maxConnections(connections)
        .pendingAcquireMaxCount(-1)
        .build();
    HttpClient client = HttpClient.create(provider)
        .runOn(loops)
        .host(HOST)
        .port(port)
        .option(ChannelOption.TCP_NODELAY, true)
        .keepAlive(true);
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + duration.toNanos();
    List<Recorder> recorders = new ArrayList<>(connections);
    for (int i = 0; i < connections; i++) {
      recorders.add(new Recorder(measureFrom, end));
    }
    Instant began = Instant.now();
    Flux.fromIterable(recorders)
        .flatMap(rec -> loop(client, path, rec, end), connections)
        .then()
        .block(warmup.plus(duration).plusMinutes(2));
    provider.disposeLater().block(Duration.ofSeconds(10));
    return CellResult.of(cell, began, duration, recorders);
  }

  /** One connection's requests, one after the other, until {@code end}. */
  private static Mono<Void> loop(HttpClient client, String path, Recorder rec, long end) {
    return Mono.defer(() -> {
      long sent = System.nanoTime();
      return client.get().uri(path)
          .responseSingle((response, body) -> body.asByteArray()
              .defaultIfEmpty(new byte[0])
              .map(bytes -> response.status().code()))
          .doOnNext(status -> rec.record(sent, System.nanoTime(), status == 200))
          .onErrorResume(e -> {
            rec.record(sent, System.nanoTime(), false);
            return Mono.empty();
          });
    }).repeat(() -> System.nanoTime() < end).then();
  }

  /** Formats {@code value} with two decimals, in the C locale. */
  static String decimal(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
