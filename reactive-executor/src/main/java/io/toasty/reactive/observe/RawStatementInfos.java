package io.toasty.reactive.observe;

import io.toasty.driver.Operation;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a {@link StatementObserver} learns of a raw statement ({@code db.sql(..)},
 * {@code db.cypher(..)}, {@code db.partiql(..)}): its text as the shape, its language as the
 * operation, {@code raw} as the model, and its values by parameter only where the {@code Db}
 * logs values. A raw statement has no field to mark sensitive: its values are shown as given.
 */
public final class RawStatementInfos {
  /** The model an observer sees for a raw statement, which may read or write any. */
  public static final String MODEL = "raw";

  private RawStatementInfos() {}

  /**
   * The info of {@code raw} (an {@link Operation.RawSql}, {@link Operation.RawCypher} or
   * {@link Operation.Partiql}) on {@code backend}.
   */
  public static StatementInfo of(Operation raw, String backend, boolean inTransaction,
      boolean logValues) {
    if (raw instanceof Operation.RawCypher c) {
      return new StatementInfo(backend, MODEL, "cypher", c::text, inTransaction,
          logValues ? () -> named(c.params()) : null, null);
    }
    if (raw instanceof Operation.PathQuery path) {
      return new StatementInfo(backend, path.statement().source(), "path",
          () -> path.statement().toString(), inTransaction, null, null);
    }
    if (raw instanceof Operation.RawSql s) {
      return new StatementInfo(backend, MODEL, "sql", () -> slotted(s.text()), inTransaction,
          logValues ? () -> numbered(s.args()) : null, null);
    }
    Operation.Partiql p = (Operation.Partiql) raw;
    return new StatementInfo(backend, MODEL, "partiql", () -> slotted(p.text()), inTransaction,
        logValues ? () -> numbered(p.args()) : null, null);
  }

  /** The pieces joined by {@code $0}, {@code $1}, ...: the shape of a typed statement. */
  private static String slotted(List<String> pieces) {
    StringBuilder out = new StringBuilder(pieces.get(0));
    for (int i = 1; i < pieces.size(); i++) {
      out.append('$').append(i - 1).append(pieces.get(i));
    }
    return out.toString();
  }

  private static String numbered(List<Value> args) {
    List<String> out = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      out.add("$" + i + " = " + args.get(i));
    }
    return String.join(", ", out);
  }

  private static String named(Map<String, Value> params) {
    List<String> out = new ArrayList<>(params.size());
    params.forEach((name, value) -> out.add("$" + name + " = " + value));
    return String.join(", ", out);
  }
}
