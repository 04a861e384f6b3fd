package io.toasty.docs.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.reactive.Db;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the nested-create-result and eager-relation examples of docs/relations.md. */
class EagerGuideTest {
  private Db db;

  @BeforeEach
  void open() {
    db = EagerGuide.open("r2dbc:h2:mem:///eager-guide");
  }

  @AfterEach
  void close() {
    db.close().block();
  }

  @Test
  void aNestedCreateReturnsWhatItCreated() {
    Author ann = EagerGuide.created(db);
    assertEquals(List.of("Hello", "Again"), ann.posts().get().stream().map(Post::title)
        .toList());
    assertEquals(ann.id(), ann.posts().get().get(0).authorId());
    assertEquals("First!", ann.posts().get().get(0).comments().get().get(0).body());
    assertEquals("Writes things", ann.profile().get().orElseThrow().bio());
    assertFalse(ann.comments().isLoaded());
  }

  @Test
  void eagerRelationsLoadWithEveryQuery() {
    List<Album> longOnes = EagerGuide.eager(db);
    assertEquals(List.of("River"), longOnes.get(0).tracks().get().stream().map(Track::name)
        .toList());
    Album loaded = Albums.all().first(db).block();
    assertEquals(2, loaded.tracks().get().size());
    assertEquals(180, loaded.tracks().get().get(0).seconds());
    assertNotNull(loaded.tracks().get().get(0).addedAt());
    assertFalse(Albums.all().withoutEager().first(db).block().tracks().isLoaded());
    Track t = Tracks.all().include(Tracks.ALBUM).first(db).block();
    assertTrue(t.album().get().tracks().isLoaded());
  }
}
