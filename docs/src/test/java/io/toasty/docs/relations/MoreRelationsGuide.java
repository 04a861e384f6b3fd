package io.toasty.docs.relations;

import io.toasty.Expr;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.List;
import reactor.util.function.Tuples;

/** The examples of docs/relations.md on composite keys and limits per parent. */
final class MoreRelationsGuide {
  private MoreRelationsGuide() {}

  static Db open(String url) {
    Db db = Toasty.builder()
        .models(Authors.MODEL, Posts.MODEL, Comments.MODEL, Profiles.MODEL, Tags.MODEL,
            Taggings.MODEL, Warehouses.MODEL, Bins.MODEL)
        .url(url)
        .build();
    db.schema().push().block();
    return db;
  }

  static List<Author> includeLimit(Db db) {
    // snippet: include-limit
    List<Author> authors = Authors.all()
        .include(Authors.POSTS.orderBy(Posts.TITLE.desc()).limit(3))   // each author's last 3
        .collect(db).block();                 // 2 queries, whatever the number of authors
    List<Author> secondPage = Authors.all()
        .include(Authors.POSTS.orderBy(Posts.TITLE.desc()).offset(3).limit(3))
        .collect(db).block();
    // end-snippet
    return authors;
  }

  static List<Warehouse> composite(Db db) {
    // snippet: composite-relations
    Warehouse north = Warehouses.create().region("eu").code("w1").city("Oslo")
        .bins(Bins.create().label("A1").level(0), Bins.create().label("A2").level(1))
        .exec(db).block();                    // each bin gets (warehouseRegion, warehouseCode)
    List<Bin> upper = north.bins().filter(Bins.LEVEL.gt(0)).collect(db).block();
    List<Warehouse> loaded = Warehouses.all()
        .include(Warehouses.BINS.orderBy(Bins.LABEL.asc()))             // one query per level
        .collect(db).block();
    List<Warehouse> withUpperBins = Warehouses.filter(Warehouses.BINS.any(Bins.LEVEL.gt(0)))
        .collect(db).block();
    List<Warehouse> some = Warehouses.filter(Expr.tuple(Warehouses.REGION, Warehouses.CODE)
            .in(Tuples.of("eu", "w1"), Tuples.of("us", "w9")))   // pairs, not their product
        .collect(db).block();
    // end-snippet
    return loaded;
  }
}
