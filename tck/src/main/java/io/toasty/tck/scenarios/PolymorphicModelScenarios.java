package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.InvalidStatementException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.UnknownVariantException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.PolyCircles;
import io.toasty.tck.models.PolyClicks;
import io.toasty.tck.models.PolyEvent.PolyClick;
import io.toasty.tck.models.PolyEvent.PolyPurchase;
import io.toasty.tck.models.PolyEvent.PolyView;
import io.toasty.tck.models.PolyEvent;
import io.toasty.tck.models.PolyEvents;
import io.toasty.tck.models.PolyPurchases;
import io.toasty.tck.models.PolyShape.PolyCircle;
import io.toasty.tck.models.PolyShape.PolySquare;
import io.toasty.tck.models.PolyShape;
import io.toasty.tck.models.PolyShapes;
import io.toasty.tck.models.PolySquares;
import io.toasty.tck.models.PolyViews;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Polymorphic models: a sealed interface whose records share one table with a discriminator
 * column. The hierarchy's queries read every variant, each decoded into its record; a variant's
 * queries, gets, updates and deletes see its own rows only; a create writes its variant's
 * discriminator; the key is shared, so two variants cannot hold one key; a stored discriminator
 * no variant declares is a typed error; and a round trip of random values.
 */
@Models({PolyEvents.class, PolyShapes.class})
public abstract class PolymorphicModelScenarios {
  private static final Instant AT = Instant.parse("2031-05-06T07:08:09Z");

  private static PolyClick click(Db db, String user, String url) {
    return await(PolyClicks.create(new PolyClick(UUID.randomUUID(), user, AT, url,
        Optional.empty())).exec(db));
  }

  private static PolyPurchase purchase(Db db, String user, long cents) {
    return await(PolyPurchases.create(new PolyPurchase(UUID.randomUUID(), user, AT, cents, 1,
        Optional.of("SPRING"), Optional.of("gift"))).exec(db));
  }

  private static PolyView view(Db db, String user) {
    return await(PolyViews.create(new PolyView(UUID.randomUUID(), user, AT)).exec(db));
  }

  @BackendTest
  public void eachVariantReadsBackAsWrittenThroughItsEntryAndTheHierarchys(Db db) {
    PolyClick c = click(db, "ann", "https://example.com/ä?q=1");
    PolyPurchase p = purchase(db, "bob", 1999);
    PolyView v = view(db, "cid");
    assertEquals(c, await(PolyClicks.getById(db, c.id())));
    assertEquals(p, await(PolyPurchases.getById(db, p.id())));
    assertEquals(v, await(PolyViews.getById(db, v.id())));
    assertEquals(c, await(PolyEvents.getById(db, c.id())));
    assertEquals(p, await(PolyEvents.getById(db, p.id())));
    assertEquals(v, await(PolyEvents.getById(db, v.id())));
  }

  @BackendTest
  public void theHierarchysQueriesStreamEveryVariant(Db db) {
    PolyClick c = click(db, "ann", "u");
    PolyPurchase p = purchase(db, "ann", 5);
    PolyView v = view(db, "bob");
    List<PolyEvent> all = sorted(await(PolyEvents.all().collect(db)));
    assertEquals(sorted(List.of(c, p, v)), all);
    assertEquals(3L, await(PolyEvents.all().count(db)));
    assertEquals(sorted(List.of(c, p)),
        sorted(await(PolyEvents.filter(PolyEvents.USER.eq("ann")).collect(db))));
  }

  @BackendTest
  public void aVariantsQueriesSeeItsRecordsOnly(Db db) {
    PolyClick c1 = click(db, "ann", "a");
    PolyClick c2 = click(db, "bob", "b");
    purchase(db, "ann", 5);
    view(db, "ann");
    assertEquals(sorted(List.of(c1, c2)), sorted(await(PolyClicks.all().collect(db))));
    assertEquals(2L, await(PolyClicks.all().count(db)));
    assertEquals(1L, await(PolyPurchases.all().count(db)));
    assertEquals(List.of(c1), await(PolyClicks.filter(PolyEvents.USER.eq("ann")).collect(db)));
    assertEquals(1L, await(PolyViews.filter(PolyEvents.USER.eq("ann")).count(db)));
  }

  @BackendTest
  public void aFilterOnTheVariant(Db db) {
    PolyClick c = click(db, "ann", "a");
    PolyPurchase p = purchase(db, "bob", 5);
    PolyView v = view(db, "cid");
    assertEquals(List.of(c), await(PolyEvents.filter(PolyEvents.is(PolyClick.class)).collect(db)));
    assertEquals(sorted(List.of(p, v)),
        sorted(await(PolyEvents.filter(PolyEvents.isNot(PolyClick.class)).collect(db))));
    assertEquals(List.of(v), await(PolyEvents.filter(PolyEvents.is(PolyView.class)
        .and(PolyEvents.USER.eq("cid"))).collect(db)));
    assertEquals("click", PolyEvents.discriminant(PolyClick.class));
    assertEquals("PolyView", PolyEvents.discriminant(PolyView.class));
  }

  @BackendTest
  public void aVariantsColumnsAreNullInOtherVariantsRows(Db db) {
    PolyClick c = click(db, "ann", "a");
    PolyPurchase p = purchase(db, "bob", 5);
    PolyView v = view(db, "cid");
    assertEquals(sorted(List.of(p, v)),
        sorted(await(PolyEvents.filter(PolyEvents.URL.isNull()).collect(db))));
    assertEquals(sorted(List.of(c, v)),
        sorted(await(PolyEvents.filter(PolyEvents.CENTS.isNull()).collect(db))));
    // note is shared by clicks and purchases: this click's is absent, the purchase's is not
    assertEquals(List.of(p), await(PolyEvents.filter(PolyEvents.NOTE.eq("gift")).collect(db)));
    assertEquals(List.of(p), await(PolyEvents.filter(PolyEvents.CENTS.gt(1L)).collect(db)));
  }

  @BackendTest
  public void anotherVariantsKeyIsNotFoundThroughAVariantsEntry(Db db) {
    PolyPurchase p = purchase(db, "bob", 5);
    RecordNotFoundException e = failure(RecordNotFoundException.class,
        () -> PolyClicks.getById(db, p.id()));
    assertTrue(e.getMessage().contains("PolyEvent"), e.getMessage());
    assertFalse(await(PolyClicks.filterById(p.id()).exists(db)));
    assertEquals(p, await(PolyPurchases.getById(db, p.id())));
  }

  @BackendTest
  public void updatesTouchTheirVariantsRecordsOnly(Db db) {
    PolyClick c = click(db, "ann", "a");
    PolyPurchase p = purchase(db, "ann", 5);
    assertEquals(1L, await(PolyClicks.filter(PolyEvents.USER.eq("ann")).update().user("zed")
        .exec(db)));
    assertEquals("zed", await(PolyClicks.getById(db, c.id())).user());
    assertEquals(p, await(PolyPurchases.getById(db, p.id())));
    assertEquals(0L, await(PolyClicks.updateById(p.id()).user("zed").exec(db)));
    assertEquals(p, await(PolyPurchases.getById(db, p.id())));
    PolyPurchase changed = new PolyPurchase(p.id(), "amy", AT.plusSeconds(60), 7, 3,
        Optional.empty(), Optional.empty());
    assertEquals(changed, await(PolyPurchases.update(changed).exec(db)));
    assertEquals(changed, await(PolyEvents.getById(db, p.id())));
    assertEquals(1L, await(PolyPurchases.updateById(p.id()).coupon(Optional.of("X")).exec(db)));
    assertEquals(Optional.of("X"), await(PolyPurchases.getById(db, p.id())).coupon());
  }

  @BackendTest
  public void deletesTouchTheirVariantsRecordsOnly(Db db) {
    PolyClick c = click(db, "ann", "a");
    PolyPurchase p = purchase(db, "ann", 5);
    PolyView v = view(db, "ann");
    assertEquals(0L, await(PolyClicks.deleteById(p.id()).exec(db)));
    assertEquals(1L, await(PolyClicks.filter(PolyEvents.USER.eq("ann")).delete().exec(db)));
    assertEquals(sorted(List.of(p, v)), sorted(await(PolyEvents.all().collect(db))));
    assertEquals(1L, await(PolyViews.delete(v).exec(db)));
    assertEquals(List.of(p), await(PolyEvents.all().collect(db)));
    assertEquals(1L, await(PolyEvents.deleteById(p.id()).exec(db)));
    assertEquals(0L, await(PolyEvents.all().count(db)));
    assertFalse(await(PolyEvents.filterById(c.id()).exists(db)));
  }

  @BackendTest
  public void twoVariantsCannotHoldOneKey(Db db) {
    PolyClick c = click(db, "ann", "a");
    failure(UniqueViolationException.class, () -> PolyPurchases.create(new PolyPurchase(c.id(),
        "bob", AT, 1, 1, Optional.empty(), Optional.empty())).exec(db));
    assertEquals(List.of(c), await(PolyEvents.all().collect(db)));
  }

  @BackendTest
  public void manyOfAVariantInOneInsert(Db db) {
    List<PolyClick> clicks = List.of(
        new PolyClick(UUID.randomUUID(), "ann", AT, "a", Optional.of("n")),
        new PolyClick(UUID.randomUUID(), "bob", AT, "b", Optional.empty()));
    assertEquals(sorted(clicks), sorted(await(PolyClicks.createMany(clicks).exec(db))));
    assertEquals(sorted(clicks), sorted(await(PolyEvents.all().collect(db))));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void recordsOrderByTheDiscriminator(Db db) {
    PolySquare s = await(PolySquares.create(new PolySquare(1, "s", 2.5, Optional.empty()))
        .exec(db));
    PolyCircle c = await(PolyCircles.create(new PolyCircle(2, "c", Optional.of("red"), 0, true))
        .exec(db));
    PolySquare t = await(PolySquares.create(new PolySquare(3, "t", 1, Optional.of(4L)))
        .exec(db));
    // numeric discriminators: the circle's -7 before the squares' 1
    assertEquals(List.of(c, s, t), await(PolyShapes.all()
        .orderBy(PolyShapes.DISCRIMINATOR.asc(), PolyShapes.ID.asc()).collect(db)));
    assertEquals(List.of(t, s), await(PolySquares.all().orderBy(PolyShapes.ID.desc())
        .collect(db)));
  }

  @BackendTest
  public void nullWhereAValueIsRequiredIsRefusedNamingTheField(Db db) {
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> PolyClicks.create(new PolyClick(UUID.randomUUID(), null, AT, "u",
            Optional.empty())));
    assertTrue(e.getMessage().contains("PolyClick") && e.getMessage().contains("user"),
        e.getMessage());
    e = assertThrows(InvalidStatementException.class,
        () -> PolyClicks.updateById(UUID.randomUUID()).set(PolyEvents.DISCRIMINATOR, "purchase"));
    assertTrue(e.getMessage().contains("discriminator"), e.getMessage());
    assertEquals(0L, await(PolyEvents.all().count(db)));
  }

  /** A row written by a newer model (a variant this one lacks) fails to read, naming it. */
  @BackendTest
  @Requires(Need.RAW_WRITES)
  public void aStoredDiscriminatorMatchingNoVariantIsATypedError(Db db, BackendContext ctx) {
    PolyClick c = click(db, "ann", "a");
    if (db.capability().partiql()) {
      await(db.partiql("UPDATE \"poly_events\" SET \"discriminator\" = 'refund'"
          + " WHERE \"id\" = :id").bind("id", c.id()).execute());
    } else {
      ctx.executeSql("UPDATE " + ctx.quote("poly_events") + " SET "
          + ctx.quote("discriminator") + " = 'refund'");
    }
    UnknownVariantException e = failure(UnknownVariantException.class,
        () -> PolyEvents.getById(db, c.id()));
    assertEquals(Optional.of("PolyEvent"), e.model());
    assertEquals("refund", e.value());
    assertEquals(0L, await(PolyClicks.all().count(db)));
  }

  /** 1,000 random events and 1,000 random shapes of every variant, read back whole. */
  @BackendTest
  public void randomRecordsOfEveryVariantRoundTrip(Db db) {
    Random random = new Random(17);
    Map<UUID, PolyEvent> events = new HashMap<>();
    Map<Long, PolyShape> shapes = new HashMap<>();
    List<PolyClick> clicks = new ArrayList<>();
    List<PolyPurchase> purchases = new ArrayList<>();
    List<PolyView> views = new ArrayList<>();
    List<PolySquare> squares = new ArrayList<>();
    List<PolyCircle> circles = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      PolyEvent e = randomEvent(random);
      events.put(id(e), e);
      if (e instanceof PolyClick c) {
        clicks.add(c);
      } else if (e instanceof PolyPurchase p) {
        purchases.add(p);
      } else {
        views.add((PolyView) e);
      }
      PolyShape s = randomShape(random, i);
      shapes.put((long) i, s);
      if (s instanceof PolySquare q) {
        squares.add(q);
      } else {
        circles.add((PolyCircle) s);
      }
      if (i % 25 == 24 || i == 999) {
        flush(db, clicks, purchases, views, squares, circles);
      }
    }
    List<String> differences = new ArrayList<>();
    for (PolyEvent read : await(PolyEvents.all().collect(db))) {
      if (!read.equals(events.remove(id(read)))) {
        differences.add(read.toString());
      }
    }
    for (PolyShape read : await(PolyShapes.all().collect(db))) {
      long key = read instanceof PolySquare q ? q.id() : ((PolyCircle) read).id();
      if (!read.equals(shapes.remove(key))) {
        differences.add(read.toString());
      }
    }
    events.values().forEach(e -> differences.add("missing " + e));
    shapes.values().forEach(s -> differences.add("missing " + s));
    assertEquals(List.of(), differences);
  }

  private static void flush(Db db, List<PolyClick> clicks, List<PolyPurchase> purchases,
      List<PolyView> views, List<PolySquare> squares, List<PolyCircle> circles) {
    if (!clicks.isEmpty()) {
      await(PolyClicks.createMany(clicks).exec(db));
    }
    if (!purchases.isEmpty()) {
      await(PolyPurchases.createMany(purchases).exec(db));
    }
    if (!views.isEmpty()) {
      await(PolyViews.createMany(views).exec(db));
    }
    if (!squares.isEmpty()) {
      await(PolySquares.createMany(squares).exec(db));
    }
    if (!circles.isEmpty()) {
      await(PolyCircles.createMany(circles).exec(db));
    }
    List.of(clicks, purchases, views, squares, circles).forEach(List::clear);
  }

  private static final String[] TEXTS = {"", " ", "a", "Grüße", "日本語テキスト", "🎉🚀",
      "שלום", "∀x∈ℝ", "'; DROP TABLE poly_events; --", "back\\slash", "line\nbreak", "tab\t",
      "%_", "\"quoted\"", "click", "purchase"};
  private static final long[] LONGS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE,
      Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final int[] INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final double[] DOUBLES = {0.0, 1.0, -1.0, 0.1, 123456.789, -9.87654321e50,
      3.14e-50};

  private static PolyEvent randomEvent(Random random) {
    UUID id = UUID.nameUUIDFromBytes(Long.toString(random.nextLong()).getBytes(
        StandardCharsets.UTF_8));
    String user = text(random);
    // whole seconds: every backend stores them exactly
    Instant at = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE));
    return switch (random.nextInt(3)) {
      case 0 -> new PolyClick(id, user, at, text(random), optionalText(random));
      case 1 -> new PolyPurchase(id, user, at, pick(random, LONGS, random.nextLong()),
          random.nextBoolean() ? INTS[random.nextInt(INTS.length)] : random.nextInt(),
          optionalText(random), optionalText(random));
      default -> new PolyView(id, user, at);
    };
  }

  private static PolyShape randomShape(Random random, long id) {
    return random.nextBoolean()
        ? new PolySquare(id, text(random), random.nextBoolean() ? random.nextDouble()
            : DOUBLES[random.nextInt(DOUBLES.length)],
            random.nextBoolean() ? Optional.empty()
                : Optional.of(pick(random, LONGS, random.nextLong())))
        : new PolyCircle(id, text(random), optionalText(random),
            random.nextBoolean() ? INTS[random.nextInt(INTS.length)] : random.nextInt(),
            random.nextBoolean());
  }

  private static long pick(Random random, long[] extremes, long otherwise) {
    return random.nextBoolean() ? extremes[random.nextInt(extremes.length)] : otherwise;
  }

  private static Optional<String> optionalText(Random random) {
    return random.nextInt(3) == 0 ? Optional.empty() : Optional.of(text(random));
  }

  private static String text(Random random) {
    return RandomTexts.text(random, TEXTS);
  }

  private static UUID id(PolyEvent e) {
    if (e instanceof PolyClick c) {
      return c.id();
    }
    return e instanceof PolyPurchase p ? p.id() : ((PolyView) e).id();
  }

  private static List<PolyEvent> sorted(List<? extends PolyEvent> events) {
    return events.stream().map(e -> (PolyEvent) e)
        .sorted(Comparator.comparing(PolyEvent::toString)).toList();
  }
}
