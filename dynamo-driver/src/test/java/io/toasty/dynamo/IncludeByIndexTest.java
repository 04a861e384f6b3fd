package io.toasty.dynamo;

import static io.toasty.dynamo.Harness.arg;
import static io.toasty.dynamo.Harness.col;
import static io.toasty.dynamo.Harness.i32;
import static io.toasty.dynamo.Harness.str;
import static io.toasty.dynamo.Harness.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.models.Members;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.ReadConsistency;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * An include's children by an indexed foreign key ({@code fk IN (window keys)}, sent as
 * {@code QuerySql}): by a non-unique index the index's Query of each key returns the items, one
 * request a key; asked for strongly consistent items, or by a unique index, the keys and then
 * one BatchGetItem (docs/dynamodb.md, "Reads by an index").
 */
class IncludeByIndexTest {
  static final String M = "members";
  static final List<Integer> ALL = List.of(0, 1, 2, 3, 4);
  Harness h;
  final List<Object> requests = new CopyOnWriteArrayList<>();
  DynamoDriver recorded;

  @BeforeEach
  void open() {
    h = new Harness(Members.MODEL);
    String[] teams = {"red", "red", "blue", "green"};
    for (int i = 0; i < teams.length; i++) {
      h.insert(M, uuid(), str("m" + i + "@x"), str(teams[i]), i32(i), Value.NULL);
    }
    recorded = DynamoDriver.builder()
        .client(DeferredProjectionTest.recording(LocalDynamo.client(), requests))
        .schema(h.schema)
        .tablePrefix(h.driver.tablePrefix())
        .build();
  }

  @AfterEach
  void close() {
    h.close();
  }

  /** The children whose {@code column} is one of {@code values}, read with {@code c}. */
  List<Value.Record> children(int column, ReadConsistency c, String... values) {
    List<ExprNode> items = new ArrayList<>();
    List<Value> args = new ArrayList<>();
    for (String v : values) {
      items.add(arg(args.size()));
      args.add(str(v));
    }
    Query q = new Query(new Source.Table(M), new ExprNode.InList(col(M, column), items),
        new Returning.Project(ALL.stream().map(i -> col(M, i)).toList()), List.of(), null, null,
        c);
    List<Type> rowType = List.of(Type.Scalar.UUID, Type.Scalar.STRING, Type.Scalar.STRING,
        Type.Scalar.I32, Type.Scalar.STRING);
    ExecResponse r = recorded.connect().block(Harness.TIMEOUT)
        .exec(new Operation.QuerySql(q, args, rowType)).block(Harness.TIMEOUT);
    requests.clear();
    List<Value.Record> rows = ((ExecResponse.Rows) r).rows().collectList()
        .block(Harness.TIMEOUT);
    return rows.stream().sorted(Comparator.comparing(row -> ((Value.Str) row.get(1)).value()))
        .toList();
  }

  long sent(Class<?> kind) {
    return requests.stream().filter(kind::isInstance).count();
  }

  static List<String> emails(List<Value.Record> rows) {
    return rows.stream().map(r -> ((Value.Str) r.get(1)).value()).toList();
  }

  @Test
  void byANonUniqueIndexEachKeyIsOneQueryReturningTheItems() {
    List<Value.Record> rows = children(2, ReadConsistency.DEFAULT, "red", "blue");
    assertEquals(List.of("m0@x", "m1@x", "m2@x"), emails(rows));
    assertEquals(5, rows.get(0).size(), "every column, from the index");
    assertEquals(2, sent(QueryRequest.class), requests.toString());
    assertEquals(0, sent(BatchGetItemRequest.class), requests.toString());
  }

  @Test
  void stronglyConsistentReadsTheKeysThenTheItems() {
    List<Value.Record> rows = children(2, ReadConsistency.STRONG, "red", "blue");
    assertEquals(List.of("m0@x", "m1@x", "m2@x"), emails(rows));
    assertEquals(2, sent(QueryRequest.class), requests.toString());
    assertEquals(1, sent(BatchGetItemRequest.class), requests.toString());
  }

  @Test
  void byAUniqueIndexTheGuardItemsThenTheItems() {
    List<Value.Record> rows = children(1, ReadConsistency.DEFAULT, "m3@x", "m0@x");
    assertEquals(List.of("m0@x", "m3@x"), emails(rows));
    assertEquals(2, sent(GetItemRequest.class), requests.toString());
    assertEquals(0, sent(QueryRequest.class), requests.toString());
    assertEquals(1, sent(BatchGetItemRequest.class), requests.toString());
  }
}
