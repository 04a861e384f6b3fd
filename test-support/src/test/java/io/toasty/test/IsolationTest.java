package io.toasty.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.toasty.ModelDef;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Test databases do not see each other's rows: neither two open side by side on one backend, nor
 * one opened later under the name of one closed before (closing dropped it).
 */
class IsolationTest {

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void twoDatabasesDoNotSeeEachOthersRows(TestBackend backend) {
    // snippet: testing-without-junit
    try (TestDatabase first = ToastyTestDatabases.open(backend, Books.MODEL);
        TestDatabase second = ToastyTestDatabases.open(backend, Books.MODEL)) {
      Books.create().title("Emma").author("Austen").year(1815).exec(first.db()).block();
      Books.create().title("Dune").author("Herbert").year(1965).exec(second.db()).block();

      assertEquals(List.of("Emma"), titles(first));    // each sees its own rows only
      assertEquals(List.of("Dune"), titles(second));
      assertNotEquals(first.name(), second.name());
    }   // both Dbs closed, both databases dropped
    // end-snippet
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void closingDropsTheDatabase(TestBackend backend) {
    String name;
    try (TestDatabase first = ToastyTestDatabases.open(backend, Books.MODEL)) {
      Books.create().title("Emma").author("Austen").year(1815).exec(first.db()).block();
      name = first.name();
    }
    try (TestDatabase again = ToastyTestDatabases.open(backend, name,
        new ModelDef<?>[] {Books.MODEL})) {
      assertEquals(List.of(), titles(again));
    }
  }

  private static List<String> titles(TestDatabase database) {
    return Books.all().collect(database.db()).block().stream().map(Book::title).toList();
  }
}
