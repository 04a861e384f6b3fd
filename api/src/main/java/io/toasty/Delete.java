package io.toasty;

import io.toasty.value.Values;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * A delete of the records a query matched ({@code Users.filter(..).delete()}), of one record by
 * key ({@code Users.deleteById(1L)}), or of a loaded record ({@code Users.delete(user)}).
 */
public final class Delete<M> {
  private final ModelDef<M> model;
  private final io.toasty.stmt.Delete statement;

  public Delete(ModelDef<M> model, io.toasty.stmt.Delete statement) {
    this.model = Objects.requireNonNull(model, "model");
    this.statement = Objects.requireNonNull(statement, "statement");
  }

  /** Runs the delete; the result is the number of records deleted. */
  public Mono<Long> exec(Executor db) {
    Objects.requireNonNull(db, "db");
    return db.exec(statement).next().map(Values::asLong).defaultIfEmpty(0L);
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
