package io.toasty.tck.scenarios;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The failures of a load round told in full: each distinct failure with its whole cause chain
 * (class and message of every link, the database's own exception included) and, once per
 * distinct failure, every link's stack trace.
 *
 * <p>Why: a failure that shows up once in CI and not on rerun (an H2 "General error" on an
 * insert of a subscriber that was not cancelled) cannot be diagnosed from its top-level
 * {@code toString()}: the R2DBC driver's exception carries H2's, and H2's carries the Java
 * exception it caught, whose stack says which code raced.
 */
final class FailureChains {
  /** At most this many distinct failures are told with their stacks. */
  private static final int STACKS = 5;

  private FailureChains() {}

  /** One line per link of {@code e}'s cause chain: {@code class: message}, indented. */
  static String chain(Throwable e) {
    StringBuilder out = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    int depth = 0;
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      out.append(depth == 0 ? "" : "\n" + "  ".repeat(depth) + "caused by ")
          .append(t.getClass().getName()).append(": ").append(t.getMessage());
      depth++;
    }
    return out.toString();
  }

  /**
   * The distinct failures of {@code errors} by their chains, each with how many times it
   * happened: {@code "3x <chain>"}.
   */
  static List<String> distinct(Collection<Throwable> errors) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Throwable e : errors) {
      counts.merge(chain(e), 1, Integer::sum);
    }
    List<String> out = new ArrayList<>();
    counts.forEach((chain, n) -> out.add(n + "x " + chain));
    return out;
  }

  /**
   * The report of {@code errors} for a failed round named {@code what}: the distinct chains,
   * then the full stack trace (every cause and suppressed exception) of the first failure of
   * each, for at most {@link #STACKS} of them.
   */
  static String report(String what, Collection<Throwable> errors) {
    StringBuilder out = new StringBuilder(what).append(": ").append(errors.size())
        .append(" failures\n");
    distinct(errors).forEach(d -> out.append(d).append('\n'));
    Map<String, Throwable> first = new LinkedHashMap<>();
    errors.forEach(e -> first.putIfAbsent(chain(e), e));
    first.values().stream().limit(STACKS).forEach(e -> out.append(stack(e)));
    return out.toString();
  }

  private static String stack(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
