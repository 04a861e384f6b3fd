package io.toasty.example.techempower.load;

import java.util.Arrays;
import java.util.List;

/**
 * The load generator's arguments; each has a default, so no argument runs the whole matrix.
 *
 * @param port the application's port on the loopback interface
 * @param impls the implementations (path prefixes)
 * @param tests the tests: {@code db}, {@code queries}, {@code fortunes}, {@code updates}
 * @param connections the numbers of connections, one cell each
 * @param warmup seconds of load before measuring
 * @param duration seconds measured
 * @param queries the {@code queries} parameter of the queries and updates tests
 * @param threads the client's event loop threads
 * @param out the CSV file results are appended to
 */
record LoadArguments(int port, List<String> impls, List<String> tests, List<Integer> connections,
    int warmup, int duration, int queries, int threads, String out) {

  /** Reads {@code --name value} pairs. */
  static LoadArguments parse(String[] args) {
    LoadArguments a = new LoadArguments(8080,
        List.of("toasty-r2dbc", "toasty-vertx", "raw-r2dbc", "spring-data", "raw-vertx"),
        List.of("db", "queries", "fortunes", "updates"), List.of(64, 256), 5, 10, 20, 1,
        "target/techempower/results.csv");
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      a = switch (args[i]) {
        case "--port" -> new LoadArguments(Integer.parseInt(v), a.impls, a.tests, a.connections,
            a.warmup, a.duration, a.queries, a.threads, a.out);
        case "--impls" -> new LoadArguments(a.port, list(v), a.tests, a.connections, a.warmup,
            a.duration, a.queries, a.threads, a.out);
        case "--tests" -> new LoadArguments(a.port, a.impls, list(v), a.connections, a.warmup,
            a.duration, a.queries, a.threads, a.out);
        case "--connections" -> new LoadArguments(a.port, a.impls, a.tests,
            list(v).stream().map(Integer::parseInt).toList(), a.warmup, a.duration, a.queries,
            a.threads, a.out);
        case "--warmup" -> new LoadArguments(a.port, a.impls, a.tests, a.connections,
            Integer.parseInt(v), a.duration, a.queries, a.threads, a.out);
        case "--duration" -> new LoadArguments(a.port, a.impls, a.tests, a.connections, a.warmup,
            Integer.parseInt(v), a.queries, a.threads, a.out);
        case "--queries" -> new LoadArguments(a.port, a.impls, a.tests, a.connections, a.warmup,
            a.duration, Integer.parseInt(v), a.threads, a.out);
        case "--threads" -> new LoadArguments(a.port, a.impls, a.tests, a.connections, a.warmup,
            a.duration, a.queries, Integer.parseInt(v), a.out);
        case "--out" -> new LoadArguments(a.port, a.impls, a.tests, a.connections, a.warmup,
            a.duration, a.queries, a.threads, v);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      };
    }
    return a;
  }

  private static List<String> list(String v) {
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
