package io.toasty;

import io.toasty.error.ToastyException;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Values;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The restore of the deleted records of a {@code @SoftDelete} model that a query matched
 * ({@code Users.filter(..).restore()}): their deletion marker cleared, so queries see them
 * again. See docs/models.md, Soft delete.
 *
 * @param <M> the model
 */
public final class Restore<M> implements Statement<Long> {
  private final ModelDef<M> model;
  private final UpdateNode statement;
  private final @Nullable ToastyException refusal;

  /**
   * A restore by {@code statement}; one with a {@code refusal} fails with it, sending nothing. For
   * generated code ({@code io.toasty.generated}); an application gets one from a generated
   * query's {@code restore()}.
   */
  public Restore(ModelDef<M> model, UpdateNode statement, @Nullable ToastyException refusal) {
    this.model = Objects.requireNonNull(model, "model");
    this.statement = Objects.requireNonNull(statement, "statement");
    this.refusal = refusal;
  }

  /** Runs the restore; the result is the number of records restored. */
  public Mono<Long> exec(Executor db) {
    Objects.requireNonNull(db, "db");
    return Mono.defer(() -> snapshot().finish(db.exec(statement)));
  }

  /** The restore as a batch statement; throws the refusal of one that cannot run. */
  @Override
  public Snapshot<Long> snapshot() {
    if (refusal != null) {
      throw refusal;
    }
    return new Snapshot<>(statement,
        values -> values.next().map(Values::asLong).defaultIfEmpty(0L));
  }

  /** The model. */
  public ModelDef<M> model() {
    return model;
  }

  /** The untyped statement. */
  public UpdateNode untyped() {
    return statement;
  }
}
