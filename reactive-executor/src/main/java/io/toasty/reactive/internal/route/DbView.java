package io.toasty.reactive.internal.route;

import io.toasty.CursorKey;
import io.toasty.Executor;
import io.toasty.ModelDef;
import io.toasty.Statement;
import io.toasty.driver.Operation;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * A {@code Db} with one thing changed for the statements run through it: another retry policy
 * ({@code Db.retrying}) or a statement timeout ({@code Db.timeout}), the latter written into
 * the subscriber's Context where the driver reads it. Everything else is the {@code Db}'s.
 */
public final class DbView implements Executor {
  private final Router db;
  private final Function<StatementNode, Flux<Value>> exec;
  private final UnaryOperator<Context> context;

  public DbView(Router db, Function<StatementNode, Flux<Value>> exec,
      UnaryOperator<Context> context) {
    this.db = db;
    this.exec = exec;
    this.context = context;
  }

  @Override
  public Flux<Value> exec(StatementNode statement) {
    return exec.apply(statement).contextWrite(context::apply);
  }

  @Override
  public Flux<Value.Record> execRaw(Operation.RawSql sql) {
    return db.execRaw(sql).contextWrite(context::apply);
  }

  @Override
  public Mono<List<Object>> execBatch(List<Statement.Snapshot<?>> statements) {
    return db.execBatch(statements).contextWrite(context::apply);
  }

  @Override
  public Flux<Value.Record> execPartiql(Operation.Partiql statement) {
    return db.execPartiql(statement).contextWrite(context::apply);
  }

  @Override
  public Optional<UnsupportedFeatureException> partiqlRefusal() {
    return db.partiqlRefusal();
  }

  @Override
  public String tableOf(ModelDef<?> model) {
    return db.tableOf(model);
  }

  @Override
  public Flux<Value.Record> execCypher(Operation.RawCypher statement) {
    return db.execCypher(statement).contextWrite(context::apply);
  }

  @Override
  public Flux<Value.Record> execPath(PathNode path) {
    return db.execPath(path).contextWrite(context::apply);
  }

  @Override
  public Optional<UnsupportedFeatureException> cypherRefusal() {
    return db.cypherRefusal();
  }

  @Override
  public Optional<UnsupportedFeatureException> rawSqlRefusal() {
    return db.rawSqlRefusal();
  }

  @Override
  public CursorKey cursorKey() {
    return db.cursorKey();
  }

  @Override
  public int bulkChunkRows(@Nullable ModelDef<?> model) {
    return db.bulkChunkRows(model);
  }
}
