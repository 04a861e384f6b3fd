package io.toasty.docs;

import io.toasty.docs.model.Article;
import io.toasty.docs.model.Articles;
import io.toasty.docs.model.Reading;
import io.toasty.docs.model.Readings;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The examples of {@code docs/models.md}. */
final class ModelsGuide {
  private ModelsGuide() {}

  static Db open(String url) {
    Db db = Toasty.builder().models(Readings.MODEL, Articles.MODEL).url(url).build();
    db.schema().push().block();
    return db;
  }

  static List<Reading> compositeKeys(Db db) {
    // snippet: composite-key-use
    Instant noon = Instant.parse("2026-06-01T12:00:00Z");
    Readings.create().sensor("roof").takenAt(noon).celsius(new BigDecimal("21.5")).exec(db).block();
    Reading one = Readings.getBySensorAndTakenAt(db, "roof", noon).block();
    List<Reading> roof = Readings.filter(Readings.SENSOR.eq("roof"))
        .orderBy(Readings.TAKEN_AT.desc())
        .collect(db).block();
    // end-snippet
    return List.of(one, roof.get(0));
  }

  static Article uuidKeys(Db db) {
    // snippet: uuid-key-use
    Article draft = Articles.create().title("Hello").exec(db).block();   // id and status filled in
    Article published = Articles.update(draft)
        .status(Article.Status.PUBLISHED)
        .publishedOn(LocalDate.of(2026, 6, 1))
        .exec(db).block();
    // end-snippet
    return published;
  }
}
