package io.toasty.reactive.internal.batch;

import io.toasty.driver.Connection;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.PoolTimeoutException;
import io.toasty.planner.cache.Parameterize;
import io.toasty.reactive.exec.BoundPlan;
import io.toasty.schema.app.FieldSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.RowLock;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * Updates by key that wait for a connection at the same time, written by one statement
 * ({@link WaitingBatches}, {@link KeyUpdate}): {@code UPDATE .. SET f = CASE key WHEN k1 THEN v1
 * WHEN k2 THEN v2 .. ELSE f END WHERE key IN (k1, k2, ..)}, returning the rows it wrote, so that
 * each request counts 1 when its key was found and 0 when not, as its own statement would.
 *
 * <p>One statement of a backend that autocommits it is all or nothing: the requests of a batch
 * that succeeds are written together. When it fails, nothing of it was written, and each
 * request runs its own statement: so a request whose value a constraint refuses gets its own
 * error and the others are written. Two errors go to every request instead: a pool timeout,
 * which every request met waiting in the same queue, and a connection lost after the statement
 * may have reached the database, since it may have been written, and writing it again is not
 * what its own statement would have done.
 */
public final class KeyUpdates implements WaitingBatches.Kind<Value> {
  /** The count of a request whose key the batch found. */
  private static final Value ONE = new Value.I64(1);
  /** The count of a request whose key it did not find. */
  private static final Value NONE = new Value.I64(0);

  private final Function<UpdateNode, @Nullable BoundPlan> binder;
  private final BiFunction<BoundPlan, Connection, Flux<Value>> runner;
  private final UpdateNode update;
  private final FieldSchema key;
  private final String model;

  /**
   * @param binder plans an update and binds its values, as the {@code Db} runs it; null when
   *               the plan is not one statement on one connection
   * @param runner runs a bound plan on a connection, with the values {@code exec} emits
   * @param update the first request's update (its filter and values are replaced)
   */
  public KeyUpdates(Function<UpdateNode, @Nullable BoundPlan> binder,
      BiFunction<BoundPlan, Connection, Flux<Value>> runner, UpdateNode update, FieldSchema key,
      String model) {
    this.binder = binder;
    this.runner = runner;
    this.update = update;
    this.key = key;
    this.model = model;
  }

  @Override
  public boolean oncePerKey() {
    return true; // two values for one row cannot both be written by one statement
  }

  @Override
  public Flux<WaitingBatches.Keyed<Value>> statement(Connection c,
      List<WaitingBatches.Request<Value>> requests) {
    List<KeyUpdate> each = new ArrayList<>(requests.size());
    for (WaitingBatches.Request<Value> r : requests) {
      each.add((KeyUpdate) r.payload());
    }
    BoundPlan bound = binder.apply(statement(update, key, model, each,
        new Returning.Model(List.of(), false, List.of())));
    if (bound == null) {
      return Flux.error(new IllegalStateException("a batch of updates planned more than one "
          + "statement"));
    }
    return runner.apply(bound, c).map(row -> new WaitingBatches.Keyed<>(keyOf(row, key), ONE));
  }

  /**
   * The one statement that writes {@code each}, updates of {@code update}'s plan each to a key
   * of its own: {@code UPDATE .. SET f = CASE key WHEN k1 THEN v1 .. ELSE f END WHERE key IN
   * (k1, ..)}. Padded to a power of two of keys by repeating the last (as few plans as sizes);
   * a repeated key writes the same value again.
   *
   * @param update    the first update as written (its filter and values are replaced)
   * @param key       the model's one key field
   * @param model     the model's name
   * @param returning the rows it wrote (to tell which keys it found), or its count
   */
  public static UpdateNode statement(UpdateNode update, FieldSchema key, String model,
      List<KeyUpdate> each, Returning returning) {
    List<KeyUpdate> padded = new ArrayList<>(each);
    while (padded.size() < WaitingBatches.padded(each.size())) {
      padded.add(each.get(each.size() - 1));
    }
    List<ExprNode> keys = keys(padded);
    ExprNode.Field keyField = new ExprNode.Field(model, key.index());
    return new UpdateNode(update.target(), new ExprNode.InList(keyField, keys),
        assignments(keyField, keys, padded), returning);
  }

  /**
   * {@code SELECT .. WHERE key IN (k1, ..) FOR UPDATE} of {@code each}'s keys, padded as
   * {@link #statement} is: which of them are stored, locked until the transaction ends.
   */
  public static Query locked(FieldSchema key, String model, List<KeyUpdate> each) {
    List<ExprNode> keys = keys(each);
    while (keys.size() < WaitingBatches.padded(each.size())) {
      keys.add(keys.get(keys.size() - 1));
    }
    return Query.all(model)
        .withFilter(new ExprNode.InList(new ExprNode.Field(model, key.index()), keys))
        .withLock(new RowLock(RowLock.Mode.UPDATE, RowLock.OnLocked.WAIT));
  }

  private static List<ExprNode> keys(List<KeyUpdate> each) {
    List<ExprNode> keys = new ArrayList<>(each.size());
    for (KeyUpdate u : each) {
      keys.add(new ExprNode.Const(u.key().value()));
    }
    return keys;
  }

  /** The key of a row {@link #statement} returned, as {@link KeyGet#key()} holds it. */
  public static @Nullable Object keyOf(Value row, FieldSchema key) {
    return KeyGet.routed(((Value.Record) row).get(key.index()), key);
  }

  /** Updates one {@link #statement} writes at most: within every database's bind markers. */
  public static int mostKeys() {
    return WaitingBatches.MAX_KEYS;
  }

  /**
   * Per assigned field: a value that the plan holds as a literal (NULL, a boolean) is the same
   * in every request of the plan, and is assigned as it is; any other is the request's own, by
   * a {@code CASE} on the key whose otherwise is the field itself.
   */
  private static List<Assignment> assignments(ExprNode.Field keyField, List<ExprNode> keys,
      List<KeyUpdate> each) {
    KeyUpdate first = each.get(0);
    List<Assignment> out = new ArrayList<>(first.fields().size());
    for (int i = 0; i < first.fields().size(); i++) {
      int field = first.fields().get(i);
      Value value = first.values().get(i);
      if (!Parameterize.allParameters(List.of(value))) {
        out.add(new Assignment(field, new ExprNode.Const(value)));
        continue;
      }
      List<ExprNode> thens = new ArrayList<>(each.size());
      for (KeyUpdate u : each) {
        thens.add(new ExprNode.Const(u.values().get(i)));
      }
      out.add(new Assignment(field, new ExprNode.Case(keyField, keys, thens,
          new ExprNode.Field(keyField.model(), field))));
    }
    return out;
  }

  @Override
  public Value missing() {
    return NONE;
  }

  @Override
  public boolean shared(Throwable error) {
    return error instanceof PoolTimeoutException
        || error instanceof ConnectionLostException lost && !lost.nothingSent();
  }
}
