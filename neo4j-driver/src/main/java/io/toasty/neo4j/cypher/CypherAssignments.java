package io.toasty.neo4j.cypher;

import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import java.util.List;

/**
 * An assignment's value, a computed one checked against its column's width: Neo4j's integers
 * are 64-bit, so a value that does not fit a narrower column fails the statement here.
 */
final class CypherAssignments {
  /**
   * The function a guard calls, with a step of zero, to fail a statement whose computed value
   * does not fit its column: Cypher cannot raise an error of its own, and this one's message
   * ({@code range()}'s step) is told apart from every error a value can cause.
   */
  static final String OUT_OF_RANGE = "range";

  private final CypherWalk walk;

  CypherAssignments(CypherWalk walk) {
    this.walk = walk;
  }

  /**
   * An assignment's value; a computed value of a narrower integer column is checked against the
   * column's width (Neo4j's integers are 64-bit: a value that does not fit would be stored and
   * then not read back), failing the statement, and so writing nothing, when it does not fit. A
   * computed value of a 64-bit column needs no check (Cypher's own overflow fails it), but is
   * guarded too, so that its overflow is reported as the field's value out of range, as the
   * other backends report it.
   */
  void assigned(TableSchema table, Assignment a) {
    walk.assigning(true);
    try {
      assignedValue(table, a);
    } finally {
      walk.assigning(false);
    }
  }

  private void assignedValue(TableSchema table, Assignment a) {
    Type type = table.column(a.target()).type();
    long[] range = type == Type.Scalar.I8 ? new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE}
        : type == Type.Scalar.I16 ? new long[] {Short.MIN_VALUE, Short.MAX_VALUE}
        : type == Type.Scalar.I32 ? new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE} : null;
    boolean computed = !(a.value() instanceof ExprNode.Arg || a.value() instanceof ExprNode.Const);
    if (computed && (range != null || type == Type.Scalar.I64)) {
      List<String> guarded = walk.guarded();
      if (guarded.isEmpty()) {
        guarded.add(table.name());
      }
      guarded.add(table.column(a.target()).name());
    }
    if (type instanceof Type.CollectionOf c && c.shape() != Type.CollectionOf.Shape.MAP
        && !computed) {
      // a whole list or set written: boxed, so an empty one shares the plan of one with items
      CypherCollections.boxed(walk, a.value());
      return;
    }
    if (range == null || !computed) {
      walk.expr(a.value());
      return;
    }
    ExprNode v = a.value();
    walk.cypher("CASE WHEN ", v, " < ", range[0], " OR ", v, " > ", range[1], " THEN ",
        OUT_OF_RANGE, "(0, 0, ", v, " - ", v, ") ELSE ", v, " END");
  }
}
