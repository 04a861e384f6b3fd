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
 * of it, and what the driver sends, in its backend's language (as a plan's explain ends); where
 * the backend has no path query in one request, the reads the engine makes instead.
 */
public final class ExplainPath {
  private ExplainPath() {}

  /**
   * The explain of {@code path} on a backend of {@code capability}, whose driver writes
   * operations as {@code text} (null for none).
   */
  public static String explain(PathNode path, Schema schema, Capability capability,
      @Nullable OperationText text) {
    Objects.requireNonNull(path, "path");
    if (!capability.pathQueries()) {
      return stepped(path, schema);
    }
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

  /** The reads the engine makes of {@code path} where the backend has no path query. */
  private static String stepped(PathNode path, Schema schema) {
    ModelEdge edge = ModelEdge.of(path, schema);
    StringBuilder out = new StringBuilder();
    section(out, "path query");
    line(out, path.toString());
    section(out, "step by step (no path query in one request): the engine's reads");
    line(out, "start: " + path.source() + " where " + path.start());
    line(out, "each hop, up to " + path.max() + ": " + edge.model() + " where " + edge.from()
        + " IN (the keys the paths end at) and " + edge.links() + ", then " + path.source()
        + " by key IN (the keys they reach)");
    line(out, "answered: " + path.source() + " by key IN (the keys reached) and "
        + path.reached() + (path.mode() == PathNode.Mode.SHORTEST ? ", the nearest, LIMIT 1"
        : ""));
    return out.toString();
  }

  private static void section(StringBuilder out, String title) {
    out.append("-- ").append(title).append('\n');
  }

  private static void line(StringBuilder out, String s) {
    out.append("   ").append(s).append('\n');
  }
}
