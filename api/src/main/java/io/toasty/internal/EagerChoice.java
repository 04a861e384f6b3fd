package io.toasty.internal;

import io.toasty.RelationPath;
import io.toasty.error.InvalidStatementException;
import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The relation fields a query or include keeps from being loaded eagerly. */
public final class EagerChoice {
  private EagerChoice() {}

  /**
   * The field nodes of {@code relations}, each checked to be a relation of {@code model}.
   *
   * @throws InvalidStatementException naming the relation when it belongs to another model
   */
  public static List<ExprNode.Field> fields(String model, RelationPath<?, ?>[] relations) {
    List<ExprNode.Field> out = new ArrayList<>(relations.length);
    for (RelationPath<?, ?> r : relations) {
      Objects.requireNonNull(r, "relation");
      if (!r.model().equals(model)) {
        throw new InvalidStatementException(model, r.name(), "cannot exclude a relation of "
            + r.model());
      }
      out.add(r.node());
    }
    return out;
  }
}
