package io.toasty;

import io.toasty.stmt.Returning;
import io.toasty.value.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The implementation behind every {@link Create}. The builder is mutable; {@link #exec} takes a
 * snapshot of it, so one builder may be changed and executed again.
 */
public abstract class AbstractCreate<M, S extends AbstractCreate<M, S>> implements Create<M> {
  private final ModelDef<M> model;
  private final io.toasty.stmt.Expr[] values;

  protected AbstractCreate(ModelDef<M> model) {
    this.model = Objects.requireNonNull(model, "model");
    this.values = new io.toasty.stmt.Expr[model.schema().fields().size()];
    Arrays.fill(values, new io.toasty.stmt.Expr.Default());
  }

  /** This builder, as its concrete type. */
  @SuppressWarnings("unchecked")
  protected final S self() {
    return (S) this;
  }

  /** Sets a field to a value. */
  public final <T> S set(Path<T> field, T value) {
    values[checkField(field)] = new io.toasty.stmt.Expr.Const(Value.of(value));
    return self();
  }

  @Override
  public Mono<M> exec(Executor db) {
    Objects.requireNonNull(db, "db");
    return Insert.of(model, List.of(this)).stream(db).single();
  }

  @Override
  public ModelDef<M> model() {
    return model;
  }

  @Override
  public io.toasty.stmt.Expr.Record row() {
    return new io.toasty.stmt.Expr.Record(List.of(values));
  }

  private int checkField(Path<?> field) {
    Objects.requireNonNull(field, "field");
    if (!field.model().equals(model.name())) {
      throw new InvalidStatementException(model.name(), field.name(),
          "field belongs to model " + field.model());
    }
    return field.index();
  }

  /** The statement a create of these rows runs. */
  static io.toasty.stmt.Insert statement(ModelDef<?> model, List<io.toasty.stmt.Expr.Record> rows) {
    return new io.toasty.stmt.Insert(new io.toasty.stmt.Source.Model(model.name()), List.of(),
        rows, Returning.Model.plain());
  }
}
