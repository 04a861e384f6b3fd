package io.toasty.reactive.internal.change;

import io.toasty.Change;
import io.toasty.Executor;
import io.toasty.ModelDef;
import io.toasty.driver.ChangeNotice;
import io.toasty.error.InvalidResumeTokenException;
import io.toasty.reactive.internal.batch.WaitingBatches;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes a driver's change notices into {@link Change}s: the notices that came while the
 * subscriber was busy are taken as one batch (at most {@value #BATCH} of them), whose created
 * and updated keys are read in one query through the normal query path; the changes keep the
 * notices' order, a soft delete reported as a delete. For one stream ({@link #of}, a resumed
 * one) the next batch is read only when the subscriber asks for more, so a slow subscriber
 * holds back its reads; the live streams of a model share each batch's read
 * ({@link ChangeFanOut}), which takes the next batch as soon as the last is read. The notices
 * wait in memory (the driver cannot tell the database to hold them), at most a bounded number
 * of them, past which a {@link Change.Kind#GAP} stands for the ones dropped
 * ({@link BoundedNotices}).
 */
public final class ChangeReads<M> {
  /** The most notices read in one query: those that waited while the subscriber was busy. */
  static final int BATCH = 256;

  private final Executor reader;
  private final ModelDef<M> model;

  ChangeReads(Executor reader, ModelDef<M> model) {
    this.reader = reader;
    this.model = model;
  }

  /**
   * The changes of {@code model} that the driver's notices report, read through
   * {@code reader} for this stream alone; at most {@code waiting} notices wait for the
   * subscriber. {@code driver} gives the notices after a driver's token, or from now on for
   * {@code null}: a {@code resumeToken} given (a {@link Change#resumeToken()}) is read back
   * into the driver's token it was made of. The live streams of a {@code Db} share their reads
   * instead ({@link ChangeFanOut}).
   */
  public static <M> Flux<Change<M>> of(Function<@Nullable String, Flux<ChangeNotice>> driver,
      @Nullable String resumeToken, Executor reader, ModelDef<M> model, int waiting) {
    return Flux.defer(() -> {
      String after = null;
      if (resumeToken != null) {
        int slash = resumeToken.lastIndexOf('/');
        if (slash <= 0) {
          return Flux.error(new InvalidResumeTokenException(model.name(), resumeToken,
              "not the token of a record's change (a mark's token cannot be resumed after)"));
        }
        after = resumeToken.substring(0, slash);
      }
      ChangeReads<M> reads = new ChangeReads<>(reader, model);
      ChangeNumbering<M> numbering = new ChangeNumbering<>();
      return BoundedNotices.of(driver.apply(after), waiting, BATCH)
          .concatMap(batch -> reads.read(batch).flatMapIterable(numbering::changes), 0);
    });
  }

  /**
   * The notices of {@code notices} with their records, a batch (the notices that waited while
   * the last one was read, at most {@code waiting} of them) at a time as the subscriber asks.
   */
  Flux<List<ReadNotice<M>>> batches(Flux<ChangeNotice> notices, int waiting) {
    return BoundedNotices.of(notices, waiting, BATCH).concatMap(this::read, 0);
  }

  /** The notices of one batch, in its order, with their records read in one query. */
  private Mono<List<ReadNotice<M>>> read(List<ChangeNotice> notices) {
    Set<Value.Record> keys = new LinkedHashSet<>();
    for (ChangeNotice n : notices) {
      if (n.kind() == Change.Kind.CREATED || n.kind() == Change.Kind.UPDATED) {
        keys.add(n.key());
      }
    }
    if (keys.isEmpty()) {
      return Mono.fromSupplier(() -> withRecords(notices, Map.of()));
    }
    return reader.read(Query.all(model.name()).withFilter(filter(keys)), model)
        .collectMap(model::keyOf)
        .map(records -> withRecords(notices, records));
  }

  private List<ReadNotice<M>> withRecords(List<ChangeNotice> notices,
      Map<Value.Record, M> records) {
    List<ReadNotice<M>> out = new ArrayList<>(notices.size());
    for (ChangeNotice n : notices) {
      if (n.key() == null) {
        out.add(ReadNotice.mark(n.kind()));
      } else {
        M record = n.kind() == Change.Kind.DELETED ? null : records.get(n.key());
        Value.@Nullable Record old = n.old();
        out.add(new ReadNotice<>(n, kind(n.kind(), record), record,
            old == null ? null : model.load(old)));
      }
    }
    return out;
  }

  /**
   * What a notice of {@code kind} reports: an update of a soft-deleted model whose record the
   * read no longer sees (it hides deleted records like every read) deleted it, so the stream
   * says DELETED, as for a hard delete (docs/models.md, Soft delete).
   */
  private Change.Kind kind(Change.Kind kind, @Nullable M record) {
    return kind == Change.Kind.UPDATED && record == null
        && model.schema().softDeleteField() != null ? Change.Kind.DELETED : kind;
  }

  /**
   * {@code key IN (..)} for a key of one field, else an OR of each key's fields' equalities;
   * padded to a power of two with the last key repeated, as {@code KeysRead} pads a batch, so
   * that a model has as few plans of it as sizes, not one per batch size up to {@value #BATCH}.
   */
  private ExprNode filter(Set<Value.Record> distinct) {
    List<Value.Record> keys = new ArrayList<>(distinct);
    while (keys.size() < WaitingBatches.padded(distinct.size())) {
      keys.add(keys.get(keys.size() - 1));
    }
    List<Integer> fields = model.schema().primaryKey();
    if (fields.size() == 1) {
      List<ExprNode> items = new ArrayList<>(keys.size());
      keys.forEach(k -> items.add(new ExprNode.Const(k.get(0))));
      return new ExprNode.InList(new ExprNode.Field(model.name(), fields.get(0)), items);
    }
    List<ExprNode> each = new ArrayList<>(keys.size());
    for (Value.Record key : keys) {
      List<ExprNode> equal = new ArrayList<>(fields.size());
      for (int i = 0; i < fields.size(); i++) {
        equal.add(new ExprNode.Compare(ExprNode.CompareOp.EQ,
            new ExprNode.Field(model.name(), fields.get(i)), new ExprNode.Const(key.get(i))));
      }
      each.add(new ExprNode.And(equal));
    }
    return new ExprNode.Or(each);
  }
}
