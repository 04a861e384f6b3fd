package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.OrderLine;
import io.toasty.tck.models.OrderLine.LineId;
import io.toasty.tck.models.OrderLineCreate;
import io.toasty.tck.models.OrderLines;
import io.toasty.tck.models.WideLine;
import io.toasty.tck.models.WideLines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * An embedded record as the primary key ({@code @Key LineId id}): created, found, updated and
 * deleted by the record, its parts filtered and ordered by their typed paths (on DynamoDB the
 * partition and the sort key), a duplicate refused, and a round trip of random keys and values.
 */
@Models(OrderLines.class)
public abstract class EmbeddedKeyScenarios {

  private static OrderLine line(Db db, long order, int line, String product) {
    return await(OrderLines.create().id(new LineId(order, line)).product(product).quantity(1)
        .exec(db));
  }

  private static List<Integer> lines(List<OrderLine> read) {
    return read.stream().map(l -> l.id().line()).toList();
  }

  @BackendTest
  public void aRecordIsCreatedAndFoundByItsKeyRecord(Db db) {
    OrderLine tea = await(OrderLines.create().id(new LineId(7, 1)).product("tea").quantity(3)
        .note("Grüße").exec(db));
    assertEquals(new OrderLine(new LineId(7, 1), "tea", 3, Optional.of("Grüße")), tea);
    assertEquals(tea, await(OrderLines.getById(db, new LineId(7, 1))));
  }

  @BackendTest
  public void theSameLineInTwoOrdersIsTwoRecords(Db db) {
    line(db, 7, 1, "tea");
    line(db, 8, 1, "coffee");
    assertEquals("tea", await(OrderLines.getById(db, new LineId(7, 1))).product());
    assertEquals("coffee", await(OrderLines.getById(db, new LineId(8, 1))).product());
  }

  @BackendTest
  public void aMissingKeyIsRecordNotFoundNamingItsParts(Db db) {
    line(db, 7, 1, "tea");
    RecordNotFoundException e = failure(RecordNotFoundException.class,
        () -> OrderLines.getById(db, new LineId(7, 2)));
    assertEquals(Optional.of("OrderLine"), e.model());
    assertTrue(e.getMessage().contains("id.line"), e.getMessage());
  }

  @BackendTest
  public void aDuplicateKeyIsAUniqueViolationAndChangesNothing(Db db) {
    line(db, 7, 1, "tea");
    UniqueViolationException e = failure(UniqueViolationException.class,
        () -> OrderLines.create().id(new LineId(7, 1)).product("other").quantity(2).exec(db));
    assertEquals(Optional.of("OrderLine"), e.model());
    assertEquals("tea", await(OrderLines.getById(db, new LineId(7, 1))).product());
  }

  @BackendTest
  public void anUpdateByTheKeyRecordChangesOneRecord(Db db) {
    line(db, 7, 1, "tea");
    line(db, 7, 2, "milk");
    assertEquals(1L, await(OrderLines.updateById(new LineId(7, 2)).quantity(5).exec(db)));
    assertEquals(5, await(OrderLines.getById(db, new LineId(7, 2))).quantity());
    assertEquals(1, await(OrderLines.getById(db, new LineId(7, 1))).quantity());
  }

  @BackendTest
  public void anInstanceUpdateAndDeleteUseTheWholeKey(Db db) {
    OrderLine tea = line(db, 7, 1, "tea");
    line(db, 8, 1, "coffee");
    OrderLine updated = await(OrderLines.update(tea).product("green tea").exec(db));
    assertEquals("green tea", updated.product());
    assertEquals(1L, await(OrderLines.delete(updated).exec(db)));
    assertEquals(List.of("coffee"), await(OrderLines.all().collect(db)).stream()
        .map(OrderLine::product).toList());
  }

  @BackendTest
  public void aDeleteByTheKeyRecordRemovesOneRecord(Db db) {
    line(db, 7, 1, "tea");
    line(db, 7, 2, "milk");
    assertEquals(1L, await(OrderLines.deleteById(new LineId(7, 1)).exec(db)));
    assertEquals(0L, await(OrderLines.deleteById(new LineId(7, 1)).exec(db)));
    assertEquals(List.of(2), lines(await(OrderLines.all().collect(db))));
  }

  /** The key's first part selects an order (DynamoDB: one partition), the second orders it. */
  @BackendTest
  public void theKeysPartsFilterAndOrderByTheirTypedPaths(Db db) {
    for (int n : List.of(3, 1, 5, 2, 4)) {
      line(db, 7, n, "p" + n);
    }
    line(db, 8, 9, "other");
    assertEquals(List.of(1, 2, 3, 4, 5), lines(await(OrderLines.filter(
        OrderLines.ID.ORDER_ID.eq(7L)).orderBy(OrderLines.ID.LINE.asc()).collect(db))));
    assertEquals(List.of(5, 4, 3), lines(await(OrderLines.filter(
        OrderLines.ID.ORDER_ID.eq(7L)).orderBy(OrderLines.ID.LINE.desc()).limit(3)
        .collect(db))));
    assertEquals(List.of(2, 3, 4), lines(await(OrderLines.filter(
        OrderLines.ID.ORDER_ID.eq(7L).and(OrderLines.ID.LINE.between(2, 4)))
        .orderBy(OrderLines.ID.LINE.asc()).collect(db))));
  }

  @BackendTest
  public void anUpsertByTheKeyRecordWritesBothPaths(Db db) {
    LineId id = new LineId(7, 1);
    await(OrderLines.upsert().id(id).product("tea").quantity(1).exec(db));
    await(OrderLines.upsert().id(id).product("tea").quantity(4).note("more").exec(db));
    OrderLine read = await(OrderLines.getById(db, id));
    assertEquals(4, read.quantity());
    assertEquals(Optional.of("more"), read.note());
    assertEquals(1, await(OrderLines.all().collect(db)).size());
  }

  /**
   * A key record of three fields is a key of three columns: held on SQL; DynamoDB refuses the
   * table when its schema is pushed ({@code KEY_SHAPE}), before any record is written.
   */
  @BackendTest
  @Requires(Need.WIDE_KEYS)
  public void aKeyRecordOfThreeFieldsIsAThreeColumnKey(Db db, BackendContext context) {
    Db wide = context.open(List.of(WideLines.MODEL)).db();
    WideLine.WideId id = new WideLine.WideId("nord", 7, 1);
    await(WideLines.create().id(id).label("a").exec(wide));
    await(WideLines.create().id(new WideLine.WideId("sør", 7, 1)).label("b").exec(wide));
    assertEquals("a", await(WideLines.getById(wide, id)).label());
    assertEquals(List.of("b"), await(WideLines.filter(WideLines.ID.REGION.eq("sør"))
        .collect(wide)).stream().map(WideLine::label).toList());
  }

  /** 1,000 random lines: keys at the extremes, Unicode and empty products, absent notes. */
  @BackendTest
  public void randomKeysAndValuesRoundTrip(Db db) {
    Random random = new Random(31);
    Map<LineId, OrderLine> written = new HashMap<>();
    List<OrderLineCreate> batch = new ArrayList<>();
    while (written.size() < 1000) {
      LineId id = new LineId(random.nextBoolean() ? random.nextLong()
          : LONGS[random.nextInt(LONGS.length)], random.nextBoolean() ? random.nextInt()
          : INTS[random.nextInt(INTS.length)]);
      if (written.containsKey(id)) {
        continue;
      }
      OrderLine l = new OrderLine(id, text(random), INTS[random.nextInt(INTS.length)],
          random.nextInt(3) == 0 ? Optional.empty() : Optional.of(text(random)));
      written.put(id, l);
      batch.add(OrderLines.create().id(id).product(l.product()).quantity(l.quantity())
          .note(l.note()));
      if (batch.size() == 25) {
        await(OrderLines.createMany(batch).exec(db));
        batch.clear();
      }
    }
    assertEquals(List.of(), RoundTrips.differences(written, await(OrderLines.all().collect(db)),
        OrderLine::id));
  }

  private static final String[] TEXTS = {"", " ", "a", "Grüße", "日本語テキスト", "🎉🚀",
      "שלום", "'; DROP TABLE sealdoc_order_lines; --", "back\\slash", "line\nbreak", "%_",
      "\"quoted\"", "\u007f\u0001"};
  private static final long[] LONGS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE};
  private static final int[] INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};

  private static String text(Random random) {
    return RandomTexts.text(random, TEXTS);
  }
}
