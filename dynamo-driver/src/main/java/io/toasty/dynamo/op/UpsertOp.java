package io.toasty.dynamo.op;

import io.toasty.UniqueViolationException;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Insert;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An upsert of one row by its primary key ({@code Operation.Insert} with a conflict clause; the
 * planner refuses other targets and several rows). The create path is {@link InsertOp}'s
 * conditional put (with the row's uniqueness items, in one transaction where it has unique
 * values); when the key is taken, the update path is {@link UpdateByKeyOp}'s conditional
 * UpdateItem of that key, returning the stored item (a read of it, for insert-or-ignore). Each step is atomic; a record deleted between
 * the two sends the row round again, at most {@value #ROUNDS} times.
 */
public final class UpsertOp {
  static final int ROUNDS = 10;

  private UpsertOp() {}

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.Insert op) {
    return Mono.defer(() -> {
      Insert s = op.statement();
      if (s.rows().size() != 1) {
        throw new IllegalArgumentException("DynamoDB upserts one row per operation, not "
            + s.rows().size());
      }
      TableInfo t = cx.table(((Source.Table) s.target()).table());
      Operation.Insert create = new Operation.Insert(new Insert(s.target(), s.columns(),
          s.rows(), new Returning.Project(List.of())), op.args(), op.rowType());
      Operation.UpdateByKey update = update(t, s, op.args());
      return round(cx, t, create, update, 1);
    });
  }

  private static Mono<ExecResponse> round(DynamoContext cx, TableInfo t, Operation.Insert create,
      Operation.UpdateByKey update, int round) {
    Mono<List<Value.Record>> created = InsertOp.run(cx, create).flatMap(UpsertOp::rows);
    Mono<ExecResponse> stored = update.assignments().isEmpty()
        ? GetByKeyOp.run(cx, new Operation.GetByKey(t.name(), t.allColumns(), update.keys()))
        : UpdateByKeyOp.run(cx, update);
    return created.onErrorResume(e -> isDuplicateKey(t, e), e -> stored.flatMap(UpsertOp::rows))
        .flatMap(rows -> {
          if (!rows.isEmpty()) {
            return Mono.just((ExecResponse) new ExecResponse.Rows(Flux.fromIterable(rows)));
          }
          if (round >= ROUNDS) {
            return Mono.error(new IllegalStateException("upsert of " + t.name() + ": the record "
                + "was deleted and created again " + ROUNDS + " times while it ran"));
          }
          return round(cx, t, create, update, round + 1);
        });
  }

  private static Mono<List<Value.Record>> rows(ExecResponse r) {
    return ((ExecResponse.Rows) r).rows().collectList();
  }

  private static boolean isDuplicateKey(TableInfo t, Throwable e) {
    return e instanceof UniqueViolationException u
        && u.field().equals(Optional.ofNullable(t.fieldNames(t.primaryKey())));
  }

  /** The update path: the copied columns take the row's values, then the expressions. */
  private static Operation.UpdateByKey update(TableInfo t, Insert s, List<Value> args) {
    OnConflict c = s.onConflict();
    Expr.Record row = s.rows().get(0);
    List<Assignment> assignments = new ArrayList<>();
    for (int col : c.copied()) {
      assignments.add(new Assignment(col, row.fields().get(s.columns().indexOf(col))));
    }
    assignments.addAll(c.assignments());
    Value[] key = new Value[t.primaryKey().size()];
    for (int i = 0; i < key.length; i++) {
      Expr e = row.fields().get(s.columns().indexOf(t.primaryKey().get(i)));
      key[i] = e instanceof Expr.Arg a ? args.get(a.index()) : ((Expr.Const) e).value();
    }
    return new Operation.UpdateByKey(t.name(), List.of(new Value.Record(List.of(key))),
        assignments, Expr.TRUE, args, true, t.allColumns());
  }
}
