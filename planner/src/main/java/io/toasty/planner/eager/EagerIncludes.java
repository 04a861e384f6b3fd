package io.toasty.planner.eager;

import io.toasty.error.InvalidModelException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.IncludeNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The first rewrite of a query: the relations its model declares eager become includes, at every
 * level (the included records' eager relations too), so that every later phase sees plain
 * includes and each level still costs one query. An include the query names itself wins over the
 * eager one (its filter, order and nested includes stand); {@code withoutEager()} and
 * {@code exclude(..)} on a level keep that level's eager relations out. Only model-level queries
 * returning records are rewritten: projections, counts and writes load no relation.
 *
 * <p>The processor refuses a cycle of eager relations among the models it compiles together;
 * models compiled apart could still form one, which is refused here, naming the cycle, rather
 * than expanded for ever.
 */
public final class EagerIncludes {
  private final Schema schema;

  private EagerIncludes(Schema schema) {
    this.schema = schema;
  }

  /** {@code s} with the eager relations of every level it returns records of included. */
  public static StatementNode expand(StatementNode s, Schema schema) {
    if (!(s instanceof Query q) || !(q.returning() instanceof Returning.Model)
        || !(q.source() instanceof Source.Model m) || !schema.hasModel(m.model())
        || !hasEager(schema)) {
      return s;
    }
    return new EagerIncludes(schema).level(q, m.model(), List.of(m.model()));
  }

  private static boolean hasEager(Schema schema) {
    for (ModelSchema m : schema.models()) {
      if (m.relations().stream().anyMatch(RelationSchema::eager)) {
        return true;
      }
    }
    return false;
  }

  /**
   * One level: its own includes, each expanded in turn, then its eager relations not named.
   *
   * @param chain the models this level was reached through by eager relations alone, itself last
   */
  private Query level(Query q, String model, List<String> chain) {
    Returning.Model returning = (Returning.Model) q.returning();
    ModelSchema schema = this.schema.model(model);
    List<IncludeNode> out = new ArrayList<>(returning.includes().size());
    Set<Integer> named = new HashSet<>();
    for (IncludeNode i : returning.includes()) {
      named.add(i.relation().index());
      out.add(explicit(i, schema));
    }
    if (returning.eager()) {
      for (RelationSchema r : schema.relations()) {
        int field = schema.fieldIndexOf(r);
        if (r.eager() && !named.contains(field) && !excluded(returning, field)) {
          out.add(eager(schema, r, field, chain));
        }
      }
    }
    return q.withReturning(new Returning.Model(out, false, List.of()));
  }

  /** An include the query names: its scope's own eager relations, a new chain from there. */
  private IncludeNode explicit(IncludeNode i, ModelSchema schema) {
    if (!schema.isRelation(i.relation().index()) || !(i.scope().source() instanceof Source.Model t)
        || !this.schema.hasModel(t.model())
        || !(i.scope().returning() instanceof Returning.Model)) {
      return i; // verification names what is wrong with it
    }
    return new IncludeNode(i.relation(), level(i.scope(), t.model(), List.of(t.model())));
  }

  private IncludeNode eager(ModelSchema schema, RelationSchema r, int field, List<String> chain) {
    if (chain.contains(r.target())) {
      List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(r.target()),
          chain.size()));
      cycle.add(r.target());
      throw new InvalidModelException(schema.name(), r.name(), "eager relations form a cycle ("
          + String.join(" -> ", cycle) + "): a query would load them for ever; make one of "
          + "them lazy, and include it where it is needed");
    }
    List<String> next = new ArrayList<>(chain);
    next.add(r.target());
    Query all = Query.all(r.target());
    return new IncludeNode(new ExprNode.Field(schema.name(), field), level(all, r.target(), next));
  }

  private static boolean excluded(Returning.Model returning, int field) {
    return returning.excluded().stream().anyMatch(f -> f.index() == field);
  }
}
