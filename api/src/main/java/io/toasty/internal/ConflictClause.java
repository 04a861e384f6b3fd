package io.toasty.internal;

import io.toasty.ModelDef;
import io.toasty.Path;
import io.toasty.Update;
import io.toasty.UpsertMany;
import io.toasty.error.InvalidStatementException;
import io.toasty.generated.AbstractUpsert;
import io.toasty.schema.app.TenantIndexes;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The conflict half of an upsert, shared by {@link AbstractUpsert} (one row) and
 * {@link UpsertMany} (many rows): the conflict target, the update path's expressions and whether
 * a conflict keeps the stored record as it is.
 */
public final class ConflictClause<M, U extends Update<M, ?>> {
  private final ModelDef<M> model;
  private final Supplier<U> updates;
  private List<Integer> target = List.of();
  private List<Assignment> assignments = List.of();
  private boolean keep;

  public ConflictClause(ModelDef<M> model, Supplier<U> updates) {
    this.model = Objects.requireNonNull(model, "model");
    this.updates = Objects.requireNonNull(updates, "updates");
  }

  public void target(Path<?>[] fields) {
    Objects.requireNonNull(fields, "fields");
    if (fields.length == 0) {
      throw new InvalidStatementException(model.name(), null,
          "an upsert's conflict target names at least one field");
    }
    List<Integer> out = new ArrayList<>(fields.length);
    for (Path<?> f : fields) {
      Objects.requireNonNull(f, "field");
      if (!f.model().equals(model.name())) {
        throw new InvalidStatementException(model.name(), f.name(),
            "field belongs to model " + f.model());
      }
      out.add(f.index());
    }
    // on a tenant-scoped model an @Unique's fields name its per-tenant index
    target = List.copyOf(TenantIndexes.conflictTarget(model.schema(), out));
  }

  public void update(UnaryOperator<U> build) {
    Objects.requireNonNull(build, "build");
    U built = Objects.requireNonNull(build.apply(updates.get()), "the onUpdate function's result");
    assignments = built.untyped().assignments();
    keep = false;
  }

  public void keep() {
    keep = true;
    assignments = List.of();
  }

  /** The statement: {@code rows} inserted, or on conflict updated as this clause says. */
  public InsertNode statement(List<ExprNode.Record> rows, List<Integer> copied) {
    OnConflict onConflict = keep ? new OnConflict(target, List.of(), List.of())
        : new OnConflict(target, withoutAssigned(copied), assignments);
    return new InsertNode(new Source.Model(model.name()), List.of(),
        rows, Returning.Model.plain(), onConflict);
  }

  /** An {@code onUpdate} expression wins over the proposed value of the same field. */
  private List<Integer> withoutAssigned(List<Integer> copied) {
    List<Integer> out = new ArrayList<>(copied);
    assignments.forEach(a -> out.remove(Integer.valueOf(a.target())));
    return out;
  }

  /** The data fields {@code row} sets. */
  public static List<Integer> setFields(ModelDef<?> model, ExprNode.Record row) {
    List<Integer> out = new ArrayList<>();
    for (int f = 0; f < model.schema().fields().size(); f++) {
      if (!(row.fields().get(f) instanceof ExprNode.Default)) {
        out.add(f);
      }
    }
    return out;
  }
}
