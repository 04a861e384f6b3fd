package io.toasty.reactive.internal.replica;

import io.toasty.reactive.ReplicaRoute;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** How many statements took each route, and the policy's observer told of each. */
public final class RouteCounts {
  private final Map<ReplicaRoute, LongAdder> counts = new ConcurrentHashMap<>();
  private final Consumer<ReplicaRoute> observer;

  public RouteCounts(Consumer<ReplicaRoute> observer) {
    this.observer = observer;
  }

  /** Counts {@code route} and tells the observer. */
  public void took(ReplicaRoute route) {
    counts.computeIfAbsent(route, r -> new LongAdder()).increment();
    observer.accept(route);
  }

  /** The counts so far, ordered by target then reason. */
  public Map<ReplicaRoute, Long> snapshot() {
    Map<ReplicaRoute, Long> copy = new TreeMap<>((a, b) -> a.target().equals(b.target())
        ? a.why().compareTo(b.why()) : a.target().compareTo(b.target()));
    counts.forEach((route, n) -> copy.put(route, n.sum()));
    return copy;
  }
}
