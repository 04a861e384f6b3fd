package io.toasty;

/**
 * What an update or delete did, from {@code result(db)}: how many records its filter matched,
 * and how many of them it changed.
 *
 * <p>For an update, a record is <em>changed</em> when at least one field the update sets
 * explicitly gets a value other than the one it had (NULL counts as a value: setting NULL over
 * NULL changes nothing). Fields the engine sets on every matched record, a {@code @Version} bump
 * and an {@code @UpdatedAt} stamp, do not count: a matched record whose own fields stay as they
 * were is matched but not changed, although its version and stamp move on. For a delete every
 * matched record is deleted, so {@code changed == matched}.
 *
 * <p>The counts are the same on every backend: matched is what the write itself reports,
 * changed is counted by a read of the matched records whose set fields differ, made just before
 * the write in the same transaction where the backend has transactions (see
 * {@code docs/writes.md}).
 *
 * @param matched the records the filter matched (for an instance update: 1 if the record
 *                existed, with its {@code @Version} unchanged, else 0)
 * @param changed the matched records whose explicitly set fields now hold other values
 */
public record MutationResult(long matched, long changed) {
  public MutationResult {
    if (matched < 0 || changed < 0) {
      throw new IllegalArgumentException("negative count: matched " + matched + ", changed "
          + changed);
    }
  }

  /** Whether the filter matched no record: {@code matched == 0}. */
  public boolean noneMatched() {
    return matched == 0;
  }

  /** Matched records the update left as they were: {@code matched - changed}, at least 0. */
  public long unchanged() {
    return Math.max(0, matched - changed);
  }
}
