package io.toasty.planner.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.InvalidModelException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.Planner;
import io.toasty.planner.action.NestedMergeAction;
import io.toasty.planner.simplify.Simplify;
import io.toasty.planner.simplify.SimplifyContext;
import io.toasty.planner.simplify.SimplifyInSubquery;
import io.toasty.planner.simplify.SimplifyRelated;
import io.toasty.schema.Schema;
import io.toasty.stmt.Delete;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Include;
import io.toasty.stmt.Insert;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relation passes: association rewriting and subquery lifting (simplify), INCLUDE lowering
 * with its merge cycle, NestedMerge planning on SQL and key-value backends, the delete cascade,
 * and nested creates.
 */
class RelationPlanningTest {
  private static final SimplifyContext CX = new SimplifyContext(RelationFixtures.SCHEMA);
  private final Planner sql = new Planner(RelationFixtures.SCHEMA, Capability.H2, 16);
  private final Planner kv = new Planner(RelationFixtures.SCHEMA, Capability.DYNAMODB, 16);

  private static Expr.Field person(int f) {
    return new Expr.Field("Person", f);
  }

  private static Expr.Field post(int f) {
    return new Expr.Field("Post", f);
  }

  private static Expr.Const value(Object o) {
    return new Expr.Const(Value.of(o));
  }

  @Test
  void associationRewritingMakesASemiJoin() {
    Expr any = new Expr.Related(person(RelationFixtures.POSTS), Expr.Quantifier.ANY,
        Expr.eq(post(2), value("x")));
    Expr out = new SimplifyRelated().apply(any, CX);
    Expr.InSubquery in = assertInstanceOf(Expr.InSubquery.class, out);
    assertEquals(person(0), in.operand());
    assertEquals(new Source.Model("Post"), in.query().source());
    assertEquals(new Returning.Project(List.of(post(1))), in.query().returning());
  }

  @Test
  void noneAndEveryNegateTheSemiJoin() {
    Expr none = new SimplifyRelated().apply(new Expr.Related(person(RelationFixtures.POSTS),
        Expr.Quantifier.NONE, Expr.TRUE), CX);
    assertTrue(none instanceof Expr.Or o && o.operands().get(1) instanceof Expr.Not, "" + none);
    Expr every = Simplify.filter(new Expr.Related(person(RelationFixtures.POSTS),
        Expr.Quantifier.EVERY, Expr.eq(post(2), value("x"))), RelationFixtures.SCHEMA);
    Expr.Not not = assertInstanceOf(Expr.Not.class, every);
    Expr.InSubquery in = assertInstanceOf(Expr.InSubquery.class, not.operand());
    assertTrue(in.query().filter().toString().contains("op=NE"), in.query().filter().toString());
  }

  @Test
  void manyToManyNestsThroughTheJoinModel() {
    Expr out = new SimplifyRelated().apply(new Expr.Related(person(RelationFixtures.TAGS),
        Expr.Quantifier.ANY, Expr.eq(new Expr.Field("Tag", 1), value("red"))), CX);
    Expr.InSubquery in = assertInstanceOf(Expr.InSubquery.class, out);
    assertEquals(new Source.Model("Tagging"), in.query().source());
    assertTrue(in.query().filter().toString().contains("Model[model=Tag]"));
  }

  @Test
  void subqueryLiftingUsesTheKnownKey() {
    Query parent = new Query(new Source.Model("Person"), Expr.eq(person(0), new Expr.Arg(0)),
        new Returning.Project(List.of(person(0))), List.of(), null);
    Expr lifted = new SimplifyInSubquery().apply(new Expr.InSubquery(post(1), parent), CX);
    assertEquals(Expr.eq(post(1), new Expr.Arg(0)), lifted);
    Query notOnlyKey = parent.withFilter(Expr.and(Expr.eq(person(0), new Expr.Arg(0)),
        Expr.eq(person(1), new Expr.Arg(1))));
    assertEquals(null, new SimplifyInSubquery().apply(new Expr.InSubquery(post(1), notOnlyKey),
        CX));
  }

  @Test
  void belongsToFilterByKeyLiftsToAComparison() {
    Query q = Query.all("Post").withFilter(new Expr.Related(post(RelationFixtures.AUTHOR),
        Expr.Quantifier.ANY, Expr.eq(person(0), value(7L))));
    String plan = sql.explain(q);
    assertTrue(plan.contains("WHERE posts.person_id = $0"), plan);
  }

  @Test
  void includeLowersToAMergeCycleBrokenByNestedMerge() {
    Query q = Query.all("Person").withReturning(new Returning.Model(List.of(
        Include.of(person(RelationFixtures.POSTS), "Post"),
        Include.of(person(RelationFixtures.MANAGER), "Person"))));
    var plan = sql.compile(q);
    NestedMergeAction merge = assertInstanceOf(NestedMergeAction.class,
        plan.actions().producer(plan.actions().result()));
    assertEquals(2, merge.branches().size());
    assertTrue(merge.branches().get(0).many());
    assertTrue(!merge.branches().get(1).many());
    assertEquals(List.of(0), merge.branches().get(0).parentPositions());
    assertEquals(List.of(2), merge.branches().get(1).parentPositions());
  }

  @Test
  void anIncludeKnowsTheMostParentsItsQueryCanReturn() {
    Returning posts = new Returning.Model(List.of(
        Include.of(person(RelationFixtures.POSTS), "Post")));
    Query all = Query.all("Person").withReturning(posts);
    Query page = all.withLimit(new io.toasty.stmt.Limit(value(20L), value(40L)));
    Query byKey = all.withFilter(Expr.and(Expr.eq(person(0), value(7L)),
        Expr.eq(person(1), value("ann"))));
    Query byName = all.withFilter(Expr.eq(person(1), value("ann")));
    for (Planner planner : List.of(sql, kv)) {
      assertEquals(null, parents(planner, all), "no limit, no key");
      assertEquals(null, parents(planner, byName), "a field that is not the key");
      // the values are the plan's arguments: the bound is read from them when it runs
      assertEquals(Value.of(20L), parents(planner, page));
      assertEquals(Value.of(1L), parents(planner, byKey));
    }
    assertTrue(sql.explain(page).contains("at most"), sql.explain(page));
  }

  /** The most parents of {@code q}'s include when it runs with its values; null: unknown. */
  private static Value parents(Planner planner, Query q) {
    var prepared = planner.prepare(q);
    var actions = prepared.plan().actions();
    Expr bound = ((NestedMergeAction) actions.producer(actions.result())).parents();
    return bound == null ? null : io.toasty.planner.eval.Eval.eval(bound, prepared.args(), null);
  }

  @Test
  void manyToManyIncludeIsOneJoinedQueryOnSql() {
    Query q = Query.all("Person").withReturning(new Returning.Model(List.of(
        Include.of(person(RelationFixtures.TAGS), "Tag"))));
    var plan = sql.compile(q);
    NestedMergeAction merge = (NestedMergeAction) plan.actions().producer(
        plan.actions().result());
    var branch = merge.branches().get(0);
    assertTrue(!branch.flatten() && branch.many() && branch.nested().isEmpty());
    var fetch = assertInstanceOf(io.toasty.planner.plan.MergeBranch.SqlFetch.class,
        branch.fetch());
    Source.Table table = (Source.Table) ((Query) fetch.statement()).source();
    assertEquals("tags", table.table());
    assertEquals("taggings", table.join().table());
    // the window's keys restrict the join rows' foreign key to the person
    assertEquals("taggings", fetch.keys().table());
    String explain = sql.explain(q);
    assertTrue(explain.contains("tags JOIN taggings ON taggings."), explain);
  }

  @Test
  void keyValueIncludesReadByKeyOrByTheForeignKeysIndexAndRefuseTheRest() {
    Query byKey = Query.all("Post").withFilter(Expr.eq(post(0), value(1L)))
        .withReturning(new Returning.Model(List.of(
            Include.of(post(RelationFixtures.AUTHOR), "Person"))));
    assertTrue(kv.explain(byKey).contains("GetByKey people keys from the window"));
    Query many = Query.all("Person").withFilter(Expr.eq(person(0), value(1L)))
        .withReturning(new Returning.Model(List.of(
            Include.of(person(RelationFixtures.POSTS), "Post"))));
    String plan = kv.explain(many);
    assertTrue(plan.contains("posts.person_id IN") || plan.contains("NestedMerge"), plan);
    kv.compile(many);
    Query unindexed = Query.all("Person").withFilter(Expr.eq(person(0), value(1L)))
        .withReturning(new Returning.Model(List.of(
            Include.of(person(RelationFixtures.TAGS), "Tag"))));
    var e = assertThrows(UnsupportedFeatureException.class, () -> kv.compile(unindexed));
    assertEquals("dynamodb", e.backend());
    assertEquals(Feature.INCLUDE, e.feature());
  }

  @Test
  void keyValueManyToManyIncludeSortsItsTargetsInTheMergeInTheIncludesOrder() {
    var t = RelationFixtures.TAGGING;
    var indexed = new io.toasty.schema.app.ModelSchema(t.name(), t.javaClass(), t.tableName(),
        t.fields(), t.primaryKey(), List.of(new io.toasty.schema.app.IndexSchema(
            "taggings_person_id_idx", List.of(1), false)), t.relations());
    Planner p = new Planner(Schema.of(List.of(RelationFixtures.PERSON, RelationFixtures.POST,
        RelationFixtures.TAG, indexed)), Capability.DYNAMODB, 4);
    Expr.Field label = new Expr.Field("Tag", 1);
    Query q = Query.all("Person").withFilter(Expr.eq(person(0), value(1L)))
        .withReturning(new Returning.Model(List.of(new Include(person(RelationFixtures.TAGS),
            Query.all("Tag").withOrderBy(List.of(new io.toasty.stmt.OrderBy(label,
                io.toasty.stmt.OrderBy.Direction.DESC)))))));
    var plan = p.compile(q);
    NestedMergeAction merge = (NestedMergeAction) plan.actions().producer(
        plan.actions().result());
    var joinRows = merge.branches().get(0);
    assertTrue(joinRows.flatten(), joinRows.toString());
    // the tag's label is its record's field 1, sorted after the join rows' key order
    assertEquals(List.of(new io.toasty.stmt.OrderBy(new Expr.Column("tags", 1),
        io.toasty.stmt.OrderBy.Direction.DESC)), joinRows.flatOrder());
    assertEquals(List.of(), merge.branches().get(0).nested().get(0).flatOrder());
    String explain = p.explain(q);
    assertTrue(explain.contains("of the flattened records"), explain);
  }

  /**
   * A limit per parent on a key-value backend: ordered by the sort key of an index on the
   * foreign key, each parent's page is an index read in that order (backwards for descending)
   * with a Limit; with a filter of the include's own, or an order the index has not, the
   * children are read whole through the index and cut in memory, and explain says which.
   */
  @Test
  void keyValueLimitPerParentReadsAnIndexInItsOrderOnlyWhereItCan() {
    var t = RelationFixtures.POST;
    var sorted = new io.toasty.schema.app.ModelSchema(t.name(), t.javaClass(), t.tableName(),
        t.fields(), t.primaryKey(), List.of(new io.toasty.schema.app.IndexSchema(
            "posts_person_id_idx", List.of(1, 2), false)), t.relations());
    Planner p = new Planner(Schema.of(List.of(RelationFixtures.PERSON, sorted,
        RelationFixtures.TAG, RelationFixtures.TAGGING)), Capability.DYNAMODB, 4);
    Query byTitle = Query.all("Post").withOrderBy(List.of(new io.toasty.stmt.OrderBy(post(2),
        io.toasty.stmt.OrderBy.Direction.DESC))).withLimit(new io.toasty.stmt.Limit(
            value(3L), value(1L)));
    Query q = Query.all("Person").withReturning(new Returning.Model(List.of(
        new Include(person(RelationFixtures.POSTS), byTitle))));
    var plan = p.compile(q);
    NestedMergeAction merge = (NestedMergeAction) plan.actions().producer(
        plan.actions().result());
    var fetch = assertInstanceOf(io.toasty.planner.plan.MergeBranch.IndexFetch.class,
        merge.branches().get(0).fetch());
    assertEquals("posts_person_id_idx", fetch.index());
    assertEquals(1, fetch.keyColumn());
    assertTrue(!fetch.forward());
    String explain = p.explain(q);
    assertTrue(explain.contains("FindPkByIndex posts.posts_person_id_idx where person_id = each "
        + "window key descending, Limit $"), explain);
    Query filtered = Query.all("Person").withReturning(new Returning.Model(List.of(
        new Include(person(RelationFixtures.POSTS),
            byTitle.withFilter(Expr.eq(post(2), value("x")))))));
    var otherPlan = p.compile(filtered);
    var other = (NestedMergeAction) otherPlan.actions().producer(otherPlan.actions().result());
    assertInstanceOf(io.toasty.planner.plan.MergeBranch.SqlFetch.class,
        other.branches().get(0).fetch());
    assertTrue(p.explain(filtered).contains("read whole through the index, sorted and cut in "
        + "memory"), p.explain(filtered));
    assertTrue(!sql.explain(q).contains("cut in memory"), sql.explain(q));
  }

  @Test
  void keyValueAnyIsTwoStepsReadingByKey() {
    Query any = Query.all("Person").withFilter(new Expr.Related(person(RelationFixtures.POSTS),
        Expr.Quantifier.ANY, Expr.TRUE));
    String plan = kv.explain(any);
    assertTrue(plan.contains("Scan posts") && plan.contains("GetByKey people"), plan);
  }

  @Test
  void deleteCascadesDeletingRequiredAndUnlinkingOptionalChildren() {
    Delete d = new Delete(new Source.Model("Person"), Expr.eq(person(0), value(1L)),
        new Returning.Count());
    String plan = sql.explain(d);
    // self-reference: keys first, then by key
    assertTrue(plan.contains("UPDATE people SET manager_id = NULL"), plan);
    assertTrue(plan.contains("DELETE FROM posts"), plan);
    assertTrue(plan.contains("DELETE FROM taggings"), plan);
    assertTrue(plan.contains("transaction: yes"), plan);
    Delete posts = new Delete(new Source.Model("Post"), Expr.TRUE, new Returning.Count());
    assertTrue(sql.explain(posts).contains("transaction: no"));
    assertThrows(UnsupportedFeatureException.class, () -> kv.compile(d));
  }

  @Test
  void aCycleOfRequiredRelationsIsRefused() {
    var a = new io.toasty.schema.app.ModelSchema("Node", "x.Node", "nodes", List.of(
        new io.toasty.schema.app.FieldSchema(0, "id", io.toasty.value.Type.Scalar.I64, false,
            null, null, "id"),
        new io.toasty.schema.app.FieldSchema(1, "parentId", io.toasty.value.Type.Scalar.I64,
            false, null, null, "parent_id")), List.of(0), List.of(),
        List.of(new io.toasty.schema.app.RelationSchema(0, "parent",
            io.toasty.schema.app.RelationSchema.Kind.BELONGS_TO, "Node", "", List.of(1),
            List.of(0), false, null)));
    Planner p = new Planner(Schema.of(List.of(a)), Capability.H2, 4);
    var e = assertThrows(UnsupportedFeatureException.class, () -> p.compile(new Delete(
        new Source.Model("Node"), Expr.TRUE, new Returning.Count())));
    assertTrue(e.getMessage().contains("cycle of required relations"), e.getMessage());
  }

  @Test
  void nestedCreateBindsADatabaseGeneratedKey() {
    Expr.Record post = new Expr.Record(List.of(new Expr.Default(), new Expr.Default(),
        value("t"), new Expr.Default()));
    Insert children = new Insert(new Source.Model("Post"), List.of(), List.of(post),
        Returning.Model.plain());
    Expr.Record person = new Expr.Record(List.of(new Expr.Default(), value("ann"),
        new Expr.Default(), new Expr.Stmt(children), new Expr.Default(), new Expr.Default(),
        new Expr.Default(), new Expr.Default()));
    Insert i = new Insert(new Source.Model("Person"), List.of(), List.of(person),
        Returning.Model.plain());
    String plan = sql.explain(i);
    assertTrue(plan.contains("binds #0 row 0 column 0"), plan);
    assertTrue(plan.contains("transaction: yes"), plan);
    // the created post comes back in the person's posts slot, from the insert's own rows
    assertTrue(plan.contains("returned in #0 row 0 slot 0"), plan);
    assertTrue(plan.contains("NestCreated %0, %1 into %0 row 0 slot 0"), plan);
    assertFalse(plan.contains("QuerySql"), plan);
  }

  @Test
  void nestedCreateOnAKeyValueBackendIsOneAtomicWrite() {
    Expr.Record post = new Expr.Record(List.of(value(10L), new Expr.Default(),
        value("t"), new Expr.Default()));
    Insert children = new Insert(new Source.Model("Post"), List.of(), List.of(post),
        Returning.Model.plain());
    Expr.Record person = new Expr.Record(List.of(value(1L), value("ann"),
        new Expr.Default(), new Expr.Stmt(children), new Expr.Default(), new Expr.Default(),
        new Expr.Default(), new Expr.Default()));
    Insert i = new Insert(new Source.Model("Person"), List.of(), List.of(person),
        Returning.Model.plain());
    String plan = kv.explain(i);
    assertTrue(plan.contains("AtomicWrite [ExecStatement Insert: INSERT INTO people"), plan);
    assertTrue(plan.contains("INSERT INTO posts (id, person_id, title) VALUES ($2, $0, $3)"),
        plan);
    assertTrue(plan.contains("transaction: no"), plan);
    assertFalse(plan.contains("binds"), plan);
  }

  @Test
  void aNestedCreateBeyondOneAtomicWriteIsRefusedBeforeAnythingIsSent() {
    List<Expr.Record> posts = new java.util.ArrayList<>();
    for (long i = 0; i < 100; i++) {
      posts.add(new Expr.Record(List.of(value(10L + i), new Expr.Default(), value("t"),
          new Expr.Default())));
    }
    Insert children = new Insert(new Source.Model("Post"), List.of(), posts,
        Returning.Model.plain());
    Expr.Record person = new Expr.Record(List.of(value(1L), value("ann"),
        new Expr.Default(), new Expr.Stmt(children), new Expr.Default(), new Expr.Default(),
        new Expr.Default(), new Expr.Default()));
    Insert i = new Insert(new Source.Model("Person"), List.of(), List.of(person),
        Returning.Model.plain());
    var e = assertThrows(UnsupportedFeatureException.class, () -> kv.compile(i));
    assertEquals(Feature.TRANSACTION_SIZE, e.feature());
    assertTrue(e.getMessage().contains("nested create of Person needs at least 101 items"),
        e.getMessage());
  }

  @Test
  void aRelationFilterOnAKeyValueBackendIsTwoReadsAndASemiFilter() {
    Expr none = new Expr.Related(person(RelationFixtures.POSTS), Expr.Quantifier.NONE,
        Expr.eq(post(2), value("x")));
    String plan = kv.explain(new io.toasty.stmt.Query(new Source.Model("Person"), none,
        Returning.Model.plain(), List.of(), null));
    assertTrue(plan.contains("Scan posts"), plan);
    assertTrue(plan.contains("SemiFilter"), plan);
    assertFalse(plan.contains("SUBQUERIES"), plan);
  }

  @Test
  void schemaChecksRelationTargets() {
    var e = assertThrows(InvalidModelException.class,
        () -> Schema.of(List.of(RelationFixtures.POST)));
    assertTrue(e.getMessage().contains("Post.author: relation to model Person, which is not "
        + "registered"), e.getMessage());
  }
}
