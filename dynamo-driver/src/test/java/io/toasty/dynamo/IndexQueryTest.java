package io.toasty.dynamo;

import static io.toasty.dynamo.Harness.arg;
import static io.toasty.dynamo.Harness.cmp;
import static io.toasty.dynamo.Harness.col;
import static io.toasty.dynamo.Harness.i64;
import static io.toasty.dynamo.Harness.str;
import static io.toasty.dynamo.Harness.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Operation;
import io.toasty.dynamo.models.Listings;
import io.toasty.stmt.ExprNode.CompareOp;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A Query of a global secondary index with a sort key ({@code @Index(sortBy = ..)}), as an index
 * page sends it: the sort key's range in the key condition, either direction, the page size as
 * the request's {@code Limit}; a page taken is one request.
 */
class IndexQueryTest {
  static final String L = "listings";
  static final String INDEX = "listings_board_idx";
  static final List<Integer> ALL = List.of(0, 1, 2, 3);
  Harness h;

  @BeforeEach
  void open() {
    h = new Harness(Listings.MODEL);
    for (int i = 1; i <= 10; i++) {
      h.insert(L, uuid(), str("a"), i64(i), str("a" + i));
      h.insert(L, uuid(), str("b"), i64(i), str("b" + i));
    }
  }

  @AfterEach
  void close() {
    h.close();
  }

  static List<Long> ranks(List<Value.Record> rows) {
    return rows.stream().map(r -> ((Value.I64) r.get(2)).value()).toList();
  }

  /** Board "a" at rank {@code op} {@code $1}: the range belongs to the key condition. */
  static ExprNode boardAndRank(CompareOp op) {
    return ExprNode.and(cmp(CompareOp.EQ, col(L, 1), arg(0)), cmp(op, col(L, 2), arg(1)));
  }

  @Test
  void aPageBackwardsIsOneQueryWithTheRangeAsKeyConditionAndALimit() {
    int before = LocalDynamo.requests("QueryRequest");
    List<Value.Record> page = h.stream(new Operation.FindPkByIndex(L, INDEX,
        boardAndRank(CompareOp.LE), ExprNode.TRUE, List.of(str("a"), i64(7)), ALL, false, 3))
        .take(3).collectList().block(Harness.TIMEOUT);
    assertEquals(List.of(7L, 6L, 5L), ranks(page));
    assertEquals(1, LocalDynamo.requests("QueryRequest") - before, "one request for the page");
    QueryRequest sent = (QueryRequest) LocalDynamo.LATEST.get("QueryRequest");
    assertEquals(INDEX, sent.indexName());
    assertFalse(sent.scanIndexForward());
    assertEquals(3, sent.limit());
    assertTrue(sent.keyConditionExpression().contains("<="), sent.keyConditionExpression());
    assertTrue(sent.filterExpression() == null, sent::filterExpression);
  }

  @Test
  void forwardFromTheRangeToTheEndOfTheIndexValue() {
    List<Value.Record> rows = h.rows(new Operation.FindPkByIndex(L, INDEX,
        boardAndRank(CompareOp.GT), ExprNode.TRUE, List.of(str("a"), i64(6)), ALL, true, 3));
    assertEquals(List.of(7L, 8L, 9L, 10L), ranks(rows));
    QueryRequest sent = (QueryRequest) LocalDynamo.LATEST.get("QueryRequest");
    assertTrue(sent.scanIndexForward());
    assertEquals(3, sent.limit());
  }

  /**
   * An include's page per parent (a limit per parent ordered by the index's sort key): the
   * parent's key as a constant in the key condition, keys only, backwards, the page as the
   * request's Limit; the page taken is one request, the rest of the board never read.
   */
  @Test
  void anIncludesPagePerParentIsOneQueryOfKeysWithALimit() {
    int before = LocalDynamo.requests("QueryRequest");
    List<Value.Record> keys = h.stream(new Operation.FindPkByIndex(L, INDEX,
        cmp(CompareOp.EQ, col(L, 1), new ExprNode.Const(str("b"))), ExprNode.TRUE, List.of(),
        List.of(), false, 4)).take(4).collectList().block(Harness.TIMEOUT);
    assertEquals(4, keys.size());
    assertEquals(1, keys.get(0).size(), "the primary key only");
    assertEquals(1, LocalDynamo.requests("QueryRequest") - before, "one request for the page");
    QueryRequest sent = (QueryRequest) LocalDynamo.LATEST.get("QueryRequest");
    assertEquals(INDEX, sent.indexName());
    assertFalse(sent.scanIndexForward());
    assertEquals(4, sent.limit());
    List<Value.Record> rows = h.rows(new Operation.GetByKey(L, ALL, keys));
    assertEquals(List.of(10L, 9L, 8L, 7L), ranks(rows).stream().sorted(
        Comparator.reverseOrder()).toList());
  }
}
