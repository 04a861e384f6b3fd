package io.toasty.r2dbc.codec;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;

/** What the row readers' tests watch a driver's rows through, and their tables' setup. */
final class WatchedRows {
  private WatchedRows() {}

  /** {@code row}, telling {@code each} the class asked of every {@code get(int, Class)}. */
  static Row watched(Row row, Consumer<Class<?>> each) {
    return (Row) Proxy.newProxyInstance(Row.class.getClassLoader(), new Class<?>[] {Row.class},
        (proxy, method, args) -> {
          if (method.getName().equals("get") && args.length == 2 && args[0] instanceof Integer
              && args[1] instanceof Class<?> type) {
            each.accept(type);
          }
          try {
            return method.invoke(row, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** Runs {@code sql} on {@code connection} to its end. */
  static void run(Connection connection, String sql) {
    Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated)
        .blockLast();
  }
}
