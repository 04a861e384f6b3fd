package io.toasty.docs.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Page;
import io.toasty.docs.DynamoLocal;
import io.toasty.reactive.Db;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the examples of docs/pagination.md and checks what they say. */
class PaginationGuideTest {
  private Db db;

  @BeforeEach
  void open() {
    db = PaginationGuide.open("r2dbc:h2:mem:///pagination-guide", "a secret of 16 bytes or more");
    PaginationGuide.posts(db, 55);
  }

  @AfterEach
  void close() {
    db.close().block();
  }

  @Test
  void pagesWalkBothWaysOverEveryPost() {
    Page<Post> first = PaginationGuide.firstPage(db);
    assertEquals(20, first.items().size());
    assertFalse(first.hasPrevious());
    List<Page<Post>> pages = new ArrayList<>(List.of(first));
    while (pages.get(pages.size() - 1).hasNext()) {
      pages.add(PaginationGuide.olderPosts(db,
          pages.get(pages.size() - 1).next().get()).block());
    }
    assertEquals(List.of(20, 20, 15), pages.stream().map(p -> p.items().size()).toList());
    List<Post> all = new ArrayList<>();
    pages.forEach(p -> all.addAll(p.items()));
    assertEquals(55, new HashSet<>(all).size());
    for (int i = 1; i < all.size(); i++) {
      assertFalse(all.get(i).createdAt().isAfter(all.get(i - 1).createdAt()));
    }
    Page<Post> back = PaginationGuide.newerPosts(db, pages.get(2).previous().get()).block();
    assertEquals(pages.get(1).items(), back.items());
    assertEquals(all.get(54), PaginationGuide.oldest(db));
  }

  @Test
  void aWalkWithNullsAndMixedDirectionsSeesEachPostOnce() {
    List<Post> anns = PaginationGuide.everyPost(db);
    assertEquals(28, anns.size());
    assertEquals(28, new HashSet<>(anns).size());
    assertTrue(anns.get(0).topic().isEmpty());
  }

  private static List<String> titles(List<Post> posts) {
    return posts.stream().map(Post::title).toList();
  }

  /** Every page of ann's posts through {@code postsBy}, following {@code next()}. */
  private static List<Post> annsPages(Db db) {
    List<Post> anns = new ArrayList<>();
    String cursor = null;
    do {
      Page<Post> page = PaginationGuide.postsBy(db, "ann", cursor).block();
      anns.addAll(page.items());
      cursor = page.next().orElse(null);
    } while (cursor != null);
    return anns;
  }

  @Test
  void anAuthorsPostsPageByTheIndexSortKey() {
    List<Post> anns = annsPages(db);
    assertEquals(28, anns.size());
    assertEquals(28, new HashSet<>(anns).size());
    for (int i = 1; i < anns.size(); i++) {
      assertEquals("ann", anns.get(i).author());
      assertFalse(anns.get(i).createdAt().isAfter(anns.get(i - 1).createdAt()));
    }
  }

  /**
   * The index pages of docs/pagination.md on DynamoDB Local: the same walk as on H2, each page
   * read from the index backwards a page at a time, as the plan shows.
   */
  @Test
  void anAuthorsPostsPageTheIndexOnDynamoDb() throws Exception {
    try (DynamoLocal local = DynamoLocal.start()) {
      Db dynamo = PaginationGuide.open(local.url("pages_"), "a secret of 16 bytes or more");
      try {
        PaginationGuide.posts(dynamo, 55);
        // ann's posts have distinct times: the same titles in the same order as on H2
        assertEquals(titles(annsPages(db)), titles(annsPages(dynamo)));
        String plan = PaginationGuide.indexPagePlan(dynamo);
        assertTrue(plan.contains("%0 FindPkByIndex posts.posts_author_idx where posts.author = $0"
            + " items from the index"), plan);
        assertTrue(plan.contains("created_at) descending\n   %1 Limit %0 count $1\n"), plan);
        assertFalse(plan.contains("GetByKey"), "the page's items come from the index: " + plan);
        assertFalse(plan.contains("Scan") || plan.contains("SortRows"), plan);
      } finally {
        dynamo.close().block();
      }
    }
  }

  @Test
  void aBadCursorIsABadRequest() {
    String cursor = PaginationGuide.firstPage(db).next().get();
    String altered = cursor.substring(0, cursor.length() - 1)
        + (cursor.endsWith("A") ? "B" : "A");
    assertThrows(IllegalArgumentException.class,
        () -> PaginationGuide.pageOrBadRequest(db, altered).block());
    Db other = PaginationGuide.open("r2dbc:h2:mem:///pagination-guide-2",
        "a secret of 16 bytes or more");
    try {
      assertEquals(0, PaginationGuide.olderPosts(other, cursor).block().items().size(),
          "a Db with the same cursor key accepts the cursor");
    } finally {
      other.close().block();
    }
  }

  @Test
  void offsetPagesCount() {
    Page<Post> third = PaginationGuide.numbered(db);
    assertEquals(15, third.items().size());
    assertEquals(55L, third.total().getAsLong());
    assertTrue(third.hasPrevious());
    assertFalse(third.hasNext());
  }
}
