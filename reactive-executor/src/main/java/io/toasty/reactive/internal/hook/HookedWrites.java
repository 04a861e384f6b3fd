package io.toasty.reactive.internal.hook;

import io.toasty.ModelDef;
import io.toasty.error.InvalidStatementException;
import io.toasty.reactive.Tx;
import io.toasty.reactive.hook.HookKind;
import io.toasty.schema.Schema;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.DeletedRows;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a write of models with hooks inside a transaction, its hooks around it: the records a
 * create writes are known from the statement (and, after it, from what it returns); an update or
 * a delete reads the records its filter matches first, in the transaction, and an update reads
 * them again by key after it (or takes the records it returns), deleted or not where the model
 * is soft-deleted. The statement's values are
 * handed on once the after hooks have run (docs/design/hooks.md).
 */
public final class HookedWrites {
  private final HookTable table;
  private final Schema schema;
  private final Map<String, ModelDef<?>> defs;
  private final Cascades cascades;

  /** Hooks of {@code table} over the models of {@code schema}, loaded with {@code defs}. */
  public HookedWrites(HookTable table, Schema schema, Map<String, ModelDef<?>> defs) {
    this.table = table;
    this.schema = schema;
    this.defs = defs;
    this.cascades = new Cascades(table, schema);
  }

  /** Whether {@code statement} writes a model with hooks (directly, nested or by cascade). */
  public boolean touches(StatementNode statement) {
    if (table.isEmpty()) {
      return false;
    }
    if (statement instanceof InsertNode insert) {
      return insert.onConflict() != null ? upsertHooked(insert) : createHooked(insert);
    }
    if (statement instanceof UpdateNode update && update.target() instanceof Source.Model m) {
      return table.has(m.model(), HookKind.BEFORE_UPDATE, HookKind.AFTER_UPDATE);
    }
    if (statement instanceof DeleteNode delete && delete.from() instanceof Source.Model m) {
      return table.has(m.model(), HookKind.BEFORE_DELETE, HookKind.AFTER_DELETE)
          || cascades.hooked(m.model());
    }
    return false;
  }

  /**
   * {@code statement} (which {@link #touches}) run by {@code plain} in {@code tx}, its hooks
   * around it; what it emits comes after its after hooks.
   */
  public Flux<Value> run(Tx tx, StatementNode statement,
      Function<StatementNode, Flux<Value>> plain) {
    if (statement instanceof InsertNode insert) {
      if (insert.onConflict() != null) {
        return Flux.error(upsertRefusal(insert));
      }
      return new HookedCreate(table, schema, defs, tx).run(insert, plain);
    }
    if (statement instanceof UpdateNode update) {
      return update(tx, update, plain);
    }
    return delete(tx, (DeleteNode) statement, plain);
  }

  private boolean createHooked(InsertNode insert) {
    if (insert.target() instanceof Source.Model m
        && table.has(m.model(), HookKind.BEFORE_CREATE, HookKind.AFTER_CREATE)) {
      return true;
    }
    for (ExprNode.Record row : insert.rows()) {
      for (ExprNode e : row.fields()) {
        if (e instanceof ExprNode.Stmt s && s.statement() instanceof InsertNode child
            && createHooked(child)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether an upsert writes a model with create or update hooks: it is refused there. */
  private boolean upsertHooked(InsertNode insert) {
    return insert.target() instanceof Source.Model m
        && (table.has(m.model(), HookKind.BEFORE_CREATE, HookKind.AFTER_CREATE)
        || table.has(m.model(), HookKind.BEFORE_UPDATE, HookKind.AFTER_UPDATE));
  }

  /**
   * An upsert cannot say before it runs whether it creates or updates a record, so neither kind
   * of hook could be told the truth: refused before anything is sent.
   */
  private static InvalidStatementException upsertRefusal(InsertNode insert) {
    String model = ((Source.Model) insert.target()).model();
    return new InvalidStatementException(model, null, "an upsert of a model with create or "
        + "update hooks cannot tell them which it does: read the record, then create or update");
  }

  private Flux<Value> update(Tx tx, UpdateNode update,
      Function<StatementNode, Flux<Value>> plain) {
    String model = ((Source.Model) update.target()).model();
    return matching(tx, model, update.filter()).collectList()
        .flatMapMany(before -> Flux.fromIterable(before)
            .concatMap(r -> run(HookKind.BEFORE_UPDATE, tx, model, r))
            .then(plain.apply(update).collectList())
            .flatMapMany(out -> after(tx, model, update, before, out)
                .concatMap(r -> run(HookKind.AFTER_UPDATE, tx, model, r))
                .thenMany(Flux.fromIterable(out))));
  }

  /** The updated records: those it returned, else those read before it, read again by key. */
  private Flux<Value.Record> after(Tx tx, String model, UpdateNode update,
      List<Value.Record> before, List<Value> out) {
    if (update.returning() instanceof Returning.Model) {
      return Flux.fromIterable(out).cast(Value.Record.class);
    }
    if (before.isEmpty()) {
      return Flux.empty();
    }
    ExprNode byKey = KeyFilters.of(schema.model(model), before);
    DeletedRows marker = DeletedRows.of(schema.model(model));
    // whatever the update did to a soft-delete marker: a soft delete is an update whose
    // records are deleted after it (SoftDeleteScenarios)
    return matching(tx, model, marker == null ? byKey
        : new ExprNode.And(List.of(byKey, marker.either())));
  }

  private Flux<Value> delete(Tx tx, DeleteNode delete,
      Function<StatementNode, Flux<Value>> plain) {
    String model = ((Source.Model) delete.from()).model();
    return matching(tx, model, delete.filter()).collectList()
        .flatMapMany(gone -> cascades.children(tx, model, gone, this::matching)
            .flatMapMany(cascaded -> Flux.fromIterable(gone)
                .concatMap(r -> run(HookKind.BEFORE_DELETE, tx, model, r))
                .thenMany(Flux.fromIterable(cascaded).concatMap(c -> cascaded(tx, c, true)))
                .then(plain.apply(delete).collectList())
                .flatMapMany(out -> Flux.fromIterable(gone)
                    .concatMap(r -> run(HookKind.AFTER_DELETE, tx, model, r))
                    .thenMany(Flux.fromIterable(cascaded)
                        .concatMap(c -> cascaded(tx, c, false)))
                    .thenMany(Flux.fromIterable(out)))));
  }

  /** The hooks of {@code kind} of {@code model} for the record of {@code row}. */
  private Mono<Void> run(HookKind kind, Tx tx, String model, Value.Record row) {
    return table.run(kind, model, tx, () -> defOf(defs, model).load(row));
  }

  /** The delete hooks of a record the engine's cascade deletes with its parent. */
  private Mono<Void> cascaded(Tx tx, Cascades.Gone gone, boolean before) {
    return table.run(before ? HookKind.BEFORE_DELETE : HookKind.AFTER_DELETE, gone.model(), tx,
        () -> defOf(defs, gone.model()).load(gone.record()));
  }

  /**
   * The definition that loads {@code model}'s records for its hooks; looked up only when a hook
   * runs, as a model without hooks needs none.
   */
  static ModelDef<?> defOf(Map<String, ModelDef<?>> defs, String model) {
    return Objects.requireNonNull(defs.get(model),
        () -> "model " + model + " has hooks but no ModelDef to load its records with");
  }

  /** The records of {@code model} that match {@code filter}, read in {@code tx}. */
  Flux<Value.Record> matching(Tx tx, String model, ExprNode filter) {
    Query query = new Query(new Source.Model(model), filter, Returning.Model.plain(), List.of(),
        null);
    return tx.exec(query).cast(Value.Record.class);
  }
}
