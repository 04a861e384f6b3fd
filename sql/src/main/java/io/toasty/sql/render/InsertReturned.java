package io.toasty.sql.render;

import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The columns an INSERT returns (its keys or a projection of its own columns), shared by the
 * plain insert and the MERGE upsert.
 */
final class InsertReturned {
  private InsertReturned() {
  }

  /** The column indexes an insert returns, or {@code null} for a count. */
  static @Nullable List<Integer> columns(TableSchema table, Returning returning) {
    if (returning instanceof Returning.Count) {
      return null;
    }
    List<Integer> columns = new ArrayList<>();
    if (returning instanceof Returning.Keys keys) {
      columns.addAll(keys.indexes());
    } else if (returning instanceof Returning.Project project) {
      for (ExprNode e : project.exprs()) {
        if (!(e instanceof ExprNode.Column c) || !c.table().equals(table.name())) {
          throw new IllegalArgumentException("an insert into " + table.name()
              + " can return only its own columns, not " + e);
        }
        columns.add(c.index());
      }
    } else {
      throw new IllegalArgumentException("a table-level insert returns Count, Keys or Project, not "
          + returning);
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("an insert into " + table.name() + " returns no columns");
    }
    return columns;
  }
}
