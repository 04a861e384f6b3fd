package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toasty.error.DriverException;
import org.junit.jupiter.api.Test;

/**
 * A read-only Spring transaction refuses Toasty's writes: the flag reaches the connection they
 * run on. PostgreSQL and MariaDB (r2dbc-h2 1.0 begins every transaction read-write).
 */
interface ReadOnlyTests extends TransactionFixture {
  @Test
  default void readOnlyRefusesToastysWrites() {
    String a = email();
    assertThatThrownBy(() -> writers().createReadOnly(a).block())
        .isInstanceOf(DriverException.class);
    assertThat(count(a)).isZero();
  }
}
