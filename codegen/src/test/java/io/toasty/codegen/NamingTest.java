package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {

  @ParameterizedTest
  @CsvSource({
      "User, Users", "Address, Addresses", "Box, Boxes", "Quiz, Quizes", "Match, Matches",
      "Wish, Wishes", "Category, Categories", "Day, Days", "Key, Keys", "Person, Persons",
      "OrderItem, OrderItems", "Y, Ys"})
  void plural(String name, String plural) {
    assertEquals(plural, Naming.plural(name));
  }

  @ParameterizedTest
  @CsvSource({
      "loginCount, login_count", "Users, users", "OrderItems, order_items", "id, id",
      "URLPath, url_path", "userID, user_id", "line2Text, line2_text", "foo_bar, foo_bar",
      "EMAIL, email", "aB, a_b"})
  void snakeCase(String name, String snake) {
    assertEquals(snake, Naming.snakeCase(name));
  }

  @Test
  void upperSnakeCase() {
    assertEquals("LOGIN_COUNT", Naming.upperSnakeCase("loginCount"));
    assertEquals("ID", Naming.upperSnakeCase("id"));
  }

  @Test
  void finderSuffix() {
    assertEquals("ById", Naming.finderSuffix(List.of("id")));
    assertEquals("ByTenantAndId", Naming.finderSuffix(List.of("tenant", "id")));
  }

  @Test
  void constantNamesAvoidModelFieldNamesAndEachOther() {
    assertEquals(List.of("ID", "MODEL_", "EMAIL_", "EMAIL__", "FOO_BAR", "FOO_BAR_"),
        Naming.constantNames(List.of("id", "model", "EMAIL", "email", "fooBar", "foo_bar")));
  }
}
