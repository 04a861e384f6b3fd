package io.toasty.reactive.internal.tx;

import io.toasty.driver.Capability;
import io.toasty.reactive.Tx;
import io.toasty.schema.Schema;

/**
 * What a {@link TxSession} needs of the {@code Db} whose transaction it is: the set of open
 * transactions (rolled back when the {@code Db} closes), the schema and capability, and the
 * user's {@link Tx} over the session, which only the {@code Db}'s package can make.
 */
public interface TxHost {
  /** Counts {@code session} open until {@link #closed}. */
  void opened(TxSession session);

  /** {@code session} has ended. */
  void closed(TxSession session);

  /** The models, tables and mapping the transactions' statements are planned against. */
  Schema models();

  /** What the backend can do. */
  Capability capability();

  /** The top-level {@link Tx} of {@code session}; a manual one is rolled back if dropped. */
  Tx top(TxSession session, boolean manual);
}
