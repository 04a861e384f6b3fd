package io.toasty.planner.path;

import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.driver.OperationText;
import io.toasty.schema.Schema;
import io.toasty.stmt.PathNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The explain of a path query: the model-level statement, the table-level one the path pass made
 * of it, and what the driver sends, in its backend's language (as a plan's explain ends).
 */
public final class ExplainPath {
  private ExplainPath() {}

  /**
   * The explain of {@code path} on a backend of {@code capability}, whose driver writes
   * operations as {@code text} (null for none).
   *
   * @throws io.toasty.error.UnsupportedFeatureException where the backend runs no path queries
   */
  public static String explain(PathNode path, Schema schema, Capability capability,
      @Nullable OperationText text) {
    Objects.requireNonNull(path, "path");
    Operation.PathQuery op = PlanPath.plan(path, schema, capability);
    StringBuilder out = new StringBuilder();
    section(out, "path query");
    line(out, path.toString());
    section(out, "path pass (table level)");
    line(out, op.statement().toString());
    if (text != null) {
      section(out, text.language() + " (what the driver sends)");
      String[] lines = text.render(op).split("\\n");
      line(out, "$0 = " + lines[0]);
      for (int l = 1; l < lines.length; l++) {
        line(out, "     " + lines[l]);
      }
    }
    return out.toString();
  }

  private static void section(StringBuilder out, String title) {
    out.append("-- ").append(title).append('\n');
  }

  private static void line(StringBuilder out, String s) {
    out.append("   ").append(s).append('\n');
  }
}
