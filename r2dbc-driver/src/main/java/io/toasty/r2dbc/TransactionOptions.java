package io.toasty.r2dbc;

import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.TransactionDefinition;
import io.toasty.driver.Operation;
import org.jspecify.annotations.Nullable;

/** An R2DBC transaction definition from a BEGIN operation's isolation and read-only flag. */
record TransactionOptions(@Nullable IsolationLevel isolation, boolean readOnly)
    implements TransactionDefinition {

  static TransactionOptions of(Operation.Transaction begin) {
    IsolationLevel isolation = begin.isolation() == null ? null : switch (begin.isolation()) {
      case READ_UNCOMMITTED -> IsolationLevel.READ_UNCOMMITTED;
      case READ_COMMITTED -> IsolationLevel.READ_COMMITTED;
      case REPEATABLE_READ -> IsolationLevel.REPEATABLE_READ;
      case SERIALIZABLE -> IsolationLevel.SERIALIZABLE;
    };
    return new TransactionOptions(isolation, begin.readOnly());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> @Nullable T getAttribute(Option<T> option) {
    if (option.equals(TransactionDefinition.ISOLATION_LEVEL)) {
      return (T) isolation;
    }
    if (option.equals(TransactionDefinition.READ_ONLY)) {
      // Only when asked for: r2dbc-h2 ignores it (and logs) either way.
      return readOnly ? (T) Boolean.TRUE : null;
    }
    return null;
  }
}
