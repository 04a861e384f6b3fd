package io.toasty;

import io.toasty.error.RecordNotFoundException;
import io.toasty.error.StaleRecordException;
import io.toasty.error.ToastyException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.internal.VersionMismatch;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprPrinter;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A delete of the records a query matched ({@code Users.filter(..).delete()}), of one record by
 * key ({@code Users.deleteById(1L)}), or of a loaded record ({@code Users.delete(user)}).
 */
public final class Delete<M> implements Statement<Long> {
  private final ModelDef<M> model;
  private final DeleteNode statement;
  private final boolean staleIfNone;
  private final @Nullable VersionMismatch atVersion;
  private final @Nullable ToastyException refusal;

  public Delete(ModelDef<M> model, DeleteNode statement) {
    this(model, statement, false, null, null);
  }

  /**
   * A delete that, when {@code refusal} is not null, fails with it and sends nothing. For
   * generated code ({@code io.toasty.generated}); an application gets one from
   * {@link Select#delete()}.
   */
  public Delete(ModelDef<M> model, DeleteNode statement, @Nullable ToastyException refusal) {
    this(model, statement, false, null, refusal);
  }

  private Delete(ModelDef<M> model, DeleteNode statement, boolean staleIfNone,
      @Nullable VersionMismatch atVersion, @Nullable ToastyException refusal) {
    this.model = Objects.requireNonNull(model, "model");
    this.statement = Objects.requireNonNull(statement, "statement");
    this.staleIfNone = staleIfNone;
    this.atVersion = atVersion;
    this.refusal = refusal;
  }

  /**
   * This delete of one loaded record, by key and {@code @Version}: deleting nothing is a
   * {@link StaleRecordException} (generated {@code Users.delete(user)} of a versioned model).
   */
  public Delete<M> staleIfNone() {
    return new Delete<>(model, statement, true, null, refusal);
  }

  /**
   * This delete of the record with {@code key}, whose filter also holds {@code version} =
   * {@code expected}: deleting nothing is a {@link RecordNotFoundException} when no record has
   * the key, a {@link StaleRecordException} naming the stored version when it has another
   * (generated {@code deleteByIdAtVersion(..)} of a model with a {@code @Version} field).
   */
  public Delete<M> atVersion(Condition key, Path<?> version, long expected) {
    return new Delete<>(model, statement, false, new VersionMismatch(key, version, expected),
        refusal);
  }

  /**
   * Runs the delete; the result is the number of records deleted. A delete of an ordered or
   * limited query fails with {@link UnsupportedFeatureException} and sends nothing.
   */
  public Mono<Long> exec(Executor db) {
    Objects.requireNonNull(db, "db");
    return Mono.defer(() -> snapshot().finish(db.exec(statement), db));
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
      Mono<Long> count = count(values);
      return atVersion != null ? count.flatMap(n -> n > 0 ? Mono.just(n)
          : Mono.error(atVersion.unexplained(model)))
          : !staleIfNone ? count : count.flatMap(n -> n > 0 ? Mono.just(n)
          : Mono.error(new StaleRecordException(model.name(),
              ExprPrinter.print(statement.filter(), model.schema()))));
    }, atVersion == null ? null : (values, db) -> deletedAtVersion(values, db,
        VersionMismatch.ATTEMPTS));
  }

  private static Mono<Long> count(Flux<Value> values) {
    return values.next().map(Values::asLong).defaultIfEmpty(0L);
  }

  /** The count of a delete at a version, or why it deleted nothing. */
  private Mono<Long> deletedAtVersion(Flux<Value> values, Executor db, int attempts) {
    VersionMismatch mismatch = Objects.requireNonNull(atVersion, "only a delete at a version");
    return count(values).flatMap(n -> n > 0 ? Mono.just(n) : mismatch.explain(db, model,
        attempts, () -> deletedAtVersion(db.exec(statement), db, attempts - 1)));
  }

  /** The model. */
  public ModelDef<M> model() {
    return model;
  }

  /** The untyped statement. */
  public DeleteNode untyped() {
    return statement;
  }
}
