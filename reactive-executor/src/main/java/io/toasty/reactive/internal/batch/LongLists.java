package io.toasty.reactive.internal.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plans whose batches of lists ({@link ValueLists}) read more rows than a batch holds: their
 * requests read alone from then on, so a batch gives up (and its rows are read twice) at most
 * once per plan. Plans are compared by identity, as the plan cache hands them out; the set is
 * emptied when it has grown past {@link #MAX} (a plan then may give up once more).
 */
public final class LongLists {
  private static final int MAX = 1_024;

  private final Map<SamePlan, Boolean> plans = new ConcurrentHashMap<>();

  /** Whether a batch of {@code plan} gave up for its length. */
  public boolean has(Object plan) {
    return !plans.isEmpty() && plans.containsKey(new SamePlan(plan));
  }

  /** A batch of {@code plan} gave up for its length. */
  public void add(Object plan) {
    if (plans.size() >= MAX) {
      plans.clear();
    }
    plans.put(new SamePlan(plan), Boolean.TRUE);
  }
}
