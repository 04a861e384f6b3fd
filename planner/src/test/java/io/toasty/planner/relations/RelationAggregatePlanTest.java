package io.toasty.planner.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.Planner;
import io.toasty.planner.action.Action;
import io.toasty.planner.action.AggregateSlotAction;
import io.toasty.planner.action.JoinAggregateAction;
import io.toasty.planner.action.NestedMergeAction;
import io.toasty.planner.action.SortRowsAction;
import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.schema.Schema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a key-value backend a relation's aggregate per record, selected or ordered by, is computed
 * from each window's related records read through the index on their foreign key
 * ({@code AggregateSlot}), or else from one grouped read of the related records by their foreign
 * key joined to each record ({@code JoinAggregate}); an order by it sorts in memory before the limit; what the grouped read
 * cannot correlate is refused with {@code RELATION_AGGREGATE}.
 */
class RelationAggregatePlanTest {
  private static final ExprNode.Aggregate COUNT =
      new ExprNode.Aggregate(ExprNode.AggOp.COUNT_ALL, ExprNode.NULL, false);
  /** Person.taggings: its foreign key has no index. */
  private static final int TAGGINGS = 6;
  private final Planner kv = new Planner(RelationFixtures.SCHEMA, Capability.DYNAMODB, 16);
  /** Tagging with an index on its foreign key to Person. */
  private static final ModelSchema TAGGING_INDEXED = withIndex(RelationFixtures.TAGGING,
      new IndexSchema("taggings_person_id_idx", List.of(1), false));

  private static ModelSchema withIndex(ModelSchema m, IndexSchema index) {
    return new ModelSchema(m.name(), m.javaClass(), m.tableName(), m.fields(), m.primaryKey(),
        List.of(index), m.relations(), m.changes(), m.declared());
  }

  private static ExprNode.Field person(int f) {
    return new ExprNode.Field("Person", f);
  }

  private static ExprNode count(int relation) {
    return new ExprNode.RelatedAggregate(person(relation), ExprNode.TRUE, COUNT);
  }

  private static Query people(Returning returning, List<OrderBy> orderBy, Limit limit) {
    return new Query(new Source.Model("Person"), ExprNode.TRUE, returning, orderBy, limit);
  }

  private static List<String> kinds(List<Action> actions) {
    return actions.stream().map(a -> a.getClass().getSimpleName()).toList();
  }

  @Test
  void aSelectedCountReadsEachWindowsRelatedRecordsThroughTheForeignKeysIndex() {
    Query q = people(new Returning.Project(List.of(person(1), count(RelationFixtures.POSTS))),
        List.of(), null);
    List<Action> actions = kv.compile(q).actions().actions();
    assertEquals(List.of("ScanAction", "NestedMergeAction", "AggregateSlotAction"),
        kinds(actions));
    // the slot after the table's three columns
    assertEquals(3, ((AggregateSlotAction) actions.get(2)).position());
    assertFalse(((AggregateSlotAction) actions.get(2)).distinctRecords());
    String plan = kv.explain(q);
    assertTrue(plan.contains("AggregateSlot") && plan.contains("0 without related records"),
        plan);
  }

  @Test
  void withoutAnIndexOnTheForeignKeyTheCountIsOneGroupedReadJoinedToEachRecord() {
    Query q = people(new Returning.Project(List.of(person(1), count(TAGGINGS))), List.of(),
        null);
    List<Action> actions = kv.compile(q).actions().actions();
    assertEquals(List.of("ScanAction", "ScanAction", "GroupRowsAction", "JoinAggregateAction"),
        kinds(actions));
    JoinAggregateAction join = (JoinAggregateAction) actions.get(3);
    assertEquals(List.of(0), join.keyPositions());
    assertEquals(ExprNode.AggOp.COUNT_ALL, join.op());
    String plan = kv.explain(q);
    assertTrue(plan.contains("JoinAggregate") && plan.contains("0 without related records"),
        plan);
  }

  @Test
  void aCountWhoseConditionIsARelationFilterIsAGroupedRead() {
    ExprNode postsOfManaged = new ExprNode.RelatedAggregate(person(RelationFixtures.REPORTS),
        new ExprNode.Related(person(RelationFixtures.POSTS), ExprNode.Quantifier.ANY,
            ExprNode.TRUE), COUNT);
    Query q = people(new Returning.Project(List.of(person(1), postsOfManaged)), List.of(), null);
    assertTrue(kinds(kv.compile(q).actions().actions()).contains("JoinAggregateAction"),
        kv.explain(q));
  }

  @Test
  void anOrderByACountSortsInMemoryBeforeTheLimitAndKeepsTheRecords() {
    Query q = people(Returning.Model.plain(),
        List.of(new OrderBy(count(RelationFixtures.REPORTS), OrderBy.Direction.DESC)),
        new Limit(new ExprNode.Const(new Value.I64(1)), null));
    List<String> kinds = kinds(kv.compile(q).actions().actions());
    assertEquals(List.of("ScanAction", "NestedMergeAction", "AggregateSlotAction",
        "SortRowsAction", "LimitAction", "ProjectRowsAction"), kinds);
    SortRowsAction sort = (SortRowsAction) kv.compile(q).actions().actions().get(3);
    // the count is the column after the table's three
    assertEquals(new ExprNode.Column("people", 3), sort.orderBy().get(0).expr());
  }

  @Test
  void anOrderByFieldsIsLimitedBeforeTheAggregatesAreJoined() {
    Query q = people(new Returning.Project(List.of(person(1), count(RelationFixtures.POSTS))),
        List.of(new OrderBy(person(1), OrderBy.Direction.ASC)),
        new Limit(new ExprNode.Const(new Value.I64(2)), null));
    assertEquals(List.of("ScanAction", "SortRowsAction", "LimitAction", "NestedMergeAction",
        "AggregateSlotAction"), kinds(kv.compile(q).actions().actions()));
  }

  @Test
  void anAggregateThroughAJoinModelReadsEachWindowsJoinRecordsThenTheirTargetsByKey() {
    Planner indexed = new Planner(Schema.of(List.of(RelationFixtures.PERSON,
        RelationFixtures.POST, RelationFixtures.TAG, TAGGING_INDEXED)), Capability.DYNAMODB, 16);
    ExprNode max = new ExprNode.RelatedAggregate(person(RelationFixtures.TAGS),
        new ExprNode.Compare(ExprNode.CompareOp.NE, new ExprNode.Field("Tag", 1),
            new ExprNode.Const(new Value.Str("x"))),
        new ExprNode.Aggregate(ExprNode.AggOp.MAX, new ExprNode.Field("Tag", 1), false));
    Query q = people(new Returning.Project(List.of(person(1), max)), List.of(), null);
    List<Action> actions = indexed.compile(q).actions().actions();
    assertEquals(List.of("ScanAction", "NestedMergeAction", "AggregateSlotAction"),
        kinds(actions));
    MergeBranch joins = ((NestedMergeAction) actions.get(1)).branches().get(0);
    assertTrue(joins.flatten() && joins.fetch() instanceof MergeBranch.SqlFetch, joins.toString());
    MergeBranch.KeyFetch tags = (MergeBranch.KeyFetch) joins.nested().get(0).fetch();
    assertEquals("tags", tags.table());
    // the target's condition is checked on the targets read by key
    assertTrue(tags.residual().toString().contains("x"), tags.residual().toString());
    AggregateSlotAction slot = (AggregateSlotAction) actions.get(2);
    assertEquals(ExprNode.AggOp.MAX, slot.aggregate().op());
    // a tag two taggings point to is one tag, as SQL's IN reads it
    assertTrue(slot.distinctRecords());
    String plan = indexed.explain(q);
    assertTrue(plan.contains("AggregateSlot") && plan.contains("NULL without related records"),
        plan);
  }

  @Test
  void anAggregateThroughAJoinModelWithoutAnIndexOnItsForeignKeyIsRefusedByShape() {
    ExprNode max = new ExprNode.RelatedAggregate(person(RelationFixtures.TAGS), ExprNode.TRUE,
        new ExprNode.Aggregate(ExprNode.AggOp.MAX, new ExprNode.Field("Tag", 1), false));
    Query q = people(new Returning.Project(List.of(person(1), max)), List.of(), null);
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> kv.compile(q));
    assertEquals(Feature.RELATION_AGGREGATE, e.feature());
    assertTrue(e.getMessage().contains("through a join model")
        && e.getMessage().contains("has no index"), e.getMessage());
    // a count through it counts the join records: planned
    kv.compile(people(new Returning.Project(List.of(person(1), count(RelationFixtures.TAGS))),
        List.of(), null));
  }
}
