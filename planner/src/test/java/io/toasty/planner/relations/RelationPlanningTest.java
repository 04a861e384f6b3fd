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
import io.toasty.planner.eval.Eval;
import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.planner.simplify.Simplify;
import io.toasty.planner.simplify.SimplifyContext;
import io.toasty.planner.simplify.SimplifyInSubquery;
import io.toasty.planner.simplify.SimplifyRelated;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.IncludeNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
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

  private static ExprNode.Field person(int f) {
    return new ExprNode.Field("Person", f);
  }

  private static ExprNode.Field post(int f) {
    return new ExprNode.Field("Post", f);
  }

  private static ExprNode.Const value(Object o) {
    return new ExprNode.Const(Value.of(o));
  }

  @Test
  void associationRewritingMakesASemiJoin() {
    ExprNode any = new ExprNode.Related(person(RelationFixtures.POSTS), ExprNode.Quantifier.ANY,
        ExprNode.eq(post(2), value("x")));
    ExprNode out = new SimplifyRelated().apply(any, CX);
    ExprNode.InSubquery in = assertInstanceOf(ExprNode.InSubquery.class, out);
    assertEquals(person(0), in.operand());
    assertEquals(new Source.Model("Post"), in.query().source());
    assertEquals(new Returning.Project(List.of(post(1))), in.query().returning());
  }

  @Test
  void noneAndEveryNegateTheSemiJoin() {
    ExprNode none = new SimplifyRelated().apply(new ExprNode.Related(person(RelationFixtures.POSTS),
        ExprNode.Quantifier.NONE, ExprNode.TRUE), CX);
    assertTrue(
        none instanceof ExprNode.Or o && o.operands().get(1) instanceof ExprNode.Not, "" + none);
    ExprNode every = Simplify.filter(new ExprNode.Related(person(RelationFixtures.POSTS),
        ExprNode.Quantifier.EVERY, ExprNode.eq(post(2), value("x"))), RelationFixtures.SCHEMA);
    ExprNode.Not not = assertInstanceOf(ExprNode.Not.class, every);
    ExprNode.InSubquery in = assertInstanceOf(ExprNode.InSubquery.class, not.operand());
    assertTrue(in.query().filter().toString().contains("op=NE"), in.query().filter().toString());
  }

  @Test
  void manyToManyNestsThroughTheJoinModel() {
    ExprNode out = new SimplifyRelated().apply(new ExprNode.Related(person(RelationFixtures.TAGS),
        ExprNode.Quantifier.ANY, ExprNode.eq(new ExprNode.Field("Tag", 1), value("red"))), CX);
    ExprNode.InSubquery in = assertInstanceOf(ExprNode.InSubquery.class, out);
    assertEquals(new Source.Model("Tagging"), in.query().source());
    assertTrue(in.query().filter().toString().contains("Model[model=Tag]"));
  }

  @Test
  void subqueryLiftingUsesTheKnownKey() {
    Query parent =
        new Query(
            new Source.Model("Person"),
            ExprNode.eq(person(0), new ExprNode.Arg(0)),
            new Returning.Project(List.of(person(0))),
            List.of(),
            null);
    ExprNode lifted = new SimplifyInSubquery().apply(new ExprNode.InSubquery(post(1), parent), CX);
    assertEquals(ExprNode.eq(post(1), new ExprNode.Arg(0)), lifted);
    Query notOnlyKey = parent.withFilter(ExprNode.and(ExprNode.eq(person(0), new ExprNode.Arg(0)),
        ExprNode.eq(person(1), new ExprNode.Arg(1))));
    assertEquals(null, new SimplifyInSubquery().apply(new ExprNode.InSubquery(post(1), notOnlyKey),
        CX));
  }

  @Test
  void belongsToFilterByKeyLiftsToAComparison() {
    Query q = Query.all("Post").withFilter(new ExprNode.Related(post(RelationFixtures.AUTHOR),
        ExprNode.Quantifier.ANY, ExprNode.eq(person(0), value(7L))));
    String plan = sql.explain(q);
    assertTrue(plan.contains("WHERE posts.person_id = $0"), plan);
  }

  @Test
  void includeLowersToAMergeCycleBrokenByNestedMerge() {
    Query q = Query.all("Person").withReturning(new Returning.Model(List.of(
        IncludeNode.of(person(RelationFixtures.POSTS), "Post"),
        IncludeNode.of(person(RelationFixtures.MANAGER), "Person"))));
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
        IncludeNode.of(person(RelationFixtures.POSTS), "Post")));
    Query all = Query.all("Person").withReturning(posts);
    Query page = all.withLimit(new io.toasty.stmt.Limit(value(20L), value(40L)));
    Query byKey = all.withFilter(ExprNode.and(ExprNode.eq(person(0), value(7L)),
        ExprNode.eq(person(1), value("ann"))));
    Query byName = all.withFilter(ExprNode.eq(person(1), value("ann")));
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
    ExprNode bound = ((NestedMergeAction) actions.producer(actions.result())).parents();
    return bound == null ? null : Eval.eval(bound, prepared.args(), null);
  }

  @Test
  void manyToManyIncludeIsOneJoinedQueryOnSql() {
    Query q = Query.all("Person").withReturning(new Returning.Model(List.of(
        IncludeNode.of(person(RelationFixtures.TAGS), "Tag"))));
    var plan = sql.compile(q);
    NestedMergeAction merge = (NestedMergeAction) plan.actions().producer(
        plan.actions().result());
    var branch = merge.branches().get(0);
    assertTrue(!branch.flatten() && branch.many() && branch.nested().isEmpty());
    var fetch = assertInstanceOf(MergeBranch.SqlFetch.class,
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
    Query byKey = Query.all("Post").withFilter(ExprNode.eq(post(0), value(1L)))
        .withReturning(new Returning.Model(List.of(
            IncludeNode.of(post(RelationFixtures.AUTHOR), "Person"))));
    assertTrue(kv.explain(byKey).contains("GetByKey people keys from the window"));
    Query many = Query.all("Person").withFilter(ExprNode.eq(person(0), value(1L)))
        .withReturning(new Returning.Model(List.of(
            IncludeNode.of(person(RelationFixtures.POSTS), "Post"))));
    String plan = kv.explain(many);
    assertTrue(plan.contains("posts.person_id IN") || plan.contains("NestedMerge"), plan);
    kv.compile(many);
    Query unindexed = Query.all("Person").withFilter(ExprNode.eq(person(0), value(1L)))
        .withReturning(new Returning.Model(List.of(
            IncludeNode.of(person(RelationFixtures.TAGS), "Tag"))));
    var e = assertThrows(UnsupportedFeatureException.class, () -> kv.compile(unindexed));
    assertEquals("dynamodb", e.backend());
    assertEquals(Feature.INCLUDE, e.feature());
  }

  @Test
  void keyValueManyToManyIncludeSortsItsTargetsInTheMergeInTheIncludesOrder() {
    var t = RelationFixtures.TAGGING;
    var indexed = new ModelSchema(t.name(), t.javaClass(), t.tableName(),
        t.fields(), t.primaryKey(), List.of(new IndexSchema(
            "taggings_person_id_idx", List.of(1), false)), t.relations());
    Planner p = new Planner(Schema.of(List.of(RelationFixtures.PERSON, RelationFixtures.POST,
        RelationFixtures.TAG, indexed)), Capability.DYNAMODB, 4);
    ExprNode.Field label = new ExprNode.Field("Tag", 1);
    Query q = Query.all("Person").withFilter(ExprNode.eq(person(0), value(1L)))
        .withReturning(new Returning.Model(List.of(new IncludeNode(person(RelationFixtures.TAGS),
            Query.all("Tag").withOrderBy(List.of(new OrderBy(label,
                OrderBy.Direction.DESC)))))));
    var plan = p.compile(q);
    NestedMergeAction merge = (NestedMergeAction) plan.actions().producer(
        plan.actions().result());
    var joinRows = merge.branches().get(0);
    assertTrue(joinRows.flatten(), joinRows.toString());
    // the tag's label is its record's field 1, sorted after the join rows' key order
    assertEquals(List.of(new OrderBy(new ExprNode.Column("tags", 1),
        OrderBy.Direction.DESC)), joinRows.flatOrder());
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
    var sorted = new ModelSchema(t.name(), t.javaClass(), t.tableName(),
        t.fields(), t.primaryKey(), List.of(new IndexSchema(
            "posts_person_id_idx", List.of(1, 2), false)), t.relations());
    Planner p = new Planner(Schema.of(List.of(RelationFixtures.PERSON, sorted,
        RelationFixtures.TAG, RelationFixtures.TAGGING)), Capability.DYNAMODB, 4);
    Query byTitle = Query.all("Post").withOrderBy(List.of(new OrderBy(post(2),
        OrderBy.Direction.DESC))).withLimit(new io.toasty.stmt.Limit(
            value(3L), value(1L)));
    Query q = Query.all("Person").withReturning(new Returning.Model(List.of(
        new IncludeNode(person(RelationFixtures.POSTS), byTitle))));
    var plan = p.compile(q);
    NestedMergeAction merge = (NestedMergeAction) plan.actions().producer(
        plan.actions().result());
    var fetch = assertInstanceOf(MergeBranch.IndexFetch.class,
        merge.branches().get(0).fetch());
    assertEquals("posts_person_id_idx", fetch.index());
    assertEquals(1, fetch.keyColumn());
    assertTrue(!fetch.forward());
    String explain = p.explain(q);
    assertTrue(explain.contains("FindPkByIndex posts.posts_person_id_idx where person_id = each "
        + "window key descending, Limit $"), explain);
    Query filtered = Query.all("Person").withReturning(new Returning.Model(List.of(
        new IncludeNode(person(RelationFixtures.POSTS),
            byTitle.withFilter(ExprNode.eq(post(2), value("x")))))));
    var otherPlan = p.compile(filtered);
    var other = (NestedMergeAction) otherPlan.actions().producer(otherPlan.actions().result());
    assertInstanceOf(MergeBranch.SqlFetch.class,
        other.branches().get(0).fetch());
    assertTrue(p.explain(filtered).contains("read whole through the index, sorted and cut in "
        + "memory"), p.explain(filtered));
    assertTrue(!sql.explain(q).contains("cut in memory"), sql.explain(q));
  }

  @Test
  void keyValueAnyIsTwoStepsReadingByKey() {
    Query any = Query.all("Person").withFilter(new ExprNode.Related(person(RelationFixtures.POSTS),
        ExprNode.Quantifier.ANY, ExprNode.TRUE));
    String plan = kv.explain(any);
    assertTrue(plan.contains("Scan posts") && plan.contains("GetByKey people"), plan);
  }

  @Test
  void deleteCascadesDeletingRequiredAndUnlinkingOptionalChildren() {
    DeleteNode d = new DeleteNode(new Source.Model("Person"), ExprNode.eq(person(0), value(1L)),
        new Returning.Count());
    String plan = sql.explain(d);
    // self-reference: keys first, then by key
    assertTrue(plan.contains("UPDATE people SET manager_id = NULL"), plan);
    assertTrue(plan.contains("DELETE FROM posts"), plan);
    assertTrue(plan.contains("DELETE FROM taggings"), plan);
    assertTrue(plan.contains("transaction: yes"), plan);
    DeleteNode posts =
        new DeleteNode(new Source.Model("Post"), ExprNode.TRUE, new Returning.Count());
    assertTrue(sql.explain(posts).contains("transaction: no"));
    assertThrows(UnsupportedFeatureException.class, () -> kv.compile(d));
  }

  @Test
  void aCycleOfRequiredRelationsIsRefused() {
    var a = new ModelSchema("Node", "x.Node", "nodes", List.of(
        new FieldSchema(0, "id", Type.Scalar.I64, false,
            null, null, "id"),
        new FieldSchema(1, "parentId", Type.Scalar.I64,
            false, null, null, "parent_id")), List.of(0), List.of(),
        List.of(new RelationSchema(0, "parent",
            RelationSchema.Kind.BELONGS_TO, "Node", "", List.of(1),
            List.of(0), false, null)));
    Planner p = new Planner(Schema.of(List.of(a)), Capability.H2, 4);
    var e = assertThrows(UnsupportedFeatureException.class, () -> p.compile(new DeleteNode(
        new Source.Model("Node"), ExprNode.TRUE, new Returning.Count())));
    assertTrue(e.getMessage().contains("cycle of required relations"), e.getMessage());
  }

  @Test
  void nestedCreateBindsADatabaseGeneratedKey() {
    ExprNode.Record post =
        new ExprNode.Record(
            List.of(
                new ExprNode.Default(),
                new ExprNode.Default(),
                value("t"),
                new ExprNode.Default()));
    InsertNode children = new InsertNode(new Source.Model("Post"), List.of(), List.of(post),
        Returning.Model.plain());
    ExprNode.Record person =
        new ExprNode.Record(
            List.of(
                new ExprNode.Default(),
                value("ann"),
                new ExprNode.Default(),
                new ExprNode.Stmt(children),
                new ExprNode.Default(),
                new ExprNode.Default(),
                new ExprNode.Default(),
                new ExprNode.Default()));
    InsertNode i = new InsertNode(new Source.Model("Person"), List.of(), List.of(person),
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
    ExprNode.Record post = new ExprNode.Record(List.of(value(10L), new ExprNode.Default(),
        value("t"), new ExprNode.Default()));
    InsertNode children = new InsertNode(new Source.Model("Post"), List.of(), List.of(post),
        Returning.Model.plain());
    ExprNode.Record person =
        new ExprNode.Record(
            List.of(
                value(1L),
                value("ann"),
                new ExprNode.Default(),
                new ExprNode.Stmt(children),
                new ExprNode.Default(),
                new ExprNode.Default(),
                new ExprNode.Default(),
                new ExprNode.Default()));
    InsertNode i = new InsertNode(new Source.Model("Person"), List.of(), List.of(person),
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
    List<ExprNode.Record> posts = new ArrayList<>();
    for (long i = 0; i < 100; i++) {
      posts.add(new ExprNode.Record(List.of(value(10L + i), new ExprNode.Default(), value("t"),
          new ExprNode.Default())));
    }
    InsertNode children = new InsertNode(new Source.Model("Post"), List.of(), posts,
        Returning.Model.plain());
    ExprNode.Record person =
        new ExprNode.Record(
            List.of(
                value(1L),
                value("ann"),
                new ExprNode.Default(),
                new ExprNode.Stmt(children),
                new ExprNode.Default(),
                new ExprNode.Default(),
                new ExprNode.Default(),
                new ExprNode.Default()));
    InsertNode i = new InsertNode(new Source.Model("Person"), List.of(), List.of(person),
        Returning.Model.plain());
    var e = assertThrows(UnsupportedFeatureException.class, () -> kv.compile(i));
    assertEquals(Feature.TRANSACTION_SIZE, e.feature());
    assertTrue(e.getMessage().contains("nested create of Person needs at least 101 items"),
        e.getMessage());
  }

  @Test
  void aRelationFilterOnAKeyValueBackendIsTwoReadsAndASemiFilter() {
    ExprNode none = new ExprNode.Related(person(RelationFixtures.POSTS), ExprNode.Quantifier.NONE,
        ExprNode.eq(post(2), value("x")));
    String plan = kv.explain(new Query(new Source.Model("Person"), none,
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
