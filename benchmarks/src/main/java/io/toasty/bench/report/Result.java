package io.toasty.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark's score from JMH's JSON: {@code method} is the JMH method's simple name
 * ({@code get}, {@code coldPlan}, ...), {@code db}/{@code impl}/{@code statement} its parameters
 * (null when it has none), {@code score} and {@code error} in {@code unit}, {@code allocated}
 * the bytes allocated per operation ({@code -prof gc}), or NaN; {@code round} the round of a
 * {@code --rounds} run it belongs to (0 for the first, or a run of one round), {@code subscribers}
 * a concurrent benchmark's parameter (null for the others).
 */
public record Result(String suite, String method, String db, String impl, String statement,
    double score, double error, String unit, double allocated, Jvm jvm, int round,
    String subscribers) {

  /** The JVM and JMH settings a result was taken with. */
  public record Jvm(String jmhVersion, String jdkVersion, String vmName, String vmVersion,
      List<String> jvmArgs, int warmupIterations, String warmupTime, int measurementIterations,
      String measurementTime, int forks, int threads) {}

  /** The result a JMH JSON entry of round 0 holds. */
  public static Result of(JsonNode n) {
    return of(n, 0);
  }

  /** The result a JMH JSON entry holds, taken in round {@code round}. */
  public static Result of(JsonNode n, int round) {
    String benchmark = n.path("benchmark").asText();
    String[] parts = benchmark.split("\\.");
    String method = parts[parts.length - 1];
    String suite = parts.length > 1 ? parts[parts.length - 2] : "";
    JsonNode params = n.path("params");
    JsonNode primary = n.path("primaryMetric");
    JsonNode alloc = n.path("secondaryMetrics").path("gc.alloc.rate.norm");
    List<String> args = new ArrayList<>();
    n.path("jvmArgs").forEach(a -> args.add(a.asText()));
    Jvm jvm = new Jvm(n.path("jmhVersion").asText(), n.path("jdkVersion").asText(),
        n.path("vmName").asText(), n.path("vmVersion").asText(), List.copyOf(args),
        n.path("warmupIterations").asInt(), n.path("warmupTime").asText(),
        n.path("measurementIterations").asInt(), n.path("measurementTime").asText(),
        n.path("forks").asInt(), n.path("threads").asInt());
    return new Result(suite, method, text(params, "db"), text(params, "impl"),
        text(params, "statement"), number(primary.path("score")),
        number(primary.path("scoreError")), primary.path("scoreUnit").asText(),
        alloc.isMissingNode() ? Double.NaN : number(alloc.path("score")), jvm, round,
        text(params, "subscribers"));
  }

  private static String text(JsonNode params, String name) {
    JsonNode v = params.path(name);
    return v.isMissingNode() ? null : v.asText();
  }

  private static double number(JsonNode v) {
    if (v.isNumber()) {
      return v.asDouble();
    }
    try {
      return Double.parseDouble(v.asText());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
