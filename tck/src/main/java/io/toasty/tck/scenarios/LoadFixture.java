package io.toasty.tck.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.Executor;
import io.toasty.reactive.Db;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Basket;
import io.toasty.tck.models.BasketCreate;
import io.toasty.tck.models.Baskets;
import io.toasty.tck.models.CardCreate;
import io.toasty.tck.models.Cards;
import io.toasty.tck.models.ItemCreate;
import io.toasty.tck.models.Items;
import io.toasty.tck.models.Shopper;
import io.toasty.tck.models.ShopperCreate;
import io.toasty.tck.models.Shoppers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The load family's data: a seed of shoppers with baskets, items and cards that every round reads,
 * and the groups of rows that rounds write (each group tagged in every table, so that a group
 * found partly written is a partial commit whichever table holds the rest).
 */
final class LoadFixture {
  /** The seed's round tag. */
  static final String SEED = "seed";
  /** Seed shoppers; every other one has a card. */
  static final int SHOPPERS = 20;
  /** Baskets per seed shopper. */
  static final int BASKETS = 3;
  /** Items per basket. */
  static final int ITEMS = 2;
  /** Rows a transactional group writes: a shopper, two baskets of two items, a card. */
  static final int TX_GROUP_ROWS = 1 + 2 + 4 + 1;
  /** Shoppers a many-row create writes. */
  static final int MANY_GROUP_ROWS = 3;
  /** Creates per statement while seeding (within DynamoDB's 100 items per transaction). */
  private static final int CHUNK = 25;

  private LoadFixture() {}

  /** Writes the seed and returns its shoppers' keys. */
  static List<UUID> seed(Db db) {
    List<ShopperCreate> shoppers = new ArrayList<>();
    for (int s = 0; s < SHOPPERS; s++) {
      shoppers.add(Shoppers.create().round(SEED).name(String.format("s%02d", s)));
    }
    List<Shopper> made = createAll(shoppers, c -> Shoppers.createMany(c).exec(db));
    made.sort((a, b) -> a.name().compareTo(b.name()));
    List<BasketCreate> baskets = new ArrayList<>();
    List<CardCreate> cards = new ArrayList<>();
    for (int s = 0; s < made.size(); s++) {
      Shopper shopper = made.get(s);
      for (int b = 0; b < BASKETS; b++) {
        baskets.add(Baskets.create().shopperId(shopper.id()).label(SEED).seq(b));
      }
      if (s % 2 == 0) {
        cards.add(Cards.create().shopperId(shopper.id()).number(SEED + s));
      }
    }
    List<Basket> madeBaskets = createAll(baskets, c -> Baskets.createMany(c).exec(db));
    List<ItemCreate> items = new ArrayList<>();
    for (Basket basket : madeBaskets) {
      for (int i = 0; i < ITEMS; i++) {
        items.add(Items.create().basketId(basket.id()).sku(SEED));
      }
    }
    createAll(items, c -> Items.createMany(c).exec(db));
    createAll(cards, c -> Cards.createMany(c).exec(db));
    List<UUID> keys = new ArrayList<>();
    made.forEach(s -> keys.add(s.id()));
    return keys;
  }

  private static <C, M> List<M> createAll(List<C> creates,
      Function<List<C>, Mono<List<M>>> insert) {
    List<M> out = new ArrayList<>();
    for (int i = 0; i < creates.size(); i += CHUNK) {
      out.addAll(Tck.await(insert.apply(creates.subList(i, Math.min(creates.size(), i + CHUNK)))));
    }
    return out;
  }

  /** The seed's shoppers with their baskets, the baskets' items and their cards: two levels. */
  static Mono<List<Shopper>> seedWithIncludes(Executor db, int limit) {
    return Shoppers.filter(Shoppers.ROUND.eq(SEED))
        .include(Shoppers.BASKETS.then(Baskets.ITEMS), Shoppers.CARD)
        .limit(limit)
        .collect(db);
  }

  /** Checks what {@link #seedWithIncludes} read: every relation loaded, whole. */
  static void assertSeedShape(List<Shopper> shoppers, int expected) {
    assertEquals(expected, shoppers.size(), "shoppers read with includes");
    for (Shopper s : shoppers) {
      assertEquals(BASKETS, s.baskets().get().size(), s.name() + "'s baskets");
      s.baskets().get().forEach(b -> assertEquals(ITEMS, b.items().get().size(),
          s.name() + "'s basket " + b.seq() + " items"));
      int index = Integer.parseInt(s.name().substring(1));
      assertEquals(index % 2 == 0, s.card().get().isPresent(), s.name() + "'s card");
    }
  }

  /**
   * The transactional group {@code tag}: creates its shopper where missing (a read first), two
   * baskets, then, in a nested transaction (a savepoint), two items per basket, then a card.
   */
  static Mono<Void> writeTxGroup(Db db, String tag) {
    return db.transactionMono(tx -> Shoppers.filter(Shoppers.ROUND.eq(tag)).first(tx)
        .switchIfEmpty(Shoppers.create().round(tag).name("tx").exec(tx))
        .flatMap(shopper -> Baskets.createMany(List.of(
                Baskets.create().shopperId(shopper.id()).label(tag).seq(0),
                Baskets.create().shopperId(shopper.id()).label(tag).seq(1))).exec(tx)
            .flatMap(baskets -> db.transactionMono(inner -> Items.createMany(items(baskets, tag))
                .exec(inner)))
            .then(Cards.create().shopperId(shopper.id()).number(tag).exec(tx))))
        .then();
  }

  private static List<ItemCreate> items(List<Basket> baskets, String tag) {
    List<ItemCreate> items = new ArrayList<>();
    for (Basket b : baskets) {
      items.add(Items.create().basketId(b.id()).sku(tag));
      items.add(Items.create().basketId(b.id()).sku(tag));
    }
    return items;
  }

  /** The many-row group {@code tag}: three shoppers in one statement. */
  static Mono<Void> writeManyGroup(Executor db, String tag) {
    List<ShopperCreate> creates = new ArrayList<>();
    for (int i = 0; i < MANY_GROUP_ROWS; i++) {
      creates.add(Shoppers.create().round(tag).name("many" + i));
    }
    return Shoppers.createMany(creates).exec(db).then();
  }

  /**
   * The rows of the groups {@code tags} (all starting with {@code prefix}), counted per tag
   * across the tables: each group must hold all of its rows or none. Shoppers are found by their
   * indexed tag, one query per group (every backend can); with {@code children}, the other
   * tables by the prefix (SQL backends, which the transactional groups need anyway).
   */
  static Map<String, Integer> groupRows(Executor db, String prefix, Collection<String> tags,
      boolean withChildren) {
    Map<String, Integer> rows = new HashMap<>();
    Tck.await(Flux.fromIterable(tags)
        .flatMap(tag -> Shoppers.filter(Shoppers.ROUND.eq(tag)).stream(db), 4)
        .collectList())
        .forEach(s -> rows.merge(s.round(), 1, Integer::sum));
    if (withChildren) {
      Tck.await(Baskets.filter(Baskets.LABEL.startsWith(prefix)).collect(db))
          .forEach(b -> rows.merge(b.label(), 1, Integer::sum));
      Tck.await(Items.filter(Items.SKU.startsWith(prefix)).collect(db))
          .forEach(i -> rows.merge(i.sku(), 1, Integer::sum));
      Tck.await(Cards.filter(Cards.NUMBER.startsWith(prefix)).collect(db))
          .forEach(c -> rows.merge(c.number(), 1, Integer::sum));
    }
    return rows;
  }

  /**
   * The groups among {@code rows} that hold neither none nor all of their rows ({@code whole}
   * says how many each group writes), and rows of groups nobody wrote.
   */
  static List<String> partial(Map<String, Integer> rows, Map<String, Integer> whole) {
    List<String> partial = new ArrayList<>();
    rows.forEach((tag, n) -> {
      Integer all = whole.get(tag);
      if (all == null || n != (int) all) {
        partial.add(tag + " has " + n + " of " + all + " rows");
      }
    });
    return partial;
  }

  /**
   * Checks that the seed is still whole (nothing a round did touched it): its shoppers, and with
   * {@code includes} their baskets, items and cards.
   */
  static void assertSeedWhole(Db db, boolean includes) {
    if (includes) {
      assertSeedShape(Tck.await(seedWithIncludes(db, SHOPPERS)), SHOPPERS);
    } else {
      assertEquals(SHOPPERS, Tck.await(Shoppers.filter(Shoppers.ROUND.eq(SEED)).collect(db))
          .size(), "seed shoppers");
    }
  }
}
