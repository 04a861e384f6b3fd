package io.toasty.sqlite;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Result;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/** SQL statements without parameters, run in the order added, a result each. */
final class SqliteBatch implements Batch {
  private final SqliteConnection connection;
  private final List<SqlCommand> commands = new ArrayList<>();

  SqliteBatch(SqliteConnection connection) {
    this.connection = connection;
  }

  @Override
  public SqliteBatch add(String sql) {
    if (sql == null) {
      throw new IllegalArgumentException("sql must not be null");
    }
    for (SqlCommand command : SqlScanner.parse(sql)) {
      if (command.parameterCount() > 0) {
        throw new IllegalArgumentException("a batch statement takes no parameters: " + sql);
      }
      commands.add(command);
    }
    return this;
  }

  @Override
  public Flux<Result> execute() {
    List<SqlCommand> toRun = List.copyOf(commands);
    commands.clear();
    return connection.execute(toRun, List.<Object[]>of(new Object[0]), null, 0)
        .cast(Result.class);
  }
}
