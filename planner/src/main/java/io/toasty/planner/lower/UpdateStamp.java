package io.toasty.planner.lower;

import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields every update writes ({@code @UpdatedAt}, {@code @OnUpdate}: {@link
 * FieldSchema#onUpdate()}), added at model level before lowering like {@link VersionBump}, so
 * every update path (by filter, by key, of a loaded record, an upsert's update path) sets them
 * alike, unless the update sets the field itself.
 */
final class UpdateStamp {
  private UpdateStamp() {}

  /** {@code assignments}, plus {@code field = generated value} for each field they leave. */
  static List<Assignment> stamped(LowerContext cx, List<Assignment> assignments) {
    List<Assignment> out = assignments;
    for (FieldSchema f : cx.model.fields()) {
      if (f.onUpdate() != null
          && assignments.stream().noneMatch(a -> a.target() == f.index())) {
        if (out == assignments) {
          out = new ArrayList<>(assignments);
        }
        out.add(new Assignment(f.index(), generated(cx, f, f.onUpdate())));
      }
    }
    return out;
  }

  /**
   * What {@code auto} generates for {@code f}: the database's time, or a slot the executor
   * fills on each execution.
   */
  static ExprNode generated(LowerContext cx, FieldSchema f, AutoStrategy auto) {
    if (auto == AutoStrategy.NOW && cx.databaseTime) {
      return new ExprNode.Now(f.type());
    }
    return cx.addArg(auto == AutoStrategy.NOW
        ? new ExtraArg.NowArg(f.type(), cx.model.name(), f.name())
        : new ExtraArg.GeneratedArg(auto, cx.model.name(), f.name()));
  }
}
