package io.toasty.neo4j.cypher;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;

/**
 * Stored collections in Cypher. A list or set is a list property, tested with {@code IN} and
 * {@code size}, changed with list concatenation and comprehensions; a map is its JSON text
 * ({@code CollectionJson}: Neo4j has no map property), whose keys a filter finds as the key's
 * JSON text between {@code {} or {@code ,} and {@code :}, which only a key can be (values are
 * scalars, and a string's quotes are escaped). A NULL collection gives NULL, as in SQL.
 */
final class CypherCollections {
  private CypherCollections() {}

  /** Whether the collection holds the item (a map: the key). */
  static void contains(CypherWalk walk, ExprNode.Contains c) {
    StringBuilder out = walk.out();
    if (c.type().shape() == Type.CollectionOf.Shape.MAP) {
      out.append("(");
      walk.expr(c.operand());
      out.append(" CONTAINS ('{' + ");
      jsonText(walk, c.item());
      out.append(" + ':') OR ");
      walk.expr(c.operand());
      out.append(" CONTAINS (',' + ");
      jsonText(walk, c.item());
      out.append(" + ':'))");
      return;
    }
    out.append('(');
    walk.expr(c.item());
    out.append(" IN ");
    walk.expr(c.operand());
    out.append(')');
  }

  /** Whether the collection has no item: an empty list, or a map's {@code {}}. */
  static void isEmpty(CypherWalk walk, ExprNode.IsEmpty i) {
    StringBuilder out = walk.out();
    out.append('(');
    if (i.type().shape() == Type.CollectionOf.Shape.MAP) {
      walk.expr(i.operand());
      out.append(" = '{}'");
    } else {
      out.append("size(");
      walk.expr(i.operand());
      out.append(") = 0");
    }
    out.append(')');
  }

  /**
   * The list with the items appended (a set: those it lacks), or without every item equal to
   * one of them; a NULL list becomes the items, or stays NULL when removing.
   */
  static void change(CypherWalk walk, ExprNode.CollectionChange c) {
    if (c.type().shape() == Type.CollectionOf.Shape.MAP) {
      // a map is JSON text here; the planner refuses its changes before they come this far
      throw new UnsupportedFeatureException(Feature.COLLECTION_CHANGE,
          CypherWalk.BACKEND, "a change of a map's entries: maps are stored as JSON text");
    }
    StringBuilder out = walk.out();
    if (c.op() == ExprNode.ChangeOp.REMOVE) {
      out.append("[x IN ");
      walk.expr(c.operand());
      out.append(" WHERE NOT x IN ");
      boxed(walk, c.items());
      out.append(']');
      return;
    }
    out.append("(coalesce(");
    walk.expr(c.operand());
    out.append(", []) + ");
    if (c.type().shape() == Type.CollectionOf.Shape.SET) {
      out.append("[x IN ");
      boxed(walk, c.items());
      out.append(" WHERE NOT x IN coalesce(");
      walk.expr(c.operand());
      out.append(", [])]");
    } else {
      boxed(walk, c.items());
    }
    out.append(')');
  }

  /**
   * A list or set value boxed ({@link Param.Form#BOXED}), so that an empty one and one with
   * items share Neo4j's cached plan; any other expression as it is.
   */
  static void boxed(CypherWalk walk, ExprNode items) {
    if (items instanceof ExprNode.Arg a) {
      walk.param(new Param.Arg(a.index(), Param.Form.BOXED));
    } else if (items instanceof ExprNode.Const k) {
      walk.param(new Param.Const(k.value(), Param.Form.BOXED));
    } else {
      walk.expr(items);
      return;
    }
    walk.out().append("[0]");
  }

  /** A map key as the JSON text the stored document holds it in. */
  private static void jsonText(CypherWalk walk, ExprNode key) {
    if (key instanceof ExprNode.Arg a) {
      walk.param(new Param.Arg(a.index(), Param.Form.JSON_TEXT));
    } else if (key instanceof ExprNode.Const k) {
      walk.param(new Param.Const(k.value(), Param.Form.JSON_TEXT));
    } else {
      throw new UnsupportedFeatureException(Feature.COLLECTION_ITEMS,
          CypherWalk.BACKEND, "a map key must be a value, not " + key);
    }
  }
}
