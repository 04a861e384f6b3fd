package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.generated.AbstractCreate;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An insert of many records in one statement, atomically: either every row is stored or none is.
 *
 * <pre>{@code
 * Mono<List<User>> users = Insert.of(Users.MODEL, List.of(
 *     Users.create().name("Ann").email("ann@example.com"),
 *     Users.create().name("Bob").email("bob@example.com"))).exec(db);
 * }</pre>
 */
public final class Insert<M> implements Statement<List<M>> {
  private final ModelDef<M> model;
  private final @Nullable InsertNode statement;

  private Insert(ModelDef<M> model, @Nullable InsertNode statement) {
    this.model = model;
    this.statement = statement;
  }

  /**
   * An insert of the rows the builders hold now. With no builders it creates nothing: its
   * {@link #exec} emits an empty list without reaching the database.
   */
  public static <M> Insert<M> of(ModelDef<M> model, Collection<? extends Create<M>> creates) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(creates, "creates");
    if (creates.isEmpty()) {
      return new Insert<>(model, null);
    }
    List<ExprNode.Record> rows = new ArrayList<>(creates.size());
    for (Create<M> c : creates) {
      if (!c.model().name().equals(model.name())) {
        throw new InvalidStatementException(model.name(), null,
            "cannot insert a create of model " + c.model().name());
      }
      rows.add(c.row());
    }
    return new Insert<>(model, AbstractCreate.statement(model, rows));
  }

  /**
   * This insert with each row allowed to be stored on its own (see
   * {@link InsertNode#atomic}); for {@link Bulk#nonAtomic}.
   */
  Insert<M> nonAtomic() {
    return statement == null ? this : new Insert<>(model, statement.withAtomic(false));
  }

  /** The created records, in the order of the builders (none for an insert of no rows). */
  public Flux<M> stream(Executor db) {
    Objects.requireNonNull(db, "db");
    if (statement == null) {
      return Flux.empty();
    }
    return load(db.exec(statement));
  }

  private Flux<M> load(Flux<Value> values) {
    return values.map(v -> model.load((Value.Record) v));
  }

  /** In a batch, an insert of no rows sends nothing and results in an empty list. */
  @Override
  public Snapshot<List<M>> snapshot() {
    return new Snapshot<>(statement, values -> load(values).collectList());
  }

  /**
   * The one record this insert of one row creates. For generated code
   * ({@code io.toasty.generated}); an application runs the insert itself.
   */
  public Snapshot<M> single() {
    return new Snapshot<>(statement, values -> load(values).single());
  }

  /** The created records, in a list. */
  public Mono<List<M>> exec(Executor db) {
    return stream(db).collectList();
  }

  /**
   * The untyped statement.
   *
   * @throws IllegalStateException for an insert of no rows, which has no statement
   */
  public InsertNode untyped() {
    if (statement == null) {
      throw new IllegalStateException("an insert of no rows has no statement: " + model.name());
    }
    return statement;
  }
}
