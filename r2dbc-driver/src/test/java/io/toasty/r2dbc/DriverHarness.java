package io.toasty.r2dbc;

import static io.toasty.r2dbc.Fixtures.arg;

import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs operations on a driver the way the executor does: one pooled connection per operation. */
final class DriverHarness {
  private DriverHarness() {}

  static DriverConfig config(String url) {
    return config(url, Duration.ofMinutes(30));
  }

  static DriverConfig config(String url, Duration maxIdleTime) {
    return new DriverConfig(url, Fixtures.SCHEMA, 4, Duration.ofSeconds(5), maxIdleTime, null);
  }

  /** The rows of {@code op}, on a connection taken for it and released on every path. */
  static Flux<Value.Record> rows(Driver driver, Operation op) {
    return Flux.usingWhen(driver.connect(),
        c -> c.exec(op).flatMapMany(DriverHarness::rowsOf),
        Connection::close, (c, e) -> c.close(), Connection::close);
  }

  static Flux<Value.Record> rowsOf(ExecResponse response) {
    if (response instanceof ExecResponse.Rows r) {
      return r.rows();
    }
    return Flux.error(new AssertionError("expected rows, got " + response));
  }

  static long count(Driver driver, Operation op) {
    ExecResponse response = Mono.usingWhen(driver.connect(), c -> c.exec(op),
        Connection::close, (c, e) -> c.close(), Connection::close).block();
    if (response instanceof ExecResponse.Count c) {
      return c.count();
    }
    throw new AssertionError("expected a count, got " + response);
  }

  static List<Value.Record> list(Driver driver, Operation op) {
    return rows(driver, op).collectList().block();
  }

  /** INSERT users (name, email, nickname, login_count, status), one row per name. */
  static Operation.Insert insertUsers(Returning returning, String... names) {
    List<ExprNode.Record> rows = new ArrayList<>();
    List<Value> args = new ArrayList<>();
    for (String name : names) {
      int a = args.size();
      rows.add(ExprNode.Record.of(arg(a), arg(a + 1), arg(a + 2), arg(a + 3), arg(a + 4)));
      args.add(new Value.Str(name));
      args.add(new Value.Str(name + "@example.com"));
      args.add(Value.NULL);
      args.add(new Value.I32(0));
      args.add(new Value.Str("ACTIVE"));
    }
    InsertNode insert =
        new InsertNode(new Source.Table("users"), List.of(1, 2, 3, 4, 5), rows, returning);
    List<Type> rowType = returning instanceof Returning.Keys ? List.of(Type.Scalar.I64) : List.of();
    return new Operation.Insert(insert, args, rowType);
  }

  /** SELECT the given columns of users, ordered by id. */
  static Operation.QuerySql selectUsers(ExprNode filter, List<Value> args, int... columns) {
    List<ExprNode> exprs = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    for (int c : columns) {
      exprs.add(new ExprNode.Column("users", c));
      types.add(Fixtures.SCHEMA.table("users").column(c).type());
    }
    Query q = new Query(new Source.Table("users"), filter, new Returning.Project(exprs),
        List.of(new OrderBy(new ExprNode.Column("users", 0),
            OrderBy.Direction.ASC)), null);
    return new Operation.QuerySql(q, args, types);
  }

  static Operation.QuerySql countUsers() {
    Query q = new Query(new Source.Table("users"), ExprNode.TRUE, new Returning.Count(), List.of(),
        null);
    return new Operation.QuerySql(q, List.of(), List.of(Type.Scalar.I64));
  }

  static long userCount(Driver driver) {
    return ((Value.I64) list(driver, countUsers()).get(0).get(0)).value();
  }
}
