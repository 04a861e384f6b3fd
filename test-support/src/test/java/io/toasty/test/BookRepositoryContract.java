package io.toasty.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.reactive.Db;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A repository test, the same on every backend: each subclass names its backend with
 * {@code @ToastyTest} and gets a database of its own (docs/testing.md quotes it).
 */
// snippet: testing-contract
abstract class BookRepositoryContract {

  @BeforeAll
  static void seed(Db db) {   // the class's Db, before any test
    Books.create().title("Emma").author("Austen").year(1815).exec(db).block();
    Books.create().title("Persuasion").author("Austen").year(1817).exec(db).block();
  }

  @Test
  void createsAndReadsBack(Db db) {
    Book dune = Books.create().title("Dune").author("Herbert").year(1965).exec(db).block();
    assertEquals(dune, Books.getById(db, dune.id()).block());
  }

  @Test
  void filters(Db db) {
    List<String> titles = Books.filter(Books.AUTHOR.eq("Austen")).collect(db).block()
        .stream().map(Book::title).sorted().toList();
    assertEquals(List.of("Emma", "Persuasion"), titles);
  }
}
// end-snippet
