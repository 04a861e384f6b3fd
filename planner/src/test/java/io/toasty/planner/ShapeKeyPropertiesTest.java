package io.toasty.planner;

import static io.toasty.planner.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.stmt.ShapeKey;
import io.toasty.stmt.Shaped;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random finder-like sites (ANDs of comparisons of User's fields with values, a boolean literal
 * at some, a limit at some), each with its key, run with random values (NULLs, repeats) through
 * a planner by key with a small cache, and through another without keys: every execution gets
 * the same plan shape and the same arguments, and the key's path is taken on most repeats.
 */
class ShapeKeyPropertiesTest {
  private final Random random = new Random(20261124);

  /** One place in code: a fixed structure whose values vary. */
  private record Site(ShapeKey key, List<Integer> fields, List<ExprNode.CompareOp> ops,
      boolean limited) {}

  private static final ExprNode.CompareOp[] OPS = {ExprNode.CompareOp.EQ, ExprNode.CompareOp.NE,
      ExprNode.CompareOp.LT, ExprNode.CompareOp.GE};

  @Test
  void keyedAndOrdinaryPreparesAgree() {
    List<Site> sites = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      int terms = 1 + random.nextInt(3);
      List<Integer> fields = new ArrayList<>();
      List<ExprNode.CompareOp> ops = new ArrayList<>();
      for (int t = 0; t < terms; t++) {
        fields.add(random.nextInt(6)); // 5 (status) stands for a boolean literal operand
        ops.add(OPS[random.nextInt(OPS.length)]);
      }
      sites.add(new Site(new ShapeKey("site" + i), fields, ops, random.nextBoolean()));
    }
    Planner keyed = new Planner(SCHEMA, Capability.H2, 1024);
    Planner small = new Planner(SCHEMA, Capability.H2, 10); // keyed, evicting all the time
    Planner ordinary = new Planner(SCHEMA, Capability.H2, 1024);
    int reused = 0;
    for (int n = 0; n < 3000; n++) {
      Site site = sites.get(random.nextInt(sites.size()));
      Query q = build(site);
      Shaped shaped = Shaped.of(site.key(), q);
      assertNotNull(shaped, q.toString());
      Object viaKey = outcome(() -> keyed.prepare(q, shaped));
      Object plain = outcome(() -> ordinary.prepare(q));
      Object evicting = outcome(() -> small.prepare(q, shaped));
      if (evicting instanceof Prepared e && plain instanceof Prepared o) {
        assertEquals(o.plan().shape(), e.plan().shape(), q.toString());
        assertEquals(o.args(), e.args(), q.toString());
      } else {
        assertEquals(plain, evicting, q.toString());
      }
      if (viaKey instanceof Prepared k && plain instanceof Prepared o) {
        assertEquals(o.plan().shape(), k.plan().shape(), q.toString());
        assertEquals(o.args(), k.args(), q.toString());
        if (k.args() == shaped.values()) {
          reused++;
        }
      } else {
        assertEquals(plain, viaKey, q.toString());
      }
    }
    assertTrue(reused > 1000, "the key's path was taken " + reused + " times");
  }

  private Query build(Site site) {
    List<ExprNode> terms = new ArrayList<>();
    for (int t = 0; t < site.fields().size(); t++) {
      int field = site.fields().get(t);
      terms.add(field == 5 ? (random.nextBoolean() ? ExprNode.TRUE : ExprNode.FALSE)
          : new ExprNode.Compare(site.ops().get(t), user(field), value(field)));
    }
    Query q = users(terms.size() == 1 ? terms.get(0) : new ExprNode.And(terms));
    return site.limited() ? q.withLimit(new Limit(i64(1 + random.nextInt(4)), null)) : q;
  }

  private ExprNode.Const value(int field) {
    return switch (field) {
      case ID -> i64(random.nextInt(6));
      case LOGIN_COUNT -> new ExprNode.Const(new Value.I32(random.nextInt(6)));
      case NICKNAME -> random.nextInt(5) == 0 ? ExprNode.NULL : str("n" + random.nextInt(4));
      default -> str("s" + random.nextInt(4));
    };
  }

  /** The prepared statement, or the error's class and message. */
  private static Object outcome(Supplier<Prepared> prepare) {
    try {
      return prepare.get();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
