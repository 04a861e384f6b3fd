package io.toasty.reactive.internal.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Change;
import io.toasty.Executor;
import io.toasty.ModelDef;
import io.toasty.driver.ChangeNotice;
import io.toasty.error.InvalidResumeTokenException;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** Notices made into changes: marks kept, created and updated keys read in one query. */
class ChangeReadsTest {
  record Item(String code, String label) {}

  static final ModelSchema ITEM = new ModelSchema("Item", "t.Item", "items", List.of(
      new FieldSchema(0, "code", Type.Scalar.STRING, false, null, null, "code"),
      new FieldSchema(1, "label", Type.Scalar.STRING, false, null, null, "label")),
      List.of(0), List.of()).withChanges();

  static final ModelDef<Item> MODEL = new ModelDef<>() {
    @Override
    public ModelSchema schema() {
      return ITEM;
    }

    @Override
    public Class<Item> type() {
      return Item.class;
    }

    @Override
    public Item load(Value.Record row) {
      return new Item(((Value.Str) row.get(0)).value(), ((Value.Str) row.get(1)).value());
    }

    @Override
    public Value.Record values(Item record) {
      return Value.Record.of(new Value.Str(record.code()), new Value.Str(record.label()));
    }
  };

  /** The items stored now, and the filters of the reads. */
  static final class Store implements Executor {
    final Map<String, Item> items;
    final List<ExprNode> filters = new ArrayList<>();

    Store(Map<String, Item> items) {
      this.items = items;
    }

    @Override
    public Flux<Value> exec(StatementNode statement) {
      return Flux.error(new AssertionError("no statement but reads"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <M> Flux<M> read(Query query, ModelDef<M> model) {
      filters.add(query.filter());
      ExprNode.InList in = (ExprNode.InList) query.filter();
      return Flux.fromIterable(in.items())
          .map(i -> ((Value.Str) ((ExprNode.Const) i).value()).value())
          .filter(items::containsKey)
          .map(code -> (M) items.get(code));
    }
  }

  private static ChangeNotice notice(Change.Kind kind, String code) {
    return new ChangeNotice(kind, Value.Record.of(new Value.Str(code)), "9." + code);
  }

  @Test
  void aBatchIsOneReadAndKeepsTheNoticesOrder() {
    Store store = new Store(Map.of("a", new Item("a", "A2"), "b", new Item("b", "B")));
    List<ChangeNotice> notices = List.of(ChangeNotice.mark(Change.Kind.LISTENING),
        notice(Change.Kind.CREATED, "a"), notice(Change.Kind.UPDATED, "a"),
        notice(Change.Kind.CREATED, "b"), notice(Change.Kind.DELETED, "c"),
        notice(Change.Kind.CREATED, "gone"), ChangeNotice.mark(Change.Kind.GAP));
    List<Change<Item>> changes = ChangeReads.of(a -> Flux.fromIterable(notices), null, store, MODEL,
        64)
        .collectList().block();

    assertEquals(notices.stream().map(ChangeNotice::kind).toList(),
        changes.stream().map(Change::kind).toList());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L),
        changes.stream().map(Change::position).toList());
    assertEquals(new Item("a", "A2"), changes.get(1).record());
    assertEquals(new Item("a", "A2"), changes.get(2).record());
    assertEquals(new Item("b", "B"), changes.get(3).record());
    assertNull(changes.get(4).record(), "a delete has no record");
    assertEquals(Value.Record.of(new Value.Str("c")), changes.get(4).key());
    assertNull(changes.get(5).record(), "deleted before it was read");
    assertNull(changes.get(6).key(), "a mark has no key");
    assertEquals("9.a/2", changes.get(1).resumeToken());
    assertEquals(1, store.filters.size(), "reads of the batch");
    List<ExprNode> items = ((ExprNode.InList) store.filters.get(0)).items();
    assertEquals(3, items.stream().distinct().count(), "each key read once: a, b, gone");
    assertEquals(4, items.size(), "padded to a power of two, the last key repeated");
    assertEquals(items.get(2), items.get(3), "padded with the last key");
  }

  @Test
  void marksAloneReadNothing() {
    Store store = new Store(Map.of());
    List<Change<Item>> changes = ChangeReads.of(a -> Flux.just(
        ChangeNotice.mark(Change.Kind.LISTENING)), null, store, MODEL, 64).collectList().block();
    assertEquals(Change.Kind.LISTENING, changes.get(0).kind());
    assertEquals(List.of(), store.filters);
  }

  /** A change's resume token is given back to the driver as the driver's own token. */
  @Test
  void aResumeTokenIsReadBackIntoTheDriversToken() {
    Store store = new Store(Map.of());
    List<String> asked = new ArrayList<>();
    ChangeReads.of(a -> {
      asked.add(a);
      return Flux.just(ChangeNotice.mark(Change.Kind.LISTENING));
    }, "812.40/7", store, MODEL, 64).collectList().block();
    assertEquals(List.of("812.40"), asked);
  }

  /** A mark's token (no driver token in it) is refused as bad input, before the driver. */
  @Test
  void aMarksTokenIsRefused() {
    Store store = new Store(Map.of());
    List<String> asked = new ArrayList<>();
    InvalidResumeTokenException refused = assertThrows(InvalidResumeTokenException.class,
        () -> ChangeReads.of(a -> {
          asked.add(a);
          return Flux.<ChangeNotice>empty();
        }, "3", store, MODEL, 64).blockLast());
    assertTrue(refused.getMessage().contains("'3'"), refused.getMessage());
    assertEquals(List.of(), asked);
  }

  /** A notice's values before the change (DynamoDB's old image) become the change's old(). */
  @Test
  void theOldValuesAreLoadedAsTheOldRecord() {
    Store store = new Store(Map.of("a", new Item("a", "A2")));
    List<Change<Item>> changes = ChangeReads.of(a -> Flux.just(new ChangeNotice(
            Change.Kind.UPDATED, Value.Record.of(new Value.Str("a")), "s:1",
            Value.Record.of(new Value.Str("a"), new Value.Str("A1")))), null, store, MODEL, 64)
        .collectList().block();
    assertEquals(new Item("a", "A1"), changes.get(0).old());
    assertEquals(new Item("a", "A2"), changes.get(0).record());
  }
}
