package io.toasty.generated;

import io.toasty.Create;
import io.toasty.Executor;
import io.toasty.ModelDef;
import io.toasty.Path;
import io.toasty.Update;
import io.toasty.error.InvalidStatementException;
import io.toasty.internal.ConflictClause;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The implementation behind every generated upsert builder ({@code UserUpsert}): a create whose
 * row, when its conflict target is already taken, updates the stored record instead, in one
 * atomic statement. Returns the record as stored either way.
 *
 * <pre>{@code
 * Mono<User> user = Users.upsert().email("ann@example.com").name("Ann")
 *     .onConflict(Users.EMAIL)                                   // default: the primary key
 *     .onCreate(c -> c.loginCount(1))                            // the create path only
 *     .onUpdate(u -> u.loginCount(Users.LOGIN_COUNT.plus(1)))    // the update path only
 *     .exec(db);
 * }</pre>
 *
 * <p>The update path sets every field the builder's own setters set (not those of
 * {@code onCreate}, not the conflict target, never the primary key) to the proposed value, and
 * then the {@code onUpdate} expressions, which read the stored record and win over a proposed
 * value of the same field. Declared defaults and generated keys apply on the create path only.
 * {@link #ignoreConflict()} keeps a stored record as it is.
 *
 * @param <M> the model
 * @param <S> the generated builder
 * @param <C> the model's create builder, for {@link #onCreate}
 * @param <U> the model's update builder, for {@link #onUpdate}
 */
public abstract class AbstractUpsert<M, S extends AbstractUpsert<M, S, C, U>,
    C extends Create<M>, U extends Update<M, ?>> extends AbstractCreate<M, S> {
  private final Supplier<C> creates;
  private final ConflictClause<M, U> conflict;
  private @Nullable C createOnly;

  protected AbstractUpsert(ModelDef<M> model, Supplier<C> creates, Supplier<U> updates) {
    super(model);
    this.creates = Objects.requireNonNull(creates, "creates");
    this.conflict = new ConflictClause<>(model, updates);
  }

  /**
   * The fields whose values identify the stored record: the primary key (the default) or the
   * fields of one {@code @Unique} field or composite unique index. Anything else is an
   * {@link InvalidStatementException} when the upsert runs.
   */
  public final S onConflict(Path<?>... fields) {
    conflict.target(fields);
    return self();
  }

  /** Values for the create path only, e.g. {@code c -> c.loginCount(1)}. */
  public final S onCreate(UnaryOperator<C> values) {
    Objects.requireNonNull(values, "values");
    createOnly = Objects.requireNonNull(values.apply(creates.get()),
        "the onCreate function's result");
    return self();
  }

  /**
   * Expressions for the update path only, over the stored record's values, e.g.
   * {@code u -> u.loginCount(Users.LOGIN_COUNT.plus(1))}.
   */
  public final S onUpdate(UnaryOperator<U> assignments) {
    conflict.update(assignments);
    return self();
  }

  /**
   * Insert-or-ignore: a record already stored under the conflict target is kept unchanged (and
   * returned); only a new record is created.
   */
  public final S ignoreConflict() {
    conflict.keep();
    return self();
  }

  /** Creates or updates the record and emits it as stored. */
  @Override
  public Mono<M> exec(Executor db) {
    Objects.requireNonNull(db, "db");
    return Mono.defer(() -> db.exec(statement()).next()
        .map(v -> model().load((Value.Record) v)));
  }

  /** The untyped statement this upsert runs. */
  public InsertNode statement() {
    ExprNode.Record shared = row();
    List<Integer> copied = ConflictClause.setFields(model(), shared);
    return conflict.statement(List.of(merged(shared)), copied);
  }

  /** The shared values, with the {@code onCreate} values where the shared row leaves a field. */
  private ExprNode.Record merged(ExprNode.Record shared) {
    if (createOnly == null) {
      return shared;
    }
    ExprNode[] out = shared.fields().toArray(new ExprNode[0]);
    List<ExprNode> extra = createOnly.row().fields();
    for (int f = 0; f < model().schema().fields().size(); f++) {
      if (!(extra.get(f) instanceof ExprNode.Default)) {
        if (!(out[f] instanceof ExprNode.Default)) {
          throw new InvalidStatementException(model().name(),
              model().schema().field(f).name(), "is set for both paths and again by onCreate");
        }
        out[f] = extra.get(f);
      }
    }
    return new ExprNode.Record(List.of(out));
  }
}
