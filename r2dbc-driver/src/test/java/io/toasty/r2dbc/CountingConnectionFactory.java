package io.toasty.r2dbc;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Decorates an R2DBC connection factory so that every row a {@code Result.map} function reads is
 * counted: how many rows the driver actually handed on, whatever the subscriber saw.
 */
final class CountingConnectionFactory {
  private CountingConnectionFactory() {}

  static ConnectionFactory wrap(ConnectionFactory factory, AtomicInteger rowsMapped) {
    return decorate(ConnectionFactory.class, factory, rowsMapped);
  }

  @SuppressWarnings("unchecked")
  private static <T> T decorate(Class<T> type, T target, AtomicInteger rowsMapped) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          Object[] callArgs = args;
          if (type == Result.class && method.getName().equals("map") && args.length == 1
              && args[0] instanceof BiFunction<?, ?, ?> f) {
            BiFunction<Row, RowMetadata, Object> mapper = (BiFunction<Row, RowMetadata, Object>) f;
            callArgs = new Object[] {(BiFunction<Row, RowMetadata, Object>) (row, md) -> {
              rowsMapped.incrementAndGet();
              return mapper.apply(row, md);
            }};
          }
          Object out;
          try {
            out = method.invoke(target, callArgs);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (out == target) {
            return proxy; // fluent Statement methods
          }
          if (type == ConnectionFactory.class && method.getName().equals("create")) {
            return Flux.from((Publisher<Connection>) out)
                .map(c -> decorate(Connection.class, c, rowsMapped));
          }
          if (type == Connection.class && method.getName().equals("createStatement")) {
            return decorate(Statement.class, (Statement) out, rowsMapped);
          }
          if (type == Statement.class && method.getName().equals("execute")) {
            return Flux.from((Publisher<Result>) out)
                .map(r -> decorate(Result.class, r, rowsMapped));
          }
          return out;
        });
  }
}
