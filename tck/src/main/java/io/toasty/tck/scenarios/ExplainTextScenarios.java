package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.awaitAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Capability;
import io.toasty.reactive.Db;
import io.toasty.reactive.observe.StatementInfo;
import io.toasty.reactive.observe.StatementObservation;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Users;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code db.explain(..)} ends with what the driver sends, in its backend's language: the Cypher
 * of a graph database, the SQL of an SQL database, the DynamoDB calls of DynamoDB; the statement
 * log (an observer's {@code StatementInfo.sent()}) shows the same text for the statement it runs.
 */
@Models(Users.class)
public abstract class ExplainTextScenarios {

  @BackendTest
  public void aFilteredReadShowsTheBackendsQuery(Db db, OperationLog log) {
    String plan = db.explain(Users.filter(Users.NAME.eq("ann")).untyped());
    String sent = section(db, plan);
    Capability c = db.capability();
    if (c.cypher()) {
      assertTrue(sent.contains("MATCH (") && sent.contains("RETURN"), plan);
      assertTrue(sent.contains("$p0 = $0"), plan);
    } else if (c.sql()) {
      assertTrue(sent.contains("SELECT ") && sent.contains(" FROM ") && sent.contains("WHERE"),
          plan);
      assertTrue(sent.contains("binds $0"), plan);
    } else {
      assertTrue(sent.contains("Scan \"") || sent.contains("Query \""), plan);
      assertTrue(sent.contains("name"), plan);
    }
    Tck.assertOperations(0, log);
  }

  @BackendTest
  public void aReadByKeyAndAnInsertShowTheirCalls(Db db) {
    String byKey = section(db, db.explain(Users.filter(Users.ID.eq(UUID.randomUUID()))
        .untyped()));
    String insert = section(db, db.explain(Users.createMany(List.of(Users.create().name("ann")
        .email("a@x"))).untyped()));
    Capability c = db.capability();
    if (c.cypher()) {
      assertTrue(byKey.contains("MATCH ("), byKey);
      assertTrue(insert.contains("CREATE"), insert);
    } else if (c.sql()) {
      assertTrue(byKey.contains("SELECT "), byKey);
      assertTrue(insert.contains("INSERT INTO"), insert);
    } else {
      assertTrue(byKey.contains("BatchGetItem \""), byKey);
      assertTrue(insert.contains("PutItem \""), insert);
    }
  }

  @BackendTest
  public void theStatementLogShowsWhatExplainShows(Db unused, BackendContext context) {
    List<StatementInfo> seen = new CopyOnWriteArrayList<>();
    Db db = context.open(b -> b.observer((info, ctx) -> {
      seen.add(info);
      return (StatementObservation) (rows, error, cancelled) -> { };
    })).db();
    Fixtures.fiveUsers(db);
    seen.clear();
    awaitAll(Users.filter(Users.NAME.eq("ann")).stream(db));
    assertEquals(1, seen.size(), seen::toString);
    String sent = seen.get(0).sent().orElseThrow();
    String plan = db.explain(Users.filter(Users.NAME.eq("ann")).untyped());
    String first = section(db, plan).lines().findFirst().orElseThrow();
    // the explain's first operation, less its "$n = " prefix, starts the logged text
    String text = first.substring(first.indexOf(" = ") + 3);
    assertTrue(sent.startsWith(text), sent + "\n  vs explain\n" + plan);
  }

  /** The explain's last section, which shows what the driver sends. */
  private static String section(Db db, String plan) {
    int at = plan.indexOf(" (what the driver sends)");
    assertTrue(at > 0, "no section of what the driver sends on " + db.capability().backend()
        + ":\n" + plan);
    String sent = plan.substring(plan.indexOf('\n', at) + 1);
    assertTrue(sent.lines().anyMatch(l -> l.trim().startsWith("$")), plan);
    return sent.lines().map(String::trim).reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
