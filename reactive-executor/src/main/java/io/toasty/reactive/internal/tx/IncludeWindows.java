package io.toasty.reactive.internal.tx;

import io.toasty.internal.KeysetWindows;
import io.toasty.planner.action.Action;
import io.toasty.planner.action.ActionPlan;
import io.toasty.planner.action.NestedMergeAction;
import io.toasty.schema.Schema;
import io.toasty.stmt.Query;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import java.util.Optional;

/**
 * Whether a statement run on a transaction's one connection is read in keyset windows. Outside a
 * transaction an include's child queries run on a second connection while the parents stream;
 * on one connection the parents' rows would have to be read to the end before the first child
 * query. A model query that preloads relations is instead read as {@link KeysetWindows} of the
 * include's own window size, each window's parents and children before the next window's query,
 * so its memory is bounded by a window, as outside a transaction.
 */
public final class IncludeWindows {
  private IncludeWindows() {}

  /** The walk of {@code statement}, planned as {@code actions}; empty when it runs whole. */
  public static Optional<KeysetWindows> of(Schema schema, StatementNode statement,
      ActionPlan actions) {
    if (!(statement instanceof Query q) || !(q.source() instanceof Source.Model m)
        || actions.transaction() || !actions.needsConnection()) {
      return Optional.empty();
    }
    int window = window(actions);
    return window < 1 ? Optional.empty()
        : KeysetWindows.of(schema.model(m.model()), q, window);
  }

  /** The window of the plan's include (its first), or 0 when it has none. */
  private static int window(ActionPlan actions) {
    for (Action a : actions.actions()) {
      if (a instanceof NestedMergeAction merge) {
        return merge.window();
      }
    }
    return 0;
  }
}
