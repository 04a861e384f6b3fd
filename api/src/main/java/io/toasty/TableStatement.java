package io.toasty;

import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A raw statement in a language whose rows name their columns (Cypher, PartiQL): what it does
 * with its answer is the same whatever the language. Labelled rows; records of a model, read as
 * its table's columns (of the table the executor stores the model in); projections of a model's
 * fields; and, for a write, the count the driver answers. The subclass sends the statement
 * ({@link #run}), after its language's refusal, so nothing reaches a driver without it.
 */
abstract sealed class TableStatement implements RawQuery
    permits CypherStatement, PartiqlStatement {
  final Executor executor;

  TableStatement(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** The language's name, for messages ("Cypher", "PartiQL"). */
  abstract String language();

  /**
   * Sends the statement, within {@link Flux#defer}: with {@code rows}, its rows (labelled when
   * {@code table} is null, else {@code columns} of {@code table}); without, a one-field record
   * counting what it wrote.
   */
  abstract Flux<Value.Record> run(boolean rows, @Nullable String table, List<Integer> columns);

  /** The rows the statement returns, labelled by the names its language gives them. */
  @Override
  public Flux<Row> rows() {
    return run(true, null, List.of()).map(Row::ofLabelled);
  }

  /**
   * The rows loaded as records of {@code model}, each decoded as the DSL decodes the model's
   * rows, so a record read here equals the one the DSL reads.
   */
  @Override
  public <M> Flux<M> as(ModelDef<M> model) {
    Objects.requireNonNull(model, "model");
    return Flux.defer(() -> {
      List<Integer> all = IntStream.range(0, model.schema().fields().size()).boxed().toList();
      return run(true, executor.tableOf(model), all).map(model::load);
    });
  }

  /**
   * The rows as {@code mapper} builds them from the values of {@code fields} (paths of
   * {@code model}), in order: a generated {@code @Projection} record's {@code (map, FIELDS)}, or
   * your own. A field a row lacks is null.
   */
  @Override
  public <R> Flux<R> as(ModelDef<?> model, Function<Object[], R> mapper,
      List<? extends Expr<?>> fields) {
    return Flux.defer(() -> {
      FieldProjection<R> projection = FieldProjection.of(language(), model, mapper, fields);
      return run(true, executor.tableOf(model), projection.columns())
          .map(r -> projection.map(r.fields()));
    });
  }

  /** Runs the statement for its writes: how much it wrote, as its language counts it. */
  @Override
  public Mono<Long> execute() {
    return run(false, null, List.of()).next().map(r -> Values.asLong(r.fields().get(0)));
  }
}
