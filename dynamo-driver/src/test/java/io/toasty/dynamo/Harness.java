package io.toasty.dynamo;

import io.toasty.ModelDef;
import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;

/** A driver on DynamoDB Local with tables of its own, and shorthands for sending operations. */
final class Harness implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  final DynamoDriver driver;
  final Schema schema;

  Harness(Integer pageSize, ModelDef<?>... models) {
    List<ModelSchema> schemas = new ArrayList<>();
    for (ModelDef<?> m : models) {
      schemas.add(m.schema());
    }
    schema = Schema.of(schemas);
    driver = DynamoDriver.builder()
        .client(LocalDynamo.client())
        .schema(schema)
        .tablePrefix("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_")
        .pageSize(pageSize)
        .build();
    driver.resetSchema().block(TIMEOUT);
  }

  Harness(ModelDef<?>... models) {
    this(null, models);
  }

  ExecResponse exec(Operation op) {
    Connection c = driver.connect().block(TIMEOUT);
    return c.exec(op).block(TIMEOUT);
  }

  List<Value.Record> rows(Operation op) {
    ExecResponse r = exec(op);
    return ((ExecResponse.Rows) r).rows().collectList().block(TIMEOUT);
  }

  Flux<Value.Record> stream(Operation op) {
    return ((ExecResponse.Rows) exec(op)).rows();
  }

  long count(Operation op) {
    return ((ExecResponse.Count) exec(op)).count();
  }

  /** Inserts one row of every column's value, in column order; returns the count. */
  long insert(String table, Value... values) {
    return count(insertOp(table, List.<List<Value>>of(List.of(values))));
  }

  static Operation.Insert insertOp(String table, List<List<Value>> rows) {
    List<Integer> columns = new ArrayList<>();
    for (int i = 0; i < rows.get(0).size(); i++) {
      columns.add(i);
    }
    List<Value> args = new ArrayList<>();
    List<ExprNode.Record> exprs = new ArrayList<>();
    for (List<Value> row : rows) {
      List<ExprNode> fields = new ArrayList<>();
      for (Value v : row) {
        args.add(v);
        fields.add(new ExprNode.Arg(args.size() - 1));
      }
      exprs.add(new ExprNode.Record(fields));
    }
    return new Operation.Insert(new InsertNode(new Source.Table(table), columns, exprs,
        new Returning.Count()), args, List.of());
  }

  List<Value.Record> scan(String table) {
    int n = schema.table(table).columns().size();
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    return rows(new Operation.Scan(table, all, ExprNode.TRUE, List.of()));
  }

  static ExprNode col(String table, int index) {
    return new ExprNode.Column(table, index);
  }

  static ExprNode arg(int index) {
    return new ExprNode.Arg(index);
  }

  static ExprNode cmp(ExprNode.CompareOp op, ExprNode a, ExprNode b) {
    return new ExprNode.Compare(op, a, b);
  }

  static Value str(String s) {
    return new Value.Str(s);
  }

  static Value i32(int i) {
    return new Value.I32(i);
  }

  static Value i64(long l) {
    return new Value.I64(l);
  }

  static Value uuid() {
    return new Value.Uuid(UUID.randomUUID());
  }

  @Override
  public void close() {
    driver.dropSchema().block(TIMEOUT);
    driver.close().block(TIMEOUT);
  }
}
