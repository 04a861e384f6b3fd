package io.toasty.docs.polymorphic;

import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The examples of docs/models.md, "Polymorphic models". */
final class PolymorphicGuide {
  private PolymorphicGuide() {}

  /** What the example saw. */
  record Seen(List<Event> all, List<Event.Click> clicks, long purchases, Event.Purchase updated,
      long deleted) {}

  static Seen run(String url) {
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    UUID clickId = UUID.randomUUID();
    UUID purchaseId = UUID.randomUUID();
    Db db = Toasty.builder().models(Events.MODEL).url(url).build();
    try {
      db.schema().push().block();
      // snippet: polymorphic-use
      Clicks.create(new Event.Click(clickId, "ann", now, "/pricing"))   // discriminator "click"
          .exec(db).block();
      Purchases.create(new Event.Purchase(purchaseId, "ann", now, 1999, Optional.empty()))
          .exec(db).block();

      List<Event> all = Events.filter(Events.USER.eq("ann"))   // both, each as its record
          .collect(db).block();
      List<Event.Click> clicks = Clicks.all().collect(db).block();   // clicks only
      long purchases = Events.filter(Events.is(Event.Purchase.class)).count(db).block();

      Purchases.updateById(purchaseId).coupon(Optional.of("SPRING")).exec(db).block();
      long deleted = Clicks.deleteById(purchaseId).exec(db).block();  // 0: not a click
      // end-snippet
      Event.Purchase updated = Purchases.getById(db, purchaseId).block();
      return new Seen(all, clicks, purchases, updated, deleted);
    } finally {
      db.close().block();
    }
  }
}
