package io.toasty.dynamo.op;

import io.toasty.Feature;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.expr.AndTerms;
import io.toasty.dynamo.expr.RowOrder;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Operation.QuerySql} of the one shape a key-value planner sends: the children of one
 * window of an include, {@code fk IN (window keys)} on a column with a global secondary index of
 * its own (and further conditions on values). Each key is one index Query
 * ({@link FindPkByIndexOp}); where the read may be eventually consistent ({@link #fromIndex}) it
 * returns the items, else the keys (a unique index's from its guard item, strongly consistent)
 * and the keys found are one BatchGetItem ({@link GetByKeyOp}). An {@code ORDER BY} is applied
 * to the window's rows in memory (bounded by the window, as the engine's merge is).
 */
public final class QueryByIndexOp {
  /** Index Queries of one window in flight at once. */
  static final int CONCURRENCY = 8;

  private QueryByIndexOp() {}

  /** Whether {@code op} has the shape this operation runs. */
  public static boolean accepts(Operation.QuerySql op) {
    return op.statement() instanceof Query q && q.source() instanceof Source.Table
        && (q.limit() == null || !q.limit().partitionBy().isEmpty())
        && q.returning() instanceof Returning.Project;
  }

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.QuerySql op) {
    return Mono.fromSupplier(() -> {
      Query q = (Query) op.statement();
      TableInfo t = cx.table(((Source.Table) q.source()).table());
      List<Integer> columns = columns(q);
      ExprNode.InList keys = null;
      TableInfo.Index index = null;
      List<ExprNode> rest = new ArrayList<>();
      for (ExprNode term : AndTerms.of(q.filter())) {
        TableInfo.Index ix = keys == null ? indexOn(t, term) : null;
        if (ix != null) {
          keys = (ExprNode.InList) term;
          index = ix;
        } else {
          rest.add(term);
        }
      }
      if (keys == null || index == null) { // set together
        throw new UnsupportedFeatureException(Feature.SQL, TableInfo.BACKEND, "a query of "
            + t.name() + " that is not a key list on an indexed column: " + q.filter());
      }
      return (ExecResponse) new ExecResponse.Rows(rows(cx, t, index, keys, AndTerms.and(rest),
          columns, op.args(), q));
    }).onErrorMap(DynamoContext::translate);
  }

  private static Flux<Value.Record> rows(DynamoContext cx, TableInfo t, TableInfo.Index index,
      ExprNode.InList keys, ExprNode residual, List<Integer> columns, List<Value> args, Query q) {
    Set<ExprNode> distinct = new LinkedHashSet<>(keys.items());
    List<Integer> read = fromIndex(q, t, index) ? columns : List.of();
    Limit perPartition = q.limit();
    if (perPartition != null) {
      return Flux.fromIterable(distinct).flatMapSequential(item -> perKey(cx, t, index, keys,
          item, residual, columns, read, args, q, perPartition), CONCURRENCY);
    }
    Flux<Value.Record> indexed = Flux.fromIterable(distinct)
        .flatMapSequential(item -> FindPkByIndexOp.run(cx, lookup(t, index, keys.operand(), item,
                residual, args, read))
            .flatMapMany(r -> ((ExecResponse.Rows) r).rows()), CONCURRENCY);
    Flux<Value.Record> found = read.isEmpty() ? byKey(cx, t, columns, indexed) : indexed;
    return q.orderBy().isEmpty() ? found
        : found.sort(RowOrder.of(q.orderBy(), columns));
  }

  /**
   * Whether the children come straight from the index's items (one request, eventually
   * consistent as the index is): for a non-unique index unless the query asks for strongly
   * consistent items, and for any index when it accepts an eventually consistent read; the
   * planner's rule for a query's own index reads (docs/dynamodb.md, "Reads by an index").
   */
  static boolean fromIndex(Query q, TableInfo t, TableInfo.Index index) {
    return q.consistency().fromIndex(t.uniqueIndexes().contains(index));
  }

  /** The records of the keys {@code keys} gives, read by key (one BatchGetItem per 100). */
  private static Flux<Value.Record> byKey(DynamoContext cx, TableInfo t, List<Integer> columns,
      Flux<Value.Record> keys) {
    return keys.collectList().flatMapMany(list -> list.isEmpty() ? Flux.empty()
        : GetByKeyOp.run(cx, new Operation.GetByKey(t.name(), columns, list))
            .flatMapMany(r -> ((ExecResponse.Rows) r).rows()));
  }

  /**
   * One key's records under a limit per partition (an include's limit per parent, the key list
   * being one key per parent): read, put in the query's order, and cut to the limit.
   */
  private static Flux<Value.Record> perKey(
      DynamoContext cx,
      TableInfo t,
      TableInfo.Index index,
      ExprNode.InList keys,
      ExprNode item,
      ExprNode residual,
      List<Integer> columns,
      List<Integer> read,
      List<Value> args,
      Query q,
      Limit perPartition) {
    ExprNode from = perPartition.offset();
    long offset = from == null ? 0 : count(from, args);
    long limit = count(perPartition.count(), args);
    Flux<Value.Record> indexed = FindPkByIndexOp.run(cx, lookup(t, index, keys.operand(), item,
            residual, args, read))
        .flatMapMany(r -> ((ExecResponse.Rows) r).rows());
    Flux<Value.Record> found = read.isEmpty() ? byKey(cx, t, columns, indexed) : indexed;
    return found.sort(RowOrder.of(q.orderBy(), columns)).skip(offset).take(limit);
  }

  /** The value of a limit's count or offset: a bound argument or a constant. */
  private static long count(ExprNode e, List<Value> args) {
    Value v = e instanceof ExprNode.Arg a ? args.get(a.index()) : ((ExprNode.Const) e).value();
    return Values.asLong(v);
  }

  /**
   * The index read for one key: {@code col = v}; for a tuple {@code (a, b) = (x, y)} (a
   * composite foreign key) on an index of {@code a}, {@code a = x} with {@code b = y} added to
   * the residual filter. It returns the keys, or the items' {@code read} columns when not empty.
   */
  private static Operation.FindPkByIndex lookup(TableInfo t, TableInfo.Index index,
      ExprNode operand, ExprNode item, ExprNode residual, List<Value> args, List<Integer> read) {
    if (!(operand instanceof ExprNode.Record tuple)) {
      return new Operation.FindPkByIndex(t.name(), index.name(),
          new ExprNode.Compare(ExprNode.CompareOp.EQ, operand, item), residual, args, read);
    }
    List<ExprNode> values = ((ExprNode.Record) item).fields();
    List<ExprNode> rest = new ArrayList<>();
    for (int i = 1; i < values.size(); i++) {
      rest.add(new ExprNode.Compare(ExprNode.CompareOp.EQ, tuple.fields().get(i), values.get(i)));
    }
    rest.addAll(AndTerms.of(residual));
    return new Operation.FindPkByIndex(t.name(), index.name(),
        new ExprNode.Compare(ExprNode.CompareOp.EQ, tuple.fields().get(0), values.get(0)),
        AndTerms.and(rest), args, read);
  }

  /**
   * The index whose only (else first) column {@code term} lists values of
   * ({@code col IN (..)}), or for a tuple of columns listed in records
   * ({@code (a, b) IN ((..), ..)}) the index on its first column; null when there is none.
   */
  private static TableInfo.@Nullable Index indexOn(TableInfo t, ExprNode term) {
    if (!(term instanceof ExprNode.InList in)) {
      return null;
    }
    ExprNode first = in.operand() instanceof ExprNode.Record r && !r.fields().isEmpty()
        && in.items().stream().allMatch(i -> i instanceof ExprNode.Record ir
            && ir.fields().size() == r.fields().size())
        ? r.fields().get(0) : in.operand();
    if (!(first instanceof ExprNode.Column c)) {
      return null;
    }
    TableInfo.Index sorted = null;
    for (TableInfo.Index ix : t.indexes()) {
      if (ix.columns().equals(List.of(c.index()))) {
        return ix;
      }
      // an index with a sort key holds every item too: its sort key is a required field
      sorted = sorted == null && ix.partition() == c.index() ? ix : sorted;
    }
    return sorted;
  }

  private static List<Integer> columns(Query q) {
    List<Integer> out = new ArrayList<>();
    for (ExprNode e : ((Returning.Project) q.returning()).exprs()) {
      out.add(((ExprNode.Column) e).index());
    }
    return out;
  }
}
