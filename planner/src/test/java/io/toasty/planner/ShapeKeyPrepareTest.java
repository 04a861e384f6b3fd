package io.toasty.planner;

import static io.toasty.planner.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.planner.cache.Parameterize;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.RowLock;
import io.toasty.stmt.ShapeKey;
import io.toasty.stmt.Shaped;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Planner#prepare(io.toasty.stmt.StatementNode, Shaped)}: a repeat under a key reuses the
 * key's plan with the query's own values (no statement rebuilt: the arguments are the very list the
 * key carried); a NULL or boolean value, a key whose values do not match the planner's slots, and a
 * first query with equal values take the ordinary path; the statistics stay those of the ordinary
 * path.
 */
class ShapeKeyPrepareTest {
  private static Query byEmail(String email) {
    return users(eq(user(EMAIL), str(email)));
  }

  private static Query byNameAndEmail(ExprNode name, ExprNode email) {
    return users(new ExprNode.And(List.of(eq(user(NAME), name), eq(user(EMAIL), email))));
  }

  @Test
  void aRepeatUnderTheKeyReusesItsPlanWithTheQuerysValues() {
    Planner planner = new Planner(SCHEMA, Capability.H2, 64);
    ShapeKey key = new ShapeKey("User.filterByEmail");
    Prepared first = planner.prepare(byEmail("a@x"), Shaped.of(key, byEmail("a@x")));
    Shaped second = Shaped.of(key, byEmail("b@x"));
    Prepared repeat = planner.prepare(byEmail("b@x"), second);
    assertSame(first.plan(), repeat.plan());
    assertSame(second.values(), repeat.args()); // taken as they were: nothing rebuilt
    assertEquals(planner.prepare(byEmail("b@x")).args(), repeat.args());
    // one miss, then two hits (the key's, then the ordinary one): as without a key
    assertEquals(new PlanCacheStats(2, 1, 1), planner.cacheStats());
  }

  @Test
  void allUnderItsKeyReusesItsPlanAndALimitIsItsChildsSlot() {
    Planner planner = new Planner(SCHEMA, Capability.H2, 64);
    ShapeKey key = new ShapeKey("User.all");
    Query all = Query.all("User");
    Shaped shaped = Shaped.of(key, all);
    assertEquals(List.of(), shaped.values());
    Prepared first = planner.prepare(all, shaped);
    Prepared repeat = planner.prepare(Query.all("User"), Shaped.of(key, Query.all("User")));
    assertSame(first.plan(), repeat.plan());
    assertEquals(new PlanCacheStats(1, 1, 1), planner.cacheStats());
    Query ten = Query.all("User").withLimit(new Limit(new ExprNode.Const(new Value.I64(10)),
        null));
    Shaped limited = Shaped.of(key.limited(), ten);
    assertEquals(List.of(new Value.I64(10)), limited.values());
    Prepared tenth = planner.prepare(ten, limited);
    assertEquals(planner.prepare(ten).plan(), tenth.plan());
    assertEquals(List.of(new Value.I64(10)), tenth.args());
  }

  @Test
  void aNullValueTakesTheOrdinaryPath() {
    Planner planner = new Planner(SCHEMA, Capability.H2, 64);
    ShapeKey key = new ShapeKey("User.filterByNickname");
    Query a = users(eq(user(NICKNAME), str("a")));
    planner.prepare(a, Shaped.of(key, a));
    Query none = users(eq(user(NICKNAME), ExprNode.NULL));
    Shaped shaped = Shaped.of(key, none);
    Prepared p = planner.prepare(none, shaped);
    assertNotSame(shaped.values(), p.args());
    assertEquals(planner.prepare(none).plan(), p.plan());
    assertNotSame(planner.prepare(a).plan(), p.plan());
    assertEquals(List.of(), p.args());
  }

  @Test
  void aBooleanValueTakesTheOrdinaryPath() {
    Planner planner = new Planner(SCHEMA, Capability.H2, 64);
    ShapeKey key = new ShapeKey("Todo.filterByDone");
    Query yes = todos(Value.TRUE);
    Query no = todos(Value.FALSE);
    Prepared y = planner.prepare(yes, Shaped.of(key, yes));
    Prepared n = planner.prepare(no, Shaped.of(key, no));
    assertNotSame(y.plan(), n.plan());
    assertEquals(planner.prepare(no).plan(), n.plan());
    assertEquals(new PlanCacheStats(1, 2, 2), planner.cacheStats());
  }

  private static Query todos(Value done) {
    return new Query(new Source.Model("Todo"),
        eq(new ExprNode.Field("Todo", 2), new ExprNode.Const(done)),
        Returning.Model.plain(), List.of(), null);
  }

  @Test
  void equalValuesAtFirstDoNotTieTheKeyToAnOrder() {
    Planner planner = new Planner(SCHEMA, Capability.H2, 64);
    ShapeKey key = new ShapeKey("User.filterByNameAndEmail");
    Query same = byNameAndEmail(str("x"), str("x"));
    Shaped s = Shaped.of(key, same);
    planner.prepare(same, s);
    Query other = byNameAndEmail(str("n"), str("e"));
    Shaped o = Shaped.of(key, other);
    assertNotSame(o.values(), planner.prepare(other, o).args()); // not kept yet
    Shaped again = Shaped.of(key, byNameAndEmail(str("m"), str("f")));
    Prepared kept = planner.prepare(byNameAndEmail(str("m"), str("f")), again);
    assertSame(again.values(), kept.args());
    assertEquals(List.of(new Value.Str("m"), new Value.Str("f")), kept.args());
  }

  @Test
  void valuesOutOfTheSlotsOrderNeverKeepAPlanUnderTheKey() {
    Planner planner = new Planner(SCHEMA, Capability.H2, 64);
    ShapeKey key = new ShapeKey("wrong order");
    for (int i = 0; i < 3; i++) {
      Query q = byNameAndEmail(str("n" + i), str("e" + i));
      Shaped reversed = new Shaped(key, List.of(new Value.Str("e" + i), new Value.Str("n" + i)));
      Prepared p = planner.prepare(q, reversed);
      assertEquals(List.of(new Value.Str("n" + i), new Value.Str("e" + i)), p.args());
    }
  }

  @Test
  void aKeyMisusedForAnotherModelOrSlotCountIsNotTrusted() {
    Planner planner = new Planner(SCHEMA, Capability.H2, 64);
    ShapeKey key = new ShapeKey("misused");
    planner.prepare(byEmail("a"), Shaped.of(key, byEmail("a")));
    Query todo = new Query(new Source.Model("Todo"),
        eq(new ExprNode.Field("Todo", 1), str("t")), Returning.Model.plain(),
        List.of(), null);
    Shaped other = Shaped.of(key, todo);
    Prepared p = planner.prepare(todo, other);
    assertEquals(planner.prepare(todo).plan(), p.plan());
    Query two = byNameAndEmail(str("n"), str("e"));
    Prepared q = planner.prepare(two, Shaped.of(key, two));
    assertEquals(planner.prepare(two).plan(), q.plan());
  }

  @Test
  void theLimitedChildKeyCarriesTheLimitLast() {
    Planner planner = new Planner(SCHEMA, Capability.H2, 64);
    ShapeKey key = new ShapeKey("User.filterByEmail").limited();
    for (int i = 0; i < 3; i++) {
      Query q = byEmail("u" + i).withLimit(new Limit(i64(100 + i), null));
      Shaped s = Shaped.of(key, q);
      assertEquals(List.of(new Value.Str("u" + i), new Value.I64(100 + i)), s.values());
      Prepared p = planner.prepare(q, s);
      assertEquals(planner.prepare(q).args(), p.args());
      assertEquals(planner.prepare(q).plan(), p.plan());
    }
  }

  @Test
  void shapedTakesOutOnlySimpleQueries() {
    ShapeKey key = new ShapeKey("k");
    assertNull(Shaped.of(key, users(new ExprNode.Or(List.of(eq(user(NAME), str("a")))))));
    assertNull(Shaped.of(key, byEmail("a").withOrderBy(List.of(new OrderBy(
        user(NAME), OrderBy.Direction.ASC)))));
    assertNull(Shaped.of(key, byEmail("a").withReturning(new Returning.Count())));
    assertNotNull(Shaped.of(key, byEmail("a").withLock(new RowLock(
        RowLock.Mode.UPDATE, RowLock.OnLocked.WAIT))));
  }

  @Test
  void aCacheBoundedToNothingStillAnswersAsTheOrdinaryPath() {
    // Caffeine evicts after the fact (its maintenance is amortized): some lookups may still
    // find the key's plan, none may differ from the ordinary path's answer
    Planner planner = new Planner(SCHEMA, Capability.H2, 0);
    Planner plain = new Planner(SCHEMA, Capability.H2, 64);
    ShapeKey key = new ShapeKey("User.filterByEmail");
    for (int i = 0; i < 50; i++) {
      Shaped s = Shaped.of(key, byEmail("u" + i));
      Prepared p = planner.prepare(byEmail("u" + i), s);
      Prepared o = plain.prepare(byEmail("u" + i));
      assertEquals(o.args(), p.args());
      assertEquals(o.plan().shape(), p.plan().shape());
    }
  }

  @Test
  void allParametersIsParameterizesRule() {
    assertTrue(Parameterize.allParameters(List.of(new Value.I64(1), new Value.Str("a"))));
    assertFalse(Parameterize.allParameters(List.of(new Value.I64(1), Value.NULL)));
    assertFalse(Parameterize.allParameters(List.of(Value.TRUE)));
  }
}
