package io.toasty.vertx;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The answer of an {@code executeBatch}, one result per execution chained by
 * {@link RowSet#next()}, as one list of records per execution, in the order they were sent
 * ({@link VertxConnection#readEach}).
 */
final class PipelinedAnswers {
  private PipelinedAnswers() {}

  /**
   * {@code expected} lists, each of one result's rows built by {@code mapper}; an answer of
   * another number of results fails, since its lists could not be told apart.
   */
  static <T> List<List<T>> lists(RowSet<Row> answer, int expected, Function<Row, T> mapper) {
    List<List<T>> lists = new ArrayList<>(expected);
    for (RowSet<Row> result = answer; result != null; result = result.next()) {
      List<T> records = new ArrayList<>(result.size());
      for (Row row : result) {
        records.add(mapper.apply(row));
      }
      lists.add(records);
    }
    if (lists.size() != expected) {
      throw new IllegalStateException("a pipeline of " + expected + " reads was answered with "
          + lists.size() + " results");
    }
    return lists;
  }
}
