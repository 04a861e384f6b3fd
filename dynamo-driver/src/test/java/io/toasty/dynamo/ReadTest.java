package io.toasty.dynamo;

import static io.toasty.dynamo.Harness.arg;
import static io.toasty.dynamo.Harness.cmp;
import static io.toasty.dynamo.Harness.col;
import static io.toasty.dynamo.Harness.i32;
import static io.toasty.dynamo.Harness.i64;
import static io.toasty.dynamo.Harness.str;
import static io.toasty.dynamo.Harness.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.driver.Operation;
import io.toasty.dynamo.models.Events;
import io.toasty.dynamo.models.Members;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Key reads, partition and index queries, scans and paging, on DynamoDB Local. */
class ReadTest {
  static final String M = "members";
  static final String E = "events";
  static final int PAGE = 4;
  static final List<Integer> MEMBER = List.of(0, 1, 2, 3, 4);
  static final List<Integer> EVENT = List.of(0, 1, 2, 3);
  Harness h;
  final List<Value> ids = new ArrayList<>();

  @BeforeEach
  void open() {
    h = new Harness(PAGE, Members.MODEL, Events.MODEL);
    String[] teams = {"red", "red", "blue", "red", "blue"};
    String[] nicks = {"a", null, "c", null, "a"};
    for (int i = 0; i < 5; i++) {
      Value id = uuid();
      ids.add(id);
      h.insert(M, id, str("m" + i + "@x"), str(teams[i]), i32(i),
          nicks[i] == null ? Value.NULL : str(nicks[i]));
    }
    List<List<Value>> events = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      events.add(List.of(str(i % 2 == 0 ? "even" : "odd"), i64(i), str(i % 3 == 0 ? "fizz" : "x"),
          i % 5 == 0 ? str("buzz") : Value.NULL));
      if (events.size() == 10) {
        h.count(Harness.insertOp(E, events));
        events.clear();
      }
    }
  }

  @AfterEach
  void close() {
    h.close();
  }

  List<Integer> scores(List<Value.Record> rows) {
    return rows.stream().map(r -> ((Value.I32) r.get(3)).value()).sorted().toList();
  }

  List<Long> seqs(List<Value.Record> rows) {
    return rows.stream().map(r -> ((Value.I64) r.get(1)).value()).toList();
  }

  @Test
  void getByKeyReadsInKeyOrderAndSkipsMissingKeys() {
    List<Value.Record> keys = List.of(Value.Record.of(ids.get(3)), Value.Record.of(uuid()),
        Value.Record.of(ids.get(1)), Value.Record.of(ids.get(3)));
    List<Value.Record> rows = h.rows(new Operation.GetByKey(M, MEMBER, keys));
    assertEquals(2, rows.size());
    assertEquals(ids.get(3), rows.get(0).get(0));
    assertEquals(ids.get(1), rows.get(1).get(0));
    assertEquals(Value.NULL, rows.get(1).get(4));
  }

  @Test
  void getByKeyReadsMoreThanOneHundredKeysInChunks() {
    List<Value.Record> keys = new ArrayList<>();
    for (int i = 1; i <= 250; i++) {
      keys.add(Value.Record.of(str(i % 2 == 0 ? "even" : "odd"), i64(i)));
    }
    int before = LocalDynamo.requests("BatchGetItemRequest");
    List<Value.Record> rows = h.rows(new Operation.GetByKey(E, EVENT, keys));
    assertEquals(30, rows.size());
    assertEquals(3, LocalDynamo.requests("BatchGetItemRequest") - before);
  }

  @Test
  void queryPkUsesTheSortKeyRangeAndFiltersTheRest() {
    // stream = "even" AND seq > 4 AND seq <= 20 AND seq <> 10 AND kind = "fizz"
    ExprNode key = new ExprNode.And(List.of(cmp(CompareOp.EQ, col(E, 0), arg(0)),
        cmp(CompareOp.GT, col(E, 1), arg(1)), cmp(CompareOp.LE, col(E, 1), arg(2))));
    ExprNode filter = new ExprNode.And(List.of(cmp(CompareOp.NE, col(E, 1), arg(3)),
        cmp(CompareOp.EQ, col(E, 2), arg(4))));
    List<Value.Record> rows = h.rows(new Operation.QueryPk(E, EVENT, key, filter,
        List.of(str("even"), i64(4), i64(20), i64(12), str("fizz"))));
    assertEquals(List.of(6L, 18L), seqs(rows));
  }

  @Test
  void queryPkStreamsPageByPageInSortKeyOrder() {
    ExprNode key = cmp(CompareOp.EQ, col(E, 0), arg(0));
    int before = LocalDynamo.requests("QueryRequest");
    List<Value.Record> rows = h.rows(new Operation.QueryPk(E, EVENT, key, ExprNode.TRUE,
        List.of(str("odd"))));
    assertEquals(List.of(1L, 3L, 5L, 7L, 9L, 11L, 13L, 15L, 17L, 19L, 21L, 23L, 25L, 27L, 29L),
        seqs(rows));
    // 15 items in pages of 4: four pages, each from the previous LastEvaluatedKey
    assertEquals(4, LocalDynamo.requests("QueryRequest") - before);
  }

  @Test
  void aSlowSubscriberFetchesOnlyThePagesItTakes() {
    ExprNode key = cmp(CompareOp.EQ, col(E, 0), arg(0));
    int before = LocalDynamo.requests("QueryRequest");
    StepVerifier.create(h.stream(new Operation.QueryPk(E, EVENT, key, ExprNode.TRUE,
            List.of(str("odd")))), 1)
        .expectNextCount(1)
        .expectNoEvent(Duration.ofMillis(200))
        .thenCancel()
        .verify(Harness.TIMEOUT);
    assertEquals(1, LocalDynamo.requests("QueryRequest") - before);
  }

  @Test
  void findPkByIndexQueriesTheGsiAndFiltersNonKeyAttributes() {
    ExprNode key = cmp(CompareOp.EQ, col(M, 2), arg(0));
    ExprNode filter = cmp(CompareOp.GE, col(M, 3), arg(1));
    List<Value.Record> keys = h.rows(new Operation.FindPkByIndex(M, "members_team_idx", key,
        filter, List.of(str("red"), i32(1))));
    assertEquals(2, keys.size());
    assertTrue(keys.stream().allMatch(k -> k.size() == 1), keys::toString);
    assertEquals(List.of(1, 3), scores(h.rows(new Operation.GetByKey(M, MEMBER, keys))));
  }

  @Test
  void findPkByAUniqueValueReadsTheUniquenessItem() {
    int gsi = LocalDynamo.requests("QueryRequest");
    List<Value.Record> keys = h.rows(new Operation.FindPkByIndex(M, "members_email_key",
        cmp(CompareOp.EQ, col(M, 1), arg(0)), ExprNode.TRUE, List.of(str("m2@x"))));
    assertEquals(List.of(Value.Record.of(ids.get(2))), keys);
    assertEquals(gsi, LocalDynamo.requests("QueryRequest"));
    assertEquals(List.of(), h.rows(new Operation.FindPkByIndex(M, "members_email_key",
        cmp(CompareOp.EQ, col(M, 1), arg(0)), ExprNode.TRUE, List.of(str("nobody@x")))));
  }

  List<Integer> scan(ExprNode filter, Value... args) {
    return scores(h.rows(new Operation.Scan(M, MEMBER, filter, List.of(args))));
  }

  /**
   * A filter whose expression exceeds DynamoDB's 4 KB: the driver sends the Scan without it and
   * checks each item itself (the server would refuse the request).
   */
  @Test
  void aFilterBeyondTheExpressionLimitIsCheckedByTheDriver() {
    List<ExprNode> terms = new ArrayList<>();
    List<Value> args = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      terms.add(cmp(CompareOp.EQ, col(M, 1), arg(i)));
      args.add(str(i == 100 ? "m1@x" : i == 500 ? "m3@x" : "nobody" + i));
    }
    assertEquals(List.of(1, 3), scan(new ExprNode.Or(terms), args.toArray(Value[]::new)));
  }

  @Test
  void scanFiltersWithThreeValuedLogic() {
    ExprNode nick = col(M, 4);
    assertEquals(List.of(2), scan(cmp(CompareOp.NE, nick, arg(0)), str("a")));
    assertEquals(List.of(2), scan(new ExprNode.Not(cmp(CompareOp.EQ, nick, arg(0))), str("a")));
    assertEquals(List.of(1, 3), scan(new ExprNode.IsNull(nick)));
    assertEquals(List.of(0, 2, 4), scan(new ExprNode.Not(new ExprNode.IsNull(nick))));
    assertEquals(List.of(), scan(cmp(CompareOp.EQ, nick, arg(0)), Value.NULL));
    assertEquals(List.of(0, 4), scan(new ExprNode.InList(nick, List.of(arg(0), arg(1))),
        str("a"), Value.NULL));
    assertEquals(
        List.of(),
        scan(
            new ExprNode.Not(new ExprNode.InList(nick, List.of(arg(0), arg(1)))),
            str("a"),
            Value.NULL));
    assertEquals(List.of(2), scan(new ExprNode.Not(new ExprNode.InList(nick, List.of(arg(0)))),
        str("a")));
    assertEquals(List.of(0, 1, 2, 3, 4), scan(ExprNode.TRUE));
    assertEquals(List.of(0, 1, 3), scan(new ExprNode.Or(List.of(cmp(CompareOp.LT, col(M, 3),
        arg(0)), cmp(CompareOp.EQ, col(M, 2), arg(1)))), i32(2), str("red")));
    assertEquals(List.of(1, 3), scan(new ExprNode.IsNotDistinctFrom(nick, arg(0)), Value.NULL));
    assertEquals(
        List.of(1, 2, 3),
        scan(new ExprNode.Not(new ExprNode.IsNotDistinctFrom(nick, arg(0))), str("a")));
  }

  @Test
  void beginsWithAndContainsAreDynamoFunctionsOtherPatternsAreRefused() {
    ExprNode email = col(M, 1);
    assertEquals(
        List.of(3),
        scan(
            new ExprNode.Pattern(ExprNode.PatternKind.STARTS_WITH, email, arg(0), false),
            str("m3")));
    assertEquals(List.of(0, 1, 2, 3, 4), scan(new ExprNode.Pattern(ExprNode.PatternKind.CONTAINS,
        email, arg(0), false), str("@x")));
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> scan(new ExprNode.Pattern(ExprNode.PatternKind.ENDS_WITH, email, arg(0), false),
            str("x")));
    assertEquals(Feature.PATTERN_MATCH, e.feature());
    assertThrows(UnsupportedFeatureException.class, () -> scan(new ExprNode.Pattern(
        ExprNode.PatternKind.STARTS_WITH, email, arg(0), true), str("M")));
  }

  @Test
  void scanStreamsEveryPage() {
    int before = LocalDynamo.requests("ScanRequest");
    List<Value.Record> rows = h.rows(new Operation.Scan(E, List.of(0, 1),
        cmp(CompareOp.EQ, col(E, 2), arg(0)), List.of(str("fizz"))));
    assertEquals(10, rows.size());
    assertEquals(2, rows.get(0).size());
    // 30 items evaluated in pages of 4: eight requests
    assertEquals(8, LocalDynamo.requests("ScanRequest") - before);
  }
}
