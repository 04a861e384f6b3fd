package io.toasty.docs.relations;

import io.toasty.error.CardinalityException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.List;
import java.util.Optional;

/** The cardinality example of docs/relations.md. */
final class CardinalityGuide {
  private CardinalityGuide() {}

  static Db open(String url) {
    Db db = Toasty.builder()
        .models(Bands.MODEL, Musicians.MODEL, Managers.MODEL, Ships.MODEL, Captains.MODEL)
        .url(url)
        .build();
    db.schema().push().block();
    return db;
  }

  static CardinalityException limited(Db db) {
    CardinalityException refused = null;
    // snippet: cardinality
    Band band = Bands.create().name("Quartet")
        .musicians(Musicians.create().name("Ann"), Musicians.create().name("Bob"),
            Musicians.create().name("Cy"), Musicians.create().name("Di"))
        .exec(db).block();                                  // 4: within the limit
    Musician eve = Musicians.create().name("Eve").exec(db).block();   // in no band
    try {
      band.musicians().insert(db, eve).block();            // a fifth: refused
    } catch (CardinalityException full) {
      String why = full.getMessage();   // Band.musicians: at most 4 related records allowed,
                                        // the write would leave Band(id = ..) with 5; ...
      int limit = full.limit();         // 4
      long count = full.count();        // 5
      refused = full;
    }
    List<Musician> still = band.musicians().collect(db).block();   // Ann, Bob, Cy, Di
    // end-snippet
    return refused;
  }

  /** The required has-one example: what it refuses, and a replacement in one transaction. */
  static CardinalityException requiredOne(Db db) {
    CardinalityException refused = null;
    // snippet: required-has-one
    Ship ship = Ships.create().name("Vasa")
        .captain(Captains.create().name("Hans"))          // created with it, or refused
        .exec(db).block();
    long hans = ship.captain().get().id();
    try {
      Captains.deleteById(hans).exec(db).block();          // would leave the ship with none
    } catch (CardinalityException none) {
      boolean required = none.required();  // true: Ship.captain: a required has-one: exactly 1
      long count = none.count();           // related record required, the write would leave
      refused = none;                      // Ship(id = ..) with 0; nothing was written
    }
    // Replaced in one transaction: checked when it commits, not after each statement.
    db.transactionMono(tx -> Captains.updateById(hans).shipId(Optional.empty()).exec(tx)
            .then(Captains.create().name("Erik").shipId(Optional.of(ship.id())).exec(tx)))
        .block();
    String now = ship.captain().get(db).block().name();     // "Erik"; Hans is ashore
    // end-snippet
    return refused;
  }
}
