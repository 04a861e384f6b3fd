package io.toasty.sql.render;

import io.toasty.driver.Operation;
import io.toasty.driver.OperationText;
import io.toasty.stmt.StatementNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The SQL an SQL driver sends for the planner's operations, for its explain: the statement as
 * the dialect renders it, then which argument slot each bind marker binds.
 */
public final class SqlOperationText implements OperationText {
  private final SqlRenderer renderer;

  /** The text of statements as {@code renderer} writes them. */
  public SqlOperationText(SqlRenderer renderer) {
    this.renderer = Objects.requireNonNull(renderer, "renderer");
  }

  @Override
  public String language() {
    return "SQL";
  }

  @Override
  public String render(Operation operation) {
    if (operation instanceof Operation.Atomic a) {
      List<String> each = new ArrayList<>();
      a.operations().forEach(op -> each.add(render(op)));
      return String.join("\n", each);
    }
    if (operation instanceof Operation.PathQuery p) {
      return text(() -> renderer.render(p.statement()));
    }
    return OperationText.statementOf(operation).map(this::statement)
        .orElseGet(() -> "(not SQL: " + operation.getClass().getSimpleName() + ")");
  }

  private String statement(StatementNode statement) {
    return text(() -> renderer.render(statement));
  }

  private static String text(Supplier<RenderedSql> rendering) {
    try {
      RenderedSql sql = rendering.get();
      List<String> binds = new ArrayList<>();
      for (int arg : sql.argOrder()) {
        binds.add(arg < 0 ? "a constant" : "$" + arg);
      }
      return sql.sql() + (binds.isEmpty() ? "" : "\n  binds " + String.join(", ", binds));
    } catch (RuntimeException refused) {
      return "(refused: " + refused.getMessage() + ")";
    }
  }
}
