package io.toasty.stmt;

import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The deletion marker of a soft-deleted model ({@code @SoftDelete}) and the conditions over it.
 * A statement whose filter has a conjunct naming the marker chose its rows itself
 * ({@code withDeleted()}, {@code onlyDeleted()}, {@code restore()}, {@code purge()}); any other
 * is given {@link #live()} by the planner's soft-delete phase (docs/models.md, Soft delete).
 *
 * @param model the model
 * @param field the marker's field index
 * @param flag  whether the marker is a {@code boolean} (else an optional timestamp)
 */
public record DeletedRows(String model, int field, boolean flag) {
  public DeletedRows {
    Objects.requireNonNull(model, "model");
  }

  /** The marker of {@code model}, or {@code null} when its deletes remove its records. */
  public static @Nullable DeletedRows of(ModelSchema model) {
    FieldSchema f = model.softDeleteField();
    return f == null ? null
        : new DeletedRows(model.name(), f.index(), f.type() == Type.Scalar.BOOL);
  }

  /** The marker, as an expression. */
  public ExprNode.Field marker() {
    return new ExprNode.Field(model, field);
  }

  /** Its records not deleted: {@code deleted_at IS NULL} ({@code deleted = FALSE}). */
  public ExprNode live() {
    return flag ? ExprNode.eq(marker(), ExprNode.FALSE) : new ExprNode.IsNull(marker());
  }

  /** Its deleted records: {@code deleted_at IS NOT NULL} ({@code deleted = TRUE}). */
  public ExprNode deleted() {
    return flag ? ExprNode.eq(marker(), ExprNode.TRUE) : new ExprNode.Not(live());
  }

  /** Its records, live or deleted: a condition naming the marker that holds for every record. */
  public ExprNode either() {
    return new ExprNode.Or(List.of(live(), deleted()));
  }

  /** The marker's value on a record deleted at {@code now}. */
  public ExprNode stamp(Value now) {
    return flag ? ExprNode.TRUE : ExprNode.of(now);
  }

  /** The marker's value on a live record. */
  public ExprNode cleared() {
    return flag ? ExprNode.FALSE : ExprNode.NULL;
  }

  /** Whether a conjunct of {@code filter} compares or tests the marker: it chose its rows. */
  public boolean chosenBy(ExprNode filter) {
    List<ExprNode> conjuncts = filter instanceof ExprNode.And a ? a.operands() : List.of(filter);
    return conjuncts.stream().anyMatch(c -> c instanceof ExprNode.And
        ? chosenBy(c) : names(c));
  }

  /** Whether {@code e} is one of this marker's conditions, or a comparison or test of it. */
  private boolean names(ExprNode e) {
    if (e.equals(live()) || e.equals(deleted()) || e.equals(either())) {
      return true;
    }
    ExprNode m = marker();
    return e instanceof ExprNode.Compare c && (c.left().equals(m) || c.right().equals(m))
        || e instanceof ExprNode.IsNull n && n.operand().equals(m)
        || e instanceof ExprNode.Not not && names(not.operand());
  }
}
