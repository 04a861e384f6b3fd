package io.toasty.reactive.internal.batch;

/**
 * A plan as a map's key, by identity: a plan is a record whose equality walks its whole
 * statement, and the plan cache hands every request of one shape the same instance.
 */
public final class SamePlan {
  private final Object plan;

  SamePlan(Object plan) {
    this.plan = plan;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SamePlan s && s.plan == plan;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(plan);
  }
}
