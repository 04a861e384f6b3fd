package io.toasty.tck;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a scenario's failure is the refusal its backend owes it: an
 * {@link UnsupportedFeatureException} naming the {@link Feature} of a {@link Need} the backend
 * lacks, raised before the refused work reached the driver. Any other refusal (another feature,
 * or one the driver sent back after receiving the operation) would let a scenario pass without
 * ever reaching the feature it is named for.
 */
final class ExpectedRefusal {
  private final Set<Feature> accepted = EnumSet.noneOf(Feature.class);

  ExpectedRefusal(Set<Need> missing) {
    missing.forEach(n -> accepted.add(n.feature()));
  }

  /** Why {@code failure} is not the expected refusal, or {@code null} when it is. */
  String problem(Throwable failure, OperationLog log) {
    Feature refused = featureOf(failure);
    if (refused == null) {
      return "it failed with " + failure;
    }
    if (!accepted.contains(refused)) {
      return "it was refused for " + refused + " (" + failure + "), not for " + accepted;
    }
    if (log != null && reachedDriver(log)) {
      return "the refusal came back from the driver, after the operation reached it: " + log;
    }
    return null;
  }

  /** The features a refusal may name, for messages. */
  String accepted() {
    return accepted.stream().map(Enum::name).collect(Collectors.joining(" or "));
  }

  /** Whether an operation the driver received failed with a refusal. */
  static boolean reachedDriver(OperationLog log) {
    for (OperationLog.Entry e : log.entries()) {
      if (e.outcome() instanceof OperationLog.Outcome.Failed f && featureOf(f.error()) != null) {
        return true;
      }
    }
    return false;
  }

  /** The feature {@code t}, or what it wraps, refuses; {@code null} when it is no refusal. */
  static Feature featureOf(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UnsupportedFeatureException u) {
        return u.feature();
      }
      for (Throwable s : c.getSuppressed()) {
        if (s instanceof UnsupportedFeatureException u) {
          return u.feature();
        }
      }
      Feature inMessage = fromMessage(c);
      if (inMessage != null) {
        return inMessage;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  /** StepVerifier reports an unexpected onError in its message only, without a cause. */
  private static Feature fromMessage(Throwable c) {
    String m = c.getMessage();
    if (!(c instanceof AssertionError) || m == null) {
      return null;
    }
    String prefix = UnsupportedFeatureException.class.getName() + ": ";
    for (Feature f : Feature.values()) {
      if (m.contains(prefix + f.text() + " is not supported")) {
        return f;
      }
    }
    return null;
  }
}
