package io.toasty.planner.lower;

import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code @Version} field of a model ({@code AutoStrategy.VERSION}): 1 on create, and one more with
 * every update that does not set it itself, at model level, before lowering, so every update
 * path (by filter, by key, of a loaded record, an upsert's update path) bumps it alike.
 */
final class VersionBump {
  private VersionBump() {}

  /** The first version of a created record, of the field's type. */
  static Value initial(FieldSchema f) {
    return f.type() == Type.Scalar.I32 ? Value.of(1) : Value.of(1L);
  }

  /** {@code assignments}, plus {@code version = version + 1} unless they set the version. */
  static List<Assignment> bumped(LowerContext cx, List<Assignment> assignments) {
    ModelSchema model = cx.model;
    for (FieldSchema f : model.fields()) {
      if (f.auto() == AutoStrategy.VERSION
          && assignments.stream().noneMatch(a -> a.target() == f.index())) {
        List<Assignment> out = new ArrayList<>(assignments);
        out.add(new Assignment(f.index(), new ExprNode.Arith(ExprNode.ArithOp.ADD,
            new ExprNode.Field(model.name(), f.index()),
            cx.addArg(new ExtraArg.ConstantArg(initial(f))))));
        return out;
      }
    }
    return assignments;
  }
}
