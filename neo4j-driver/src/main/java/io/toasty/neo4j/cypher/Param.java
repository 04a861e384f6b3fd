package io.toasty.neo4j.cypher;

import io.toasty.value.Value;
import java.util.List;

/**
 * Where the value of one Cypher parameter comes from at each execution: an argument of the
 * operation, a constant of the statement, or a list of insert rows built from both. Values are
 * always parameters; none is ever written into the statement text.
 */
public sealed interface Param {

  /** The {@code index}th argument, converted by {@code form}. */
  record Arg(int index, Form form) implements Param {}

  /** A constant of the statement, converted by {@code form}. */
  record Const(Value value, Form form) implements Param {}

  /** A list of the values of {@code items}: the right side of an {@code IN}. */
  record ListOf(List<Param> items) implements Param {
    public ListOf {
      items = List.copyOf(items);
    }
  }

  /** A list of several values: one tuple of a composite key in an {@code IN}. */
  record Tuple(List<Param> items) implements Param {
    public Tuple {
      items = List.copyOf(items);
    }
  }

  /** Insert rows: one map per row from the column's property name to its value. */
  record Rows(List<String> properties, List<List<Param>> rows) implements Param {
    public Rows {
      properties = List.copyOf(properties);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /** How a value is turned into the parameter. */
  enum Form {
    /** As stored (see {@code CypherValues}). */
    STORED,
    /** An SQL LIKE pattern as a Java regular expression, matching case. */
    LIKE_REGEX,
    /** An SQL LIKE pattern as a Java regular expression, ignoring case. */
    LIKE_REGEX_IGNORE_CASE,
    /**
     * A SKIP or LIMIT count, at most {@code Long.MAX_VALUE / 2}: Cypher adds the two, and an
     * offset without a limit (whose count is {@code Long.MAX_VALUE}) would overflow that sum.
     * No graph holds that many rows, so the cap changes no result.
     */
    ROW_COUNT,
    /** A collection item (a map key) as the JSON text a stored map holds it in. */
    JSON_TEXT,
    /**
     * As stored, inside a list of one item, read back by {@code $p[0]}. Neo4j keys its plan
     * cache by the parameters' types too, and an empty list is not the type of a list with
     * items: a statement with several collection parameters, each sometimes empty, compiled
     * again for nearly every execution. The one-item list has one type whatever it holds.
     */
    BOXED
  }
}
