package io.toasty;

import io.toasty.value.Values;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * A delete of the records a query matched ({@code Users.filter(..).delete()}), of one record by
 * key ({@code Users.deleteById(1L)}), or of a loaded record ({@code Users.delete(user)}).
 */
public final class Delete<M> implements Statement<Long> {
  private final ModelDef<M> model;
  private final io.toasty.stmt.Delete statement;
  private final boolean staleIfNone;
  private final ToastyException refusal;

  public Delete(ModelDef<M> model, io.toasty.stmt.Delete statement) {
    this(model, statement, false, null);
  }

  /** A delete that, when {@code refusal} is not null, fails with it and sends nothing. */
  Delete(ModelDef<M> model, io.toasty.stmt.Delete statement, ToastyException refusal) {
    this(model, statement, false, refusal);
  }

  private Delete(ModelDef<M> model, io.toasty.stmt.Delete statement, boolean staleIfNone,
      ToastyException refusal) {
    this.model = Objects.requireNonNull(model, "model");
    this.statement = Objects.requireNonNull(statement, "statement");
    this.staleIfNone = staleIfNone;
    this.refusal = refusal;
  }

  /**
   * This delete of one loaded record, by key and {@code @Version}: deleting nothing is a
   * {@link StaleRecordException} (generated {@code Users.delete(user)} of a versioned model).
   */
  public Delete<M> staleIfNone() {
    return new Delete<>(model, statement, true, refusal);
  }

  /**
   * Runs the delete; the result is the number of records deleted. A delete of an ordered or
   * limited query fails with {@link UnsupportedFeatureException} and sends nothing.
   */
  public Mono<Long> exec(Executor db) {
    Objects.requireNonNull(db, "db");
    return Mono.defer(() -> snapshot().finish(db.exec(statement)));
  }

  /**
   * Runs the delete and reports it as a {@link MutationResult}, like an update's
   * {@code result(db)}: every matched record is deleted, so {@code changed == matched}. A
   * version-checked delete that deletes nothing still fails with {@link StaleRecordException}.
   */
  public Mono<MutationResult> result(Executor db) {
    return exec(db).map(n -> new MutationResult(n, n));
  }

  /**
   * The delete as a batch statement; a version-checked one fails when it deletes nothing. Throws
   * the refusal of a delete that cannot run (a batch signals it before it sends anything).
   */
  @Override
  public Snapshot<Long> snapshot() {
    if (refusal != null) {
      throw refusal;
    }
    return new Snapshot<>(statement, values -> {
      Mono<Long> count = values.next().map(Values::asLong).defaultIfEmpty(0L);
      return !staleIfNone ? count : count.flatMap(n -> n > 0 ? Mono.just(n)
          : Mono.error(new StaleRecordException(model.name(),
              io.toasty.stmt.ExprPrinter.print(statement.filter(), model.schema()))));
    });
  }

  /** The model. */
  public ModelDef<M> model() {
    return model;
  }

  /** The untyped statement. */
  public io.toasty.stmt.Delete untyped() {
    return statement;
  }
}
