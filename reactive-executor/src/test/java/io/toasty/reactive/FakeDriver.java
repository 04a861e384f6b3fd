package io.toasty.reactive;

import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.planner.eval.Eval;
import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.RowReader;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A driver for executor tests: records every operation, answers with canned responses (inserts
 * echo their rows, as a database with RETURNING would), and counts connections.
 */
class FakeDriver implements Driver {
  final Capability capability;
  final Schema schema;
  final List<Operation> log = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger connects = new AtomicInteger();
  final AtomicInteger closes = new AtomicInteger();
  /** Every call of {@code close()}, repeated ones included. */
  final AtomicInteger closeCalls = new AtomicInteger();
  /** Times an operation started while another was still running on the same connection. */
  final AtomicInteger overlaps = new AtomicInteger();
  /** What was sent on a connection when an operation overlapped another (for the failure message). */
  final List<String> overlapLog = Collections.synchronizedList(new ArrayList<>());
  /** The connections handed out, in order. */
  final List<FakeConnection> connections = Collections.synchronizedList(new ArrayList<>());
  /** Calls of a connection's {@code readAll}: collected reads the driver was asked to build. */
  final AtomicInteger readAlls = new AtomicInteger();
  final AtomicInteger pushes = new AtomicInteger();
  final AtomicInteger resets = new AtomicInteger();
  private final AtomicLong identity = new AtomicLong(100);
  private final AtomicInteger ids = new AtomicInteger();
  Function<Operation, Mono<ExecResponse>> responder = op -> null;

  FakeDriver(Capability capability, Schema schema) {
    this.capability = capability;
    this.schema = schema;
  }

  /** Answers with {@code f}, falling back to the default answer where it returns null. */
  FakeDriver respond(Function<Operation, Mono<ExecResponse>> f) {
    this.responder = f;
    return this;
  }

  @Override public Capability capability() {
    return capability;
  }

  @Override public Mono<Connection> connect() {
    // counted when handed out: a pool never loses a connection to a cancelled acquire
    return Mono.defer(() -> Mono.just(new FakeConnection(ids.getAndIncrement())))
        .doOnNext(c -> {
          connects.incrementAndGet();
          connections.add(c);
        })
        .map(c -> (Connection) c);
  }

  @Override public Mono<Void> pushSchema() {
    return Mono.fromRunnable(pushes::incrementAndGet);
  }

  @Override public Mono<Void> resetSchema() {
    return Mono.fromRunnable(resets::incrementAndGet);
  }

  @Override public Mono<Void> close() {
    return Mono.empty();
  }

  /** The simple names of the logged operations, with transaction kinds spelled out. */
  List<String> kinds() {
    List<String> out = new ArrayList<>();
    synchronized (log) {
      for (Operation op : log) {
        out.add(op instanceof Operation.Transaction t ? t.kind().name()
            : op.getClass().getSimpleName());
      }
    }
    return out;
  }

  Mono<ExecResponse> answer(Operation op) {
    Mono<ExecResponse> custom = responder.apply(op);
    return custom != null ? custom : standard(op);
  }

  /** The answer without a responder: inserts echo their rows, reads are empty, counts 0. */
  Mono<ExecResponse> standard(Operation op) {
    if (op instanceof Operation.Insert i) {
      return Mono.just(echo(i));
    }
    if (op instanceof Operation.QuerySql q && !q.rowType().isEmpty()) {
      return Mono.just(new ExecResponse.Rows(Flux.empty()));
    }
    boolean rows = op instanceof Operation.GetByKey || op instanceof Operation.Scan
        || op instanceof Operation.QueryPk || op instanceof Operation.FindPkByIndex;
    return Mono.just(rows ? new ExecResponse.Rows(Flux.empty()) : new ExecResponse.Count(0));
  }

  private ExecResponse echo(Operation.Insert op) {
    if (!(op.statement().returning() instanceof Returning.Project)) {
      return new ExecResponse.Count(op.statement().rows().size());
    }
    String table = ((Source.Table) op.statement().target()).table();
    TableSchema t = schema.table(table);
    List<Value.Record> out = new ArrayList<>();
    for (ExprNode.Record row : op.statement().rows()) {
      Value[] values = new Value[t.columns().size()];
      for (int c = 0; c < values.length; c++) {
        int at = op.statement().columns().indexOf(c);
        values[c] = at >= 0 ? Eval.eval(row.fields().get(at), op.args(), null)
            : new Value.I64(identity.incrementAndGet());
      }
      out.add(Value.Record.of(values));
    }
    return new ExecResponse.Rows(Flux.fromIterable(out));
  }

  /** One connection: its own log, and checks that operations never overlap. */
  final class FakeConnection implements Connection {
    final int id;
    final List<Operation> ops = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger running = new AtomicInteger();
    /** What runs now, by phase (for the overlap message). */
    private final Map<Object, String> live = new ConcurrentHashMap<>();
    private volatile boolean closed;

    FakeConnection(int id) {
      this.id = id;
    }

    boolean closed() {
      return closed;
    }

    /** The transaction kinds and operation names sent on this connection. */
    List<String> kinds() {
      List<String> out = new ArrayList<>();
      synchronized (ops) {
        for (Operation op : ops) {
          out.add(op instanceof Operation.Transaction t ? t.kind().name()
              : op.getClass().getSimpleName());
        }
      }
      return out;
    }

    @Override public <T> Mono<List<T>> readAll(Operation.QuerySql query, int[] fields,
        RowReader<T> reader) {
      readAlls.incrementAndGet();
      return Connection.super.readAll(query, fields, reader);
    }

    @Override public Mono<ExecResponse> exec(Operation operation) {
      return Mono.defer(() -> {
        AtomicBoolean ended = new AtomicBoolean();
        enter(operation, ended, "sent");
        log.add(operation);
        ops.add(operation);
        // one lock per operation: a cancel that finds the operation ending on another thread
        // (its last signal on its way) returns only once that ending is counted
        Runnable end = () -> {
          synchronized (ended) {
            if (ended.compareAndSet(false, true)) {
              live.remove(ended);
              running.decrementAndGet();
            }
          }
        };
        // An operation runs until its last signal is sent (or it is cancelled), before its
        // subscriber reacts to that signal. Rows run again, as with R2DBC, from the first
        // request until they end or are cancelled.
        return answer(operation)
            .map(r -> {
              if (!(r instanceof ExecResponse.Rows rows)) {
                return r;
              }
              AtomicInteger state = new AtomicInteger(); // 0 idle, 1 running, 2 ended
              Runnable rowsEnd = () -> {
                synchronized (state) {
                  if (state.getAndSet(2) == 1) {
                    live.remove(state);
                    running.decrementAndGet();
                  }
                }
              };
              return new ExecResponse.Rows(rows.rows()
                  .doOnRequest(n -> {
                    synchronized (state) {
                      if (state.compareAndSet(0, 1)) {
                        enter(operation, state, "rows");
                      }
                    }
                  })
                  .doOnTerminate(rowsEnd).doOnCancel(rowsEnd));
            })
            .doOnEach(signal -> {
              if (!signal.isOnSubscribe()) {
                end.run();
              }
            })
            .doOnCancel(end);
      });
    }

    private void enter(Operation operation, Object phase, String what) {
      String name = operation instanceof Operation.Transaction t ? t.kind().name()
          : operation.getClass().getSimpleName();
      String running = live.values().toString();
      live.put(phase, name + " " + what + " on " + Thread.currentThread().getName());
      if (this.running.incrementAndGet() > 1) {
        overlaps.incrementAndGet();
        overlapLog.add("connection " + id + ": " + name + " entered on "
            + Thread.currentThread().getName() + " while running " + running + ", after "
            + kinds() + ", from " + callers());
      }
    }

    /** The project's frames of the current stack, innermost first. */
    private static String callers() {
      return Arrays.stream(Thread.currentThread().getStackTrace())
          .filter(f -> f.getClassName().startsWith("io.toasty.")
              && !f.getClassName().equals(FakeDriver.class.getName())
              && !f.getClassName().startsWith(FakeDriver.class.getName() + "$"))
          .limit(12).map(f -> f.getClassName().replace("io.toasty.reactive.", "") + "."
              + f.getMethodName() + ":" + f.getLineNumber())
          .collect(Collectors.joining(" < "));
    }

    @Override public Mono<Void> close() {
      return Mono.fromRunnable(() -> {
        closeCalls.incrementAndGet();
        if (!closed) {
          closed = true;
          closes.incrementAndGet();
        }
      });
    }
  }
}
