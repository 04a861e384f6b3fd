package io.toasty;

import io.toasty.value.Value;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;
import reactor.core.publisher.Flux;

/**
 * Raw rows a driver reads as a table's columns ({@link PartiqlStatement}, {@link CypherStatement}):
 * {@code run} takes the table and the columns wanted and answers each row's values in that order.
 */
final class TableReads {
  private TableReads() {}

  /**
   * Every row as a record of {@code model}: all its columns, in field order, of the table
   * {@code executor} stores it in.
   */
  static <M> Flux<M> records(Executor executor, ModelDef<M> model,
      BiFunction<String, List<Integer>, Flux<Value.Record>> run) {
    return Flux.defer(() -> {
      List<Integer> all = IntStream.range(0, model.schema().fields().size()).boxed().toList();
      return run.apply(executor.tableOf(model), all).map(model::load);
    });
  }

  /** Every row as {@code mapper} builds it from {@code fields} of {@code model}. */
  static <R> Flux<R> projected(String language, Executor executor, ModelDef<?> model,
      Function<Object[], R> mapper, List<? extends Expr<?>> fields,
      BiFunction<String, List<Integer>, Flux<Value.Record>> run) {
    return Flux.defer(() -> {
      FieldProjection<R> projection = FieldProjection.of(language, model, mapper, fields);
      return run.apply(executor.tableOf(model), projection.columns())
          .map(r -> projection.map(r.fields()));
    });
  }
}
