package io.toasty.dynamo;

import io.toasty.Feature;
import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.op.AtomicOp;
import io.toasty.dynamo.op.CountOp;
import io.toasty.dynamo.op.DeleteByKeyOp;
import io.toasty.dynamo.op.DynamoContext;
import io.toasty.dynamo.op.FindPkByIndexOp;
import io.toasty.dynamo.op.GetByKeyOp;
import io.toasty.dynamo.op.InsertOp;
import io.toasty.dynamo.op.OptimisticTx;
import io.toasty.dynamo.op.PartiqlOp;
import io.toasty.dynamo.op.QueryByIndexOp;
import io.toasty.dynamo.op.QueryPkOp;
import io.toasty.dynamo.op.ScanOp;
import io.toasty.dynamo.op.UpdateByKeyOp;
import io.toasty.dynamo.op.UpsertOp;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.DriverException;
import io.toasty.error.UnsupportedFeatureException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A DynamoDB "connection": DynamoDB has none (each request is an HTTP call on the client's pool),
 * so this is a handle that sends each operation to the class of the same name. Between BEGIN and
 * COMMIT or ROLLBACK, operations go to an {@link OptimisticTx} instead, which buffers the writes
 * and sends them at COMMIT. SQL is refused with an {@link UnsupportedFeatureException}.
 */
final class DynamoConnection implements Connection {
  private final DynamoContext context;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** The transaction begun on this connection, or null. */
  private volatile @Nullable OptimisticTx tx;

  DynamoConnection(DynamoContext context) {
    this.context = context;
  }

  @Override
  public Mono<ExecResponse> exec(Operation operation) {
    Objects.requireNonNull(operation, "operation");
    if (closed.get()) {
      return Mono.error(new DriverException(TableInfo.BACKEND, null,
          "the connection was closed", null));
    }
    if (operation instanceof Operation.Transaction t) {
      return transaction(t);
    }
    OptimisticTx current = tx;
    if (current != null) {
      return current.exec(operation);
    }
    if (operation instanceof Operation.GetByKey g) {
      return GetByKeyOp.run(context, g);
    } else if (operation instanceof Operation.QueryPk q) {
      return QueryPkOp.run(context, q);
    } else if (operation instanceof Operation.FindPkByIndex f) {
      return FindPkByIndexOp.run(context, f);
    } else if (operation instanceof Operation.Scan s) {
      return ScanOp.run(context, s);
    } else if (operation instanceof Operation.Insert i && i.statement().onConflict() != null) {
      return UpsertOp.run(context, i);
    } else if (operation instanceof Operation.Count c) {
      return CountOp.run(context, c);
    } else if (operation instanceof Operation.Insert i) {
      return InsertOp.run(context, i);
    } else if (operation instanceof Operation.UpdateByKey u) {
      return UpdateByKeyOp.run(context, u);
    } else if (operation instanceof Operation.DeleteByKey d) {
      return DeleteByKeyOp.run(context, d);
    } else if (operation instanceof Operation.Atomic a) {
      return AtomicOp.run(context, a);
    } else if (operation instanceof Operation.QuerySql q && QueryByIndexOp.accepts(q)) {
      return QueryByIndexOp.run(context, q);
    } else if (operation instanceof Operation.Partiql p) {
      return PartiqlOp.run(context, p);
    }
    return Mono.error(new UnsupportedFeatureException(Feature.SQL, TableInfo.BACKEND,
        "DynamoDB runs key-value operations (GetByKey, QueryPk, FindPkByIndex, Scan, Insert, "
        + "UpdateByKey, DeleteByKey, Atomic, and an include's key list on an indexed column) and "
        + "PartiQL, not "
        + operation.getClass().getSimpleName()));
  }

  /**
   * BEGIN starts buffering, COMMIT sends what was buffered (and ends the transaction either
   * way), ROLLBACK drops it; savepoints mark the buffer.
   */
  private Mono<ExecResponse> transaction(Operation.Transaction t) {
    ExecResponse done = new ExecResponse.Count(0);
    return switch (t.kind()) {
      case BEGIN -> Mono.fromSupplier(() -> {
        if (tx != null) {
          throw new IllegalStateException("a transaction is already open on this connection");
        }
        tx = new OptimisticTx(context);
        return done;
      });
      case COMMIT -> Mono.defer(() -> {
        OptimisticTx current = ended();
        return current.commit().thenReturn(done);
      });
      case ROLLBACK -> Mono.fromSupplier(() -> {
        tx = null;
        return done;
      });
      default -> Mono.defer(() -> open().savepoint(t).thenReturn(done));
    };
  }

  private OptimisticTx open() {
    OptimisticTx current = tx;
    if (current == null) {
      throw new IllegalStateException("no transaction is open on this connection");
    }
    return current;
  }

  private OptimisticTx ended() {
    OptimisticTx current = open();
    tx = null;
    return current;
  }

  @Override
  public Mono<Void> close() {
    return Mono.fromRunnable(() -> {
      tx = null;
      closed.set(true);
    });
  }
}
