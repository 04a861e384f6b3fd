package io.toasty.planner;

import static io.toasty.planner.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainTest {
  private static String explain(io.toasty.stmt.StatementNode s, Capability cap) {
    String out = new Planner(SCHEMA, cap, 16).explain(s);
    System.out.println("==== " + cap.backend() + "\n" + out);
    return out;
  }

  @Test
  void filterByEmail() {
    var q = users(eq(user(EMAIL), str("carl@example.com")));
    String h2 = explain(q, Capability.H2);
    assertTrue(h2.contains("ExecStatement QuerySql: SELECT users.id"), h2);
    assertTrue(h2.contains("$0 = \"carl@example.com\""), h2);
    String kv = explain(q, Capability.DYNAMODB);
    assertTrue(kv.contains("FindPkByIndex users.users_email_key"), kv);
    assertTrue(kv.contains("GetByKeyAction"), kv);
  }

  @Test
  void nameOrName() {
    var q = users(ExprNode.or(eq(user(NAME), str("Ann")), eq(user(NAME), str("Bob"))));
    assertTrue(explain(q, Capability.H2).contains("WHERE (users.name = $0 OR users.name = $1)"));
    assertTrue(explain(q, Capability.DYNAMODB).contains("Scan users filter"));
    var indexed = users(ExprNode.or(eq(user(NICKNAME), str("a")), eq(user(NICKNAME), str("b"))));
    assertTrue(explain(indexed, Capability.DYNAMODB).contains("Concat %0, %1"));
    assertTrue(explain(users(ExprNode.or(eq(user(ID), i64(1)), eq(user(ID), i64(2)))),
        Capability.DYNAMODB).contains("Const ($0), ($1)"));
  }

  @Test
  void insertAndEmpty() {
    ExprNode.Record row =
        ExprNode.Record.of(new ExprNode.Default(), str("t"), new ExprNode.Default());
    String out = explain(new InsertNode(new Source.Model("Todo"), List.of(), List.of(row),
        Returning.Model.plain()), Capability.H2);
    assertTrue(out.contains("generated UUID_V7 for Todo.id"), out);
    String empty = explain(users(eq(user(NICKNAME), ExprNode.NULL)), Capability.H2);
    assertTrue(empty.contains("connection: none"), empty);
  }
}
