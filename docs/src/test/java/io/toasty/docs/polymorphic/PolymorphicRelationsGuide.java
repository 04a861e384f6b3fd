package io.toasty.docs.polymorphic;

import io.toasty.BelongsTo;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.List;
import java.util.UUID;

/** The examples of docs/models.md, "Relations to and from a polymorphic model". */
final class PolymorphicRelationsGuide {
  private PolymorphicRelationsGuide() {}

  /** What the example saw. */
  record Seen(List<Visit> visits, List<String> shoppers, List<Shopper> buyers,
      List<Visit.Checkout> checkouts, long visitsLeft) {}

  static Seen run(String url) {
    Db db = Toasty.builder().models(Shoppers.MODEL, Visits.MODEL).url(url).build();
    try {
      db.schema().push().block();
      UUID linked = new UUID(0, 0);
      // snippet: polymorphic-relation-use
      Shopper ann = Shoppers.create().name("ann")             // a nested create of variants:
          .visits(Browses.create(new Visit.Browse(UUID.randomUUID(), linked,
                  BelongsTo.detached(), "/pricing")),          // shopperId set to ann's key
              Checkouts.create(new Visit.Checkout(UUID.randomUUID(), linked,
                  BelongsTo.detached(), 1999)))
          .exec(db).block();

      List<Visit> visits = Shoppers.filterById(ann.id())
          .include(Shoppers.VISITS)                  // a Browse and a Checkout
          .first(db).block().visits().get();
      List<Visit.Checkout> checkouts = ann.checkouts().collect(db).block();
      List<String> shoppers = Visits.all().include(Visits.SHOPPER)
          .collect(db).block().stream()
          .map(v -> v.shopper().get().name())        // declared on the interface
          .toList();
      List<Shopper> buyers = Shoppers.filter(Shoppers.CHECKOUTS.any(Visits.CENTS.gt(1000L)))
          .collect(db).block();                      // the same as VISITS.any(Visits.is(
                                                     //   Visit.Checkout.class).and(..))

      Shoppers.delete(ann).exec(db).block();          // and its visits of every variant
      // end-snippet
      long visitsLeft = Visits.all().count(db).block();
      return new Seen(visits, shoppers, buyers, checkouts, visitsLeft);
    } finally {
      db.close().block();
    }
  }
}
