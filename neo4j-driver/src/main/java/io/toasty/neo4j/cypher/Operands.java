package io.toasty.neo4j.cypher;

import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The direct operands of an expression (not those of a subquery, which has its own scope). */
final class Operands {
  private Operands() {}

  static List<ExprNode> of(ExprNode e) {
    if (e instanceof ExprNode.Compare c) {
      return List.of(c.left(), c.right());
    } else if (e instanceof ExprNode.Arith a) {
      return List.of(a.left(), a.right());
    } else if (e instanceof ExprNode.And a) {
      return a.operands();
    } else if (e instanceof ExprNode.Or o) {
      return o.operands();
    } else if (e instanceof ExprNode.Not n) {
      return List.of(n.operand());
    } else if (e instanceof ExprNode.IsNull n) {
      return List.of(n.operand());
    } else if (e instanceof ExprNode.IsNotDistinctFrom d) {
      return List.of(d.left(), d.right());
    } else if (e instanceof ExprNode.Pattern p) {
      return List.of(p.operand(), p.pattern());
    } else if (e instanceof ExprNode.InList in) {
      return Stream.concat(Stream.of(in.operand()),
          in.items().stream()).toList();
    } else if (e instanceof ExprNode.Func f) {
      return List.of(f.operand());
    } else if (e instanceof ExprNode.Record r) {
      return r.fields();
    } else if (e instanceof ExprNode.Project p) {
      return List.of(p.base());
    } else if (e instanceof ExprNode.Case c) {
      List<ExprNode> all = new ArrayList<>(c.whens().size() * 2 + 2);
      all.add(c.operand());
      all.addAll(c.whens());
      all.addAll(c.thens());
      all.add(c.otherwise());
      return all;
    }
    return List.of();
  }
}
