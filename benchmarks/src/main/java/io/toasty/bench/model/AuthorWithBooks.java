package io.toasty.bench.model;

import java.util.List;

/** What the include workload returns per parent: the author and its books. */
public record AuthorWithBooks(Author author, List<Book> books) {
  public AuthorWithBooks {
    books = List.copyOf(books);
  }
}
