package io.toasty.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.docs.model.User;
import io.toasty.docs.model.Users;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the getting-started example and checks what it printed. */
class GettingStartedTest {

  @Test
  void runsTheGettingStartedExampleOnInMemoryH2() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      GettingStarted.run("r2dbc:h2:mem:///getting-started-test", out);
    }
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(7, lines.size(), () -> String.join("\n", lines));
    assertTrue(lines.get(0).startsWith("created User[id="), lines.get(0));
    assertTrue(lines.get(0).contains("loginCount=0"), lines.get(0));
    assertTrue(lines.get(2).contains("email=carl@example.com"), lines.get(2));
    assertEquals("Ann or no nickname: 2 users", lines.get(3));
    assertEquals("updated 1 record; renamed to Anne", lines.get(4));
    assertEquals("deleted 1 record(s) that never logged in", lines.get(5));
    assertEquals("User: no record found (email = \"nobody@example.com\")", lines.get(6));
  }

  @Test
  void createsManyAtOnceAndNothingFromNothing() {
    Db db = Toasty.builder().models(Users.MODEL)
        .url("r2dbc:h2:mem:///getting-started-many").build();
    try {
      db.schema().push().block();
      List<List<User>> made = GettingStarted.createMany(db);
      assertEquals(List.of("Dee", "Eve"), made.get(0).stream().map(User::name).toList());
      assertEquals(List.of(), made.get(1));
      assertEquals(2, Users.all().collect(db).block().size());
    } finally {
      db.close().block();
    }
  }
}
