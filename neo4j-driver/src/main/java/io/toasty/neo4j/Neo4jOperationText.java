package io.toasty.neo4j;

import io.toasty.driver.Operation;
import io.toasty.driver.OperationText;
import io.toasty.neo4j.cypher.CypherRenderer;
import io.toasty.neo4j.cypher.Param;
import io.toasty.neo4j.cypher.RenderedCypher;
import io.toasty.stmt.StatementNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The Cypher Neo4j runs for the planner's operations, for its explain: the statement as the
 * renderer writes it, then which argument slot each of its {@code $p} parameters reads.
 */
final class Neo4jOperationText implements OperationText {
  private final CypherRenderer renderer;

  Neo4jOperationText(CypherRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public String language() {
    return "Cypher";
  }

  @Override
  public String render(Operation operation) {
    if (operation instanceof Operation.RawCypher c) {
      return c.text();
    }
    if (operation instanceof Operation.PathQuery p) {
      return text(() -> renderer.render(p.statement()));
    }
    return OperationText.statementOf(operation).map(this::statement)
        .orElseGet(() -> "(not Cypher: " + operation.getClass().getSimpleName() + ")");
  }

  private String statement(StatementNode statement) {
    return text(() -> renderer.render(statement));
  }

  private static String text(Supplier<RenderedCypher> rendering) {
    try {
      RenderedCypher cypher = rendering.get();
      List<String> params = new ArrayList<>();
      for (int i = 0; i < cypher.params().size(); i++) {
        params.add("$p" + i + " = " + source(cypher.params().get(i)));
      }
      return cypher.text() + (params.isEmpty() ? "" : "\n  " + String.join(", ", params));
    } catch (RuntimeException refused) {
      return "(refused: " + refused.getMessage() + ")";
    }
  }

  private static String source(Param p) {
    if (p instanceof Param.Arg a) {
      return "$" + a.index();
    }
    if (p instanceof Param.Const) {
      return "a constant";
    }
    return p.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " of slots";
  }
}
