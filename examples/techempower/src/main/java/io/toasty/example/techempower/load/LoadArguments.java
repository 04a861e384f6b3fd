package io.toasty.example.techempower.load;

import java.util.Arrays;
import java.util.List;

/**
 * The load generator's arguments; each has a default, so no argument runs the whole matrix once.
 *
 * @param port the application's port on the loopback interface
 * @param impls the implementations (path prefixes)
 * @param tests the tests: {@code db}, {@code queries}, {@code fortunes}, {@code updates}
 * @param connections the numbers of connections, one cell each
 * @param warmup seconds of load before measuring
 * @param duration seconds measured
 * @param queries the {@code queries} parameter of the queries and updates tests
 * @param rounds how many times each cell runs, the implementations' order reversed every other
 *     round
 * @param threads the client's event loop threads
 * @param out the CSV file results are appended to
 */
record LoadArguments(int port, List<String> impls, List<String> tests, List<Integer> connections,
    int warmup, int duration, int queries, int rounds, int threads, String out) {

  /** Reads {@code --name value} pairs. */
  static LoadArguments parse(String[] args) {
    int port = 8080;
    List<String> impls =
        List.of("toasty-r2dbc", "toasty-vertx", "raw-r2dbc", "spring-data", "raw-vertx");
    List<String> tests = List.of("db", "queries", "fortunes", "updates");
    List<Integer> connections = List.of(64, 256);
    int warmup = 5;
    int duration = 10;
    int queries = 20;
    int rounds = 1;
    int threads = 1;
    String out = "target/techempower/results.csv";
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(v);
        case "--impls" -> impls = list(v);
        case "--tests" -> tests = list(v);
        case "--connections" -> connections = list(v).stream().map(Integer::parseInt).toList();
        case "--warmup" -> warmup = Integer.parseInt(v);
        case "--duration" -> duration = Integer.parseInt(v);
        case "--queries" -> queries = Integer.parseInt(v);
        case "--rounds" -> rounds = Integer.parseInt(v);
        case "--threads" -> threads = Integer.parseInt(v);
        case "--out" -> out = v;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    return new LoadArguments(port, impls, tests, connections, warmup, duration, queries, rounds,
        threads, out);
  }

  private static List<String> list(String v) {
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
