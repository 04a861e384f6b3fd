package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.UniqueViolationException;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * An upsert of one row ({@code Operation.Insert} with a conflict clause; the planner refuses
 * several rows), by its primary key or by a unique index.
 *
 * <p>By the primary key, the create path is {@link InsertOp}'s conditional put (with the row's
 * uniqueness items, in one transaction where it has unique values); when the key is taken, the
 * update path is {@link UpdateByKeyOp}'s conditional UpdateItem of that key, returning the stored
 * item (a read of it, for insert-or-ignore).
 *
 * <p>By a unique index, the index's uniqueness item for the row's values is read first (strongly
 * consistent): it names the record that holds them. Held, the update path updates that record
 * conditioned on its holding the values still; free, the create path puts the record and its
 * uniqueness items in one transaction, each item conditioned on being free. A row whose target
 * values are NULL conflicts with nothing and is created.
 *
 * <p>Each step is atomic, and a step that finds the world changed since the read (the holder
 * deleted or given another value, the value claimed by a concurrent create) sends the row round
 * again, at most {@value #ROUNDS} times; then a transient {@code SerializationFailureException}.
 */
public final class UpsertOp {
  static final int ROUNDS = 10;

  private UpsertOp() {}

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.Insert op) {
    return Mono.defer(() -> {
      InsertNode s = op.statement();
      if (s.rows().size() != 1) {
        throw new IllegalArgumentException("DynamoDB upserts one row per operation, not "
            + s.rows().size());
      }
      TableInfo t = cx.table(((Source.Table) s.target()).table());
      Operation.Insert create = new Operation.Insert(new InsertNode(s.target(), s.columns(),
          s.rows(), new Returning.Project(List.of())), op.args(), op.rowType());
      Operation.UpdateByKey update = update(t, s, op.args());
      TableInfo.Index target = target(t, conflict(s).target());
      if (target == null) {
        return round(cx, t, create, update, 1);
      }
      String claim = Uniqueness.key(t, target, InsertOp.items(t, create).get(0));
      Operation.UpdateByKey held = new Operation.UpdateByKey(t.name(), update.keys(),
          update.assignments(), holds(t, target, s), update.args(), true, t.allColumns());
      return claim == null ? InsertOp.run(cx, create)
          : byUnique(cx, t, target, claim, create, held, 1);
    }).onErrorMap(DynamoContext::translate);
  }

  /** The unique index whose columns are {@code target}, or null for the primary key. */
  private static TableInfo.@Nullable Index target(TableInfo t, List<Integer> target) {
    if (Set.copyOf(target).equals(Set.copyOf(t.primaryKey()))) {
      return null;
    }
    return t.uniqueIndexes().stream()
        .filter(ix -> Set.copyOf(ix.columns()).equals(Set.copyOf(target))).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("upsert of " + t.name() + ": columns "
            + target + " are neither its key nor a unique index"));
  }

  /** One round of an upsert by unique index {@code ix}, whose uniqueness key is {@code claim}. */
  private static Mono<ExecResponse> byUnique(DynamoContext cx, TableInfo t, TableInfo.Index ix,
      String claim, Operation.Insert create, Operation.UpdateByKey update, int round) {
    Mono<List<Value.Record>> stored = holder(cx, t, claim)
        .flatMap(holder -> updateHolder(cx, t, ix, claim, holder, update))
        .switchIfEmpty(Mono.defer(() -> InsertOp.run(cx, create).flatMap(UpsertOp::rows)
            .onErrorResume(e -> isViolationOf(t, ix, e), e -> Mono.just(List.of()))));
    return stored.flatMap(rows -> {
      if (!rows.isEmpty()) {
        return Mono.just((ExecResponse) new ExecResponse.Rows(Flux.fromIterable(rows)));
      }
      if (round >= ROUNDS) {
        return Mono.error(new SerializationFailureException(TableInfo.BACKEND, null, "upsert of "
            + t.model() + " by " + t.fieldNames(ix.columns()) + ": the record holding the value "
            + "changed " + ROUNDS + " times while it ran", null));
      }
      return byUnique(cx, t, ix, claim, create, update, round + 1);
    });
  }

  /** The key of the record holding uniqueness key {@code claim}; empty when none does. */
  private static Mono<Value.Record> holder(DynamoContext cx, TableInfo t, String claim) {
    GetItemRequest request = GetItemRequest.builder().tableName(t.uniqueTableName())
        .key(Map.of(TableInfo.UNIQUE_KEY, AttributeValue.fromS(claim))).consistentRead(true)
        .build();
    return cx.call(() -> cx.client().getItem(request))
        .filter(r -> r.hasItem() && r.item().containsKey(TableInfo.UNIQUE_OWNER))
        .map(r -> Items.row(t, t.primaryKey(), r.item().get(TableInfo.UNIQUE_OWNER).m()));
  }

  /**
   * The update path on the record {@code holder}, conditioned on its holding the target values
   * still: its stored row, or none when it no longer does (deleted, or given another value).
   */
  private static Mono<List<Value.Record>> updateHolder(DynamoContext cx, TableInfo t,
      TableInfo.Index ix, String claim, Value.Record holder, Operation.UpdateByKey update) {
    if (update.assignments().isEmpty()) {
      return UniqueWrites.read(cx, t, Objects.requireNonNull(Items.key(t, holder),
              "a stored record has its whole key"))
          .filter(item -> claim.equals(Uniqueness.key(t, ix, item)))
          .map(item -> List.of(Items.row(t, t.allColumns(), item)))
          .defaultIfEmpty(List.of());
    }
    Operation.UpdateByKey held = new Operation.UpdateByKey(t.name(), List.of(holder),
        update.assignments(), update.filter(), update.args(), true, t.allColumns());
    return UpdateByKeyOp.run(cx, held).flatMap(UpsertOp::rows);
  }

  /** The condition that a record holds the proposed row's values of {@code ix}. */
  private static ExprNode holds(TableInfo t, TableInfo.Index ix, InsertNode s) {
    List<ExprNode> parts = new ArrayList<>();
    for (int c : ix.columns()) {
      parts.add(new ExprNode.Compare(ExprNode.CompareOp.EQ, new ExprNode.Column(t.name(), c),
          s.rows().get(0).fields().get(s.columns().indexOf(c))));
    }
    return parts.size() == 1 ? parts.get(0) : new ExprNode.And(parts);
  }

  private static boolean isViolationOf(TableInfo t, TableInfo.Index ix, Throwable e) {
    return e instanceof UniqueViolationException u
        && u.field().equals(Optional.ofNullable(t.fieldNames(ix.columns())));
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

  /** The insert's {@code ON CONFLICT}: only such an insert is an upsert (DynamoConnection). */
  private static OnConflict conflict(InsertNode s) {
    return Objects.requireNonNull(s.onConflict(), "an upsert has its ON CONFLICT");
  }

  /** The update path: the copied columns take the row's values, then the expressions. */
  private static Operation.UpdateByKey update(TableInfo t, InsertNode s, List<Value> args) {
    OnConflict c = conflict(s);
    ExprNode.Record row = s.rows().get(0);
    List<Assignment> assignments = new ArrayList<>();
    for (int col : c.copied()) {
      assignments.add(new Assignment(col, row.fields().get(s.columns().indexOf(col))));
    }
    assignments.addAll(c.assignments());
    Value[] key = new Value[t.primaryKey().size()];
    for (int i = 0; i < key.length; i++) {
      ExprNode e = row.fields().get(s.columns().indexOf(t.primaryKey().get(i)));
      key[i] = e instanceof ExprNode.Arg a ? args.get(a.index()) : ((ExprNode.Const) e).value();
    }
    return new Operation.UpdateByKey(t.name(), List.of(new Value.Record(List.of(key))),
        assignments, ExprNode.TRUE, args, true, t.allColumns());
  }
}
