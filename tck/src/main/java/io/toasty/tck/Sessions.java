package io.toasty.tck;

/** Which of a database's server sessions {@link Backend#killSessions} ends. */
public enum Sessions {
  /** Every session open to the database. */
  ALL,
  /**
   * Sessions at work: running a statement (streaming its rows included) or inside a transaction,
   * even between its statements.
   */
  BUSY,
  /** Sessions neither running a statement nor inside a transaction: idle in the pool. */
  IDLE
}
