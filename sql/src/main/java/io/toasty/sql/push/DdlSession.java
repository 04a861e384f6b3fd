package io.toasty.sql.push;

import io.toasty.sql.dialect.SqlDialect;
import java.util.List;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/**
 * One connection of an SQL transport as {@link SchemaCommands} uses it: DDL run in its turn among
 * the connection's operations, catalog queries read as text.
 */
public interface DdlSession {

  /** The dialect the connection's statements are written in. */
  SqlDialect dialect();

  /**
   * Runs DDL statements one after another, in one transaction where the dialect's DDL is
   * transactional; a statement's error is first given to {@code failure} with the statement,
   * and what it answers is translated unless it is already a Toasty exception.
   */
  Mono<Void> executeDdl(List<String> statements, BiFunction<String, Throwable, Throwable> failure);

  /** {@link #executeDdl(List, BiFunction)} with each error as it is. */
  default Mono<Void> executeDdl(List<String> statements) {
    return executeDdl(statements, (sql, e) -> e);
  }

  /** The rows of a catalog query as texts ({@code null} for SQL NULL). */
  Mono<List<List<String>>> catalogRows(String sql);

  /** Returns the connection to its pool. */
  Mono<Void> close();
}
