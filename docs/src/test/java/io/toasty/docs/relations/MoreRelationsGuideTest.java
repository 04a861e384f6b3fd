package io.toasty.docs.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.reactive.Db;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the composite-key and limit-per-parent examples of docs/relations.md. */
class MoreRelationsGuideTest {
  private Db db;

  @BeforeEach
  void open() {
    db = MoreRelationsGuide.open("r2dbc:h2:mem:///more-relations-guide");
  }

  @AfterEach
  void close() {
    db.close().block();
  }

  @Test
  void limitsPerParent() {
    Author ann = Authors.create().name("Ann").exec(db).block();
    Author bob = Authors.create().name("Bob").exec(db).block();
    for (String t : List.of("a", "b", "c", "d", "e")) {
      ann.posts().create(Posts.create()).title(t).exec(db).block();
    }
    bob.posts().create(Posts.create()).title("z").exec(db).block();
    List<Author> authors = MoreRelationsGuide.includeLimit(db);
    assertEquals(List.of(List.of("e", "d", "c"), List.of("z")), authors.stream()
        .sorted(Comparator.comparing(Author::name))
        .map(a -> a.posts().get().stream().map(Post::title).toList()).toList());
  }

  @Test
  void compositeKeys() {
    Warehouses.create().region("us").code("w1").city("Austin")
        .bins(Bins.create().label("B1").level(0)).exec(db).block();
    List<Warehouse> loaded = MoreRelationsGuide.composite(db);
    assertEquals(2, loaded.size());
    for (Warehouse w : loaded) {
      assertEquals(w.region().equals("eu") ? List.of("A1", "A2") : List.of("B1"),
          w.bins().get().stream().map(Bin::label).toList());
    }
  }
}
