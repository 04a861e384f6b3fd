package io.toasty.reactive;

import java.time.Duration;

/**
 * How long a {@link Db}'s transactions were open in all, from BEGIN to their end (COMMIT or
 * ROLLBACK answered), by how they ended: the sums behind the counts of {@link TxStats}, so
 * that {@code committed / stats.committed()} is a committed transaction's mean time.
 *
 * @param committed            the committed ones'
 * @param rolledBack           the rolled back ones'
 * @param cancelled            the ones rolled back after a cancel
 * @param commitOutcomeUnknown the ones whose COMMIT's outcome is unknown
 */
public record TxTimes(Duration committed, Duration rolledBack, Duration cancelled,
    Duration commitOutcomeUnknown) {}
