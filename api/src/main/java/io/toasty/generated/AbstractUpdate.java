package io.toasty.generated;

import io.toasty.Executor;
import io.toasty.Expr;
import io.toasty.ModelDef;
import io.toasty.MutationResult;
import io.toasty.Path;
import io.toasty.Update;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.StaleRecordException;
import io.toasty.error.ToastyException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.internal.ChangedRows;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The implementation behind every {@link Update}; generated {@code UserUpdate<R>} adds a setter per
 * field. Mutable like a create builder; {@link #exec} takes a snapshot.
 */
public abstract class AbstractUpdate<M, S extends AbstractUpdate<M, S, R>, R>
    implements Update<M, R> {
  private final ModelDef<M> model;
  private final ExprNode filter;
  private final UpdateResult<M, R> result;
  private final List<Assignment> assignments = new ArrayList<>();
  private @Nullable ToastyException refusal;

  protected AbstractUpdate(ModelDef<M> model, ExprNode filter, UpdateResult<M, R> result) {
    this.model = Objects.requireNonNull(model, "model");
    this.filter = Objects.requireNonNull(filter, "filter");
    this.result = Objects.requireNonNull(result, "result");
  }

  /**
   * Makes this update fail with {@code refusal} when it runs, sending nothing ({@code null}: no
   * refusal); an update of an ordered or limited query carries one.
   */
  final void refuse(@Nullable ToastyException refusal) {
    this.refusal = refusal;
  }

  /** Throws this update's refusal, if it has one; callers run inside a defer. */
  private void checkRunnable() {
    if (refusal != null) {
      throw refusal;
    }
  }

  /** This builder, as its concrete type. */
  @SuppressWarnings("unchecked")
  protected final S self() {
    return (S) this;
  }

  /** Sets a field to a value. */
  public final <T> S set(Path<T> field, @Nullable T value) {
    AbstractCreate.checkAlone(model.name(), field);
    return setInner(field, value);
  }

  /**
   * Sets a field to a value, a field inside an {@code Optional} embedded record too: generated
   * setters of a whole embedded value call this for each of its fields.
   */
  protected final <T> S setInner(Path<T> field, @Nullable T value) {
    return assign(field, new ExprNode.Const(field.toValue(value)));
  }

  /** Sets a field to an expression over the record's current values. */
  public final <T> S set(Path<T> field, Expr<T> value) {
    AbstractCreate.checkAlone(model.name(), field);
    return assign(field, Objects.requireNonNull(value, "value").node());
  }

  private S assign(Path<?> field, ExprNode value) {
    Objects.requireNonNull(field, "field");
    if (!field.model().equals(model.name())) {
      throw new InvalidStatementException(model.name(), field.name(),
          "field belongs to model " + field.model());
    }
    assignments.removeIf(a -> a.target() == field.index());
    assignments.add(new Assignment(field.index(), value));
    return self();
  }

  /**
   * {@inheritDoc} An update of an ordered or limited query fails with
   * {@link UnsupportedFeatureException} and sends nothing.
   */
  @Override
  public Mono<R> exec(Executor db) {
    Objects.requireNonNull(db, "db");
    return Mono.defer(() -> {
      Snapshot<R> s = snapshot();
      return s.finish(db.exec(Objects.requireNonNull(s.untyped(), "an update always sends")), db);
    });
  }

  /**
   * Runs the update and reports how many records it matched and how many of those it changed
   * ({@link MutationResult}): an update that sets fields to the values they hold matches but
   * changes nothing. On an instance update ({@code Users.update(user)}) {@code matched} says
   * whether the record existed (with its {@code @Version}), where {@link #exec} fails with
   * {@link RecordNotFoundException} or {@link StaleRecordException} instead.
   */
  public final Mono<MutationResult> result(Executor db) {
    Objects.requireNonNull(db, "db");
    return Mono.defer(() -> {
      checkRunnable();
      return ChangedRows.run(db, model.name(), counted());
    });
  }

  /** This update returning the number of matched records. */
  private UpdateNode counted() {
    UpdateNode u = untyped();
    return new UpdateNode(u.target(), u.filter(), u.assignments(),
        new Returning.Count());
  }

  /** {@inheritDoc} Throws the refusal of an update that cannot run. */
  @Override
  public Snapshot<R> snapshot() {
    checkRunnable();
    UpdateNode statement = untyped();
    return new Snapshot<>(statement, values -> result.finish(model, statement, values),
        (values, db) -> result.finish(model, statement, values, db));
  }

  @Override
  public UpdateNode untyped() {
    return new UpdateNode(new Source.Model(model.name()), filter,
        assignments, result.returning());
  }
}
