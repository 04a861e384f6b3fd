package io.toasty.stmt;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * LIMIT and OFFSET, as expressions so that their values become plan parameters.
 *
 * @param count       the most rows to return
 * @param offset      rows to skip, or {@code null}
 * @param partitionBy empty for a limit on the whole result; else (table level only) the columns
 *                    whose every distinct value gets its own count and offset, in the query's
 *                    order: an include's limit per parent, partitioned by the foreign key
 */
public record Limit(ExprNode count, @Nullable ExprNode offset, List<ExprNode> partitionBy) {
  public Limit {
    Objects.requireNonNull(count, "count");
    partitionBy = List.copyOf(partitionBy);
  }

  /** A limit on the whole result. */
  public Limit(ExprNode count, @Nullable ExprNode offset) {
    this(count, offset, List.of());
  }

  /** This limit, applied to each distinct value of {@code columns} apart. */
  public Limit perPartition(List<ExprNode> columns) {
    return new Limit(count, offset, columns);
  }
}
