package io.toasty.docs.relations;

import io.toasty.CardinalityException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.List;

/** The cardinality example of docs/relations.md. */
final class CardinalityGuide {
  private CardinalityGuide() {}

  static Db open(String url) {
    Db db = Toasty.builder()
        .models(Bands.MODEL, Musicians.MODEL, Managers.MODEL)
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
}
