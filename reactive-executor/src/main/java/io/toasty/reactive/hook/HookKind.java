package io.toasty.reactive.hook;

/** When a {@link Hook} runs: before or after a model's records are created, updated or deleted. */
public enum HookKind {
  /** Before an insert is sent, with each record as the statement writes it. */
  BEFORE_CREATE,
  /** After an insert, with each record as stored (generated keys and defaults filled in). */
  AFTER_CREATE,
  /** Before an update is sent, with each record it will change, as it is before the change. */
  BEFORE_UPDATE,
  /** After an update, with each changed record as it is after the change. */
  AFTER_UPDATE,
  /** Before a delete is sent, with each record it will delete. */
  BEFORE_DELETE,
  /** After a delete, with each deleted record as it was. */
  AFTER_DELETE;

  /** Whether a hook of this kind runs before its statement is sent. */
  public boolean before() {
    return this == BEFORE_CREATE || this == BEFORE_UPDATE || this == BEFORE_DELETE;
  }
}
