package io.toasty.dynamo.op;

import io.toasty.Feature;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.Query;
import io.toasty.stmt.ReadConsistency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An interactive transaction on DynamoDB, which has none: an optimistic one. Reads are strongly
 * consistent and recorded with what they found ({@link TxReads}); writes are buffered, visible
 * to the transaction's later reads, and sent at commit in one TransactWriteItems whose
 * conditions assert that every item read is unchanged ({@link TxCommit}). A conflict fails the
 * commit with a transient {@code SerializationFailureException}, which the retry policy runs
 * again; a rollback, a cancel or an error before the commit sends nothing. Savepoints mark the
 * buffered writes. Tested by the TCK's {@code TransactionTest} and
 * {@code TransactionConflictTest}; the model is described in docs/dynamodb.md.
 */
public final class OptimisticTx {
  private final TxLedger ledger;

  public OptimisticTx(DynamoContext cx) {
    this.ledger = new TxLedger(cx);
  }

  /** Runs {@code op} inside the transaction. */
  public Mono<ExecResponse> exec(Operation op) {
    if (op instanceof Operation.GetByKey g) {
      return TxReads.get(ledger, g);
    } else if (op instanceof Operation.QueryPk q) {
      return TxReads.query(ledger, q);
    } else if (op instanceof Operation.Scan s) {
      return TxReads.scan(ledger, s);
    } else if (op instanceof Operation.FindPkByIndex f) {
      return TxReads.index(ledger, f);
    } else if (op instanceof Operation.Count c) {
      return TxReads.count(ledger, c);
    } else if (op instanceof Operation.Insert i && i.statement().onConflict() == null) {
      return TxWrites.insert(ledger, i);
    } else if (op instanceof Operation.UpdateByKey u) {
      return TxWrites.update(ledger, u);
    } else if (op instanceof Operation.DeleteByKey d) {
      return TxWrites.delete(ledger, d);
    } else if (op instanceof Operation.Atomic a) {
      return atomic(a);
    } else if (op instanceof Operation.QuerySql q && QueryByIndexOp.accepts(q)) {
      // an include's children by an indexed key: read as stored (strongly consistent, by key),
      // neither recorded nor merged with the buffered writes (docs/dynamodb.md)
      return QueryByIndexOp.run(ledger.context(), new Operation.QuerySql(
          ((Query) q.statement()).withConsistency(ReadConsistency.STRONG), q.args(), q.rowType()));
    }
    return Mono.error(new UnsupportedFeatureException(Feature.INTERACTIVE_TRANSACTIONS,
        TableInfo.BACKEND, describe(op) + " inside a transaction: DynamoDB's optimistic "
        + "transactions take reads and writes by key, queries, index queries and scans"));
  }

  /** Sends the buffered writes, conditioned on every item read being unchanged. */
  public Mono<Void> commit() {
    return TxCommit.run(ledger);
  }

  private static String named(Operation.Transaction op) {
    return Objects.requireNonNull(op.savepoint(), "a savepoint operation names its savepoint");
  }

  /** Marks, releases or goes back to a savepoint. */
  public Mono<Void> savepoint(Operation.Transaction op) {
    return Mono.fromRunnable(() -> {
      switch (op.kind()) {
        case SAVEPOINT -> ledger.mark(named(op));
        case RELEASE_SAVEPOINT -> ledger.release(named(op));
        case ROLLBACK_TO_SAVEPOINT -> ledger.rollbackTo(named(op));
        default -> throw new IllegalArgumentException("not a savepoint operation: " + op);
      }
    });
  }

  /** An atomic request's operations one after the other, none of its writes kept on failure. */
  private Mono<ExecResponse> atomic(Operation.Atomic a) {
    return Mono.defer(() -> {
      LinkedHashMap<TxLedger.Ref, Optional<Map<String, AttributeValue>>> before =
          ledger.snapshot();
      return Flux.fromIterable(a.operations())
          .concatMap(o -> exec(o).flatMap(OptimisticTx::collected), 1)
          .collectList()
          .<ExecResponse>map(ExecResponse.Each::new)
          .doOnError(e -> ledger.restore(before));
    });
  }

  /** {@code r} with its rows read, so the next operation may run. */
  private static Mono<ExecResponse> collected(ExecResponse r) {
    return r instanceof ExecResponse.Rows rows
        ? rows.rows().collectList().map(list -> new ExecResponse.Rows(Flux.fromIterable(list)))
        : Mono.just(r);
  }

  private static String describe(Operation op) {
    if (op instanceof Operation.Insert) {
      return "an insert with ON CONFLICT (an upsert)";
    } else if (op instanceof Operation.Partiql) {
      return "a PartiQL statement";
    }
    return "a " + op.getClass().getSimpleName() + " operation";
  }
}
