package io.toasty.neo4j.cypher;

import io.toasty.stmt.Expr;
import java.util.List;

/** The direct operands of an expression (not those of a subquery, which has its own scope). */
final class Operands {
  private Operands() {}

  static List<Expr> of(Expr e) {
    if (e instanceof Expr.Compare c) {
      return List.of(c.left(), c.right());
    } else if (e instanceof Expr.Arith a) {
      return List.of(a.left(), a.right());
    } else if (e instanceof Expr.And a) {
      return a.operands();
    } else if (e instanceof Expr.Or o) {
      return o.operands();
    } else if (e instanceof Expr.Not n) {
      return List.of(n.operand());
    } else if (e instanceof Expr.IsNull n) {
      return List.of(n.operand());
    } else if (e instanceof Expr.IsNotDistinctFrom d) {
      return List.of(d.left(), d.right());
    } else if (e instanceof Expr.Pattern p) {
      return List.of(p.operand(), p.pattern());
    } else if (e instanceof Expr.InList in) {
      return java.util.stream.Stream.concat(java.util.stream.Stream.of(in.operand()),
          in.items().stream()).toList();
    } else if (e instanceof Expr.Func f) {
      return List.of(f.operand());
    } else if (e instanceof Expr.Record r) {
      return r.fields();
    } else if (e instanceof Expr.Project p) {
      return List.of(p.base());
    } else if (e instanceof Expr.Case c) {
      List<Expr> all = new java.util.ArrayList<>(c.whens().size() * 2 + 2);
      all.add(c.operand());
      all.addAll(c.whens());
      all.addAll(c.thens());
      all.add(c.otherwise());
      return all;
    }
    return List.of();
  }
}
