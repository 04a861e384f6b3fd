package com.example.consumer;

import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.List;
import reactor.core.publisher.Mono;

/** What a user's code does with Toasty: connect, create the schema, write, query. */
public final class Library {
  private Library() {}

  /** Opens a database at {@code url} holding {@link Book}, with its tables created. */
  public static Mono<Db> open(String url) {
    Db db = Toasty.builder().models(Books.MODEL).url(url).build();
    return db.schema().push().thenReturn(db);
  }

  /** Stores three books, then reads back those published from {@code year} on, by title. */
  public static Mono<List<String>> titlesSince(Db db, int year) {
    return Books.createMany(List.of(
            Books.create().title("Dune").year(1965),
            Books.create().title("Neuromancer").year(1984),
            Books.create().title("Anathem").year(2008)))
        .exec(db)
        .then(Books.filter(Books.YEAR.ge(year)).orderBy(Books.TITLE.asc()).collect(db))
        .map(books -> books.stream().map(Book::title).toList());
  }
}
