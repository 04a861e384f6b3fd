package io.toasty.planner.lower;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.RowLock;

/** Refuses, while planning, a row lock the backend cannot take. */
final class LockCheck {
  private LockCheck() {}

  static void check(RowLock lock, LowerContext cx) {
    if (!cx.capability.rowLocks()) {
      throw new UnsupportedFeatureException(Feature.ROW_LOCKS, cx.capability.backend(),
          "a locking read of " + cx.model.name() + "; guard the write with a condition instead");
    }
    if (lock.mode() == RowLock.Mode.SHARE && !cx.capability.sharedRowLocks()) {
      throw new UnsupportedFeatureException(Feature.SHARED_ROW_LOCKS, cx.capability.backend(),
          "forShare() on " + cx.model.name() + "; forUpdate() locks the rows exclusively");
    }
    if (lock.onLocked() != RowLock.OnLocked.WAIT && !cx.capability.lockWaitPolicies()) {
      throw new UnsupportedFeatureException(Feature.LOCK_WAIT_POLICY, cx.capability.backend(),
          lock.onLocked() + " on " + cx.model.name() + "; forUpdate() waits for the lock");
    }
  }
}
