package io.toasty.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two databases open side by side on one backend do not see each other's rows. */
class IsolationTest {

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void twoDatabasesDoNotSeeEachOthersRows(TestBackend backend) {
    try (TestDatabase first = ToastyTestDatabases.open(backend, Books.MODEL);
        TestDatabase second = ToastyTestDatabases.open(backend, Books.MODEL)) {
      assertNotEquals(first.name(), second.name());
      Books.create().title("Emma").author("Austen").year(1815).exec(first.db()).block();
      Books.create().title("Dune").author("Herbert").year(1965).exec(second.db()).block();

      assertEquals(List.of("Emma"), titles(first));
      assertEquals(List.of("Dune"), titles(second));
    }
  }

  private static List<String> titles(TestDatabase database) {
    return Books.all().collect(database.db()).block().stream().map(Book::title).toList();
  }
}
