package io.toasty.docs.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.reactive.Db;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the examples of docs/hooks.md and checks what they store. */
class HooksGuideTest {
  private Db db;

  @BeforeEach
  void open() {
    db = HooksGuide.open("r2dbc:h2:mem:///hooks-guide");
  }

  @AfterEach
  void close() {
    db.close().block();
  }

  @Test
  void theGuideRunsAsWritten() {
    assertEquals(1L, HooksGuide.publishAndTidy(db).block());
    List<Post> left = Posts.all().collect(db).block();
    assertEquals(List.of("Rules"), left.stream().map(Post::title).toList());
    assertEquals(2, AuditEntries.all().collect(db).block().size());

    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> Posts.create().title(" ").pinned(false).exec(db).block());
    assertEquals("a post needs a title", blank.getMessage());
    IllegalStateException pinned = assertThrows(IllegalStateException.class,
        () -> Posts.delete(left.get(0)).exec(db).block());
    assertEquals("unpin 'Rules' first", pinned.getMessage());
    assertEquals(1, Posts.all().collect(db).block().size());
    assertEquals(2, AuditEntries.all().collect(db).block().size());
  }
}
