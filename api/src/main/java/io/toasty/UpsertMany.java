package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.internal.ConflictClause;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An upsert of many records in one atomic statement ({@code Users.upsertMany(creates)}): each
 * row is created, or, when its conflict target is taken, updates the stored record.
 *
 * <p>The update path copies the proposed value of every field that every row sets (except the
 * conflict target and the primary key), then applies the {@code onUpdate} expressions. Returns
 * the records as stored, one per row, in the order of the rows.
 *
 * @param <M> the model
 * @param <U> the model's update builder, for {@link #onUpdate}
 */
public final class UpsertMany<M, U extends Update<M, ?>> {
  private final ModelDef<M> model;
  private final List<ExprNode.Record> rows;
  private final ConflictClause<M, U> conflict;

  /** An upsert of the rows the builders hold now. */
  public UpsertMany(ModelDef<M> model, Collection<? extends Create<M>> creates,
      Supplier<U> updates) {
    this.model = Objects.requireNonNull(model, "model");
    Objects.requireNonNull(creates, "creates");
    this.rows = new ArrayList<>(creates.size());
    for (Create<M> c : creates) {
      if (!Objects.requireNonNull(c, "create").model().name().equals(model.name())) {
        throw new InvalidStatementException(model.name(), null,
            "cannot upsert a create of model " + c.model().name());
      }
      rows.add(c.row());
    }
    this.conflict = new ConflictClause<>(model, updates);
  }

  /** The conflict target: the primary key (the default) or one unique index's fields. */
  public final UpsertMany<M, U> onConflict(Path<?>... fields) {
    conflict.target(fields);
    return this;
  }

  /** Expressions for the update path only, over the stored record's values. */
  public UpsertMany<M, U> onUpdate(UnaryOperator<U> assignments) {
    conflict.update(assignments);
    return this;
  }

  /** Insert-or-ignore: stored records are kept unchanged (and returned). */
  public UpsertMany<M, U> ignoreConflict() {
    conflict.keep();
    return this;
  }

  /** The records as stored, in the order of the rows (none for no rows). */
  public Flux<M> stream(Executor db) {
    Objects.requireNonNull(db, "db");
    return Flux.defer(() -> rows.isEmpty() ? Flux.empty()
        : db.exec(statement()).map(v -> model.load((Value.Record) v)));
  }

  /** The records as stored, in a list. */
  public Mono<List<M>> exec(Executor db) {
    return stream(db).collectList();
  }

  /** The untyped statement; an upsert of no rows has none. */
  public InsertNode statement() {
    if (rows.isEmpty()) {
      throw new IllegalStateException("an upsert of no rows has no statement: " + model.name());
    }
    List<Integer> copied = ConflictClause.setFields(model, rows.get(0));
    for (ExprNode.Record row : rows) {
      copied.retainAll(ConflictClause.setFields(model, row));
    }
    return conflict.statement(rows, copied);
  }
}
