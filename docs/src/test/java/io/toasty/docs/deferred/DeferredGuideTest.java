package io.toasty.docs.deferred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the deferred fields examples of docs/models.md on H2. */
class DeferredGuideTest {

  @Test
  void deferredFieldsAreReadOnlyWhenAsked() {
    DeferredGuide.Seen seen = DeferredGuide.run("r2dbc:h2:mem:///deferred-guide");
    assertFalse(seen.listed().body().isLoaded());
    assertEquals("a very long text", seen.later());
    assertEquals("a very long text", seen.included().body().get());
    assertFalse(seen.included().cover().isLoaded());
    assertEquals("shorter", seen.updated().body().get());
    assertEquals(Optional.empty(), seen.updated().cover().get());
    assertTrue(seen.error().startsWith("Post.cover: deferred field was not loaded"),
        seen.error());
  }
}
