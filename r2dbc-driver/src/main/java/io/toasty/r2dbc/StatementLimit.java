package io.toasty.r2dbc;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.toasty.sql.dialect.SqlDialect;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** How an R2DBC session is set to stop statements: the dialect's SQL, else the driver's call. */
final class StatementLimit {
  private StatementLimit() {}

  /** Sets {@code connection}'s session to stop statements after {@code limit} (null: never). */
  static Mono<Void> apply(Connection connection, SqlDialect dialect,
      @Nullable Duration limit) {
    List<String> sql = dialect.statementTimeoutSql(limit);
    if (sql.isEmpty()) {
      return Mono.from(connection.setStatementTimeout(limit == null ? Duration.ZERO : limit));
    }
    return Flux.fromIterable(sql)
        .concatMap(s -> Flux.from(connection.createStatement(s).execute())
            .concatMap(Result::getRowsUpdated))
        .then();
  }
}
