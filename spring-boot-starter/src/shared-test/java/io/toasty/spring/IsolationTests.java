package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Spring's isolation level reaches the connection Toasty's statements run on, as the
 * transaction's own setting reads back. PostgreSQL: r2dbc-h2 1.0 begins every transaction READ
 * COMMITTED whatever Spring asks, and MariaDB's SET TRANSACTION applies to the next transaction
 * without a variable that shows it.
 */
interface IsolationTests extends TransactionFixture {
  @Test
  default void isolationIsSpringsOnTheSharedConnection() {
    DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
    definition.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
    String a = email();
    String level = writers().create(a)
        .then(sql().sql(backend().isolationQuery()).map(row -> row.get(0, String.class)).one())
        .as(TransactionalOperator.create(transactions(), definition)::transactional).block();
    assertThat(level.toUpperCase(Locale.ROOT).replace('-', ' ').replace('_', ' '))
        .isEqualTo("SERIALIZABLE");
    assertThat(count(a)).isEqualTo(1);
  }
}
