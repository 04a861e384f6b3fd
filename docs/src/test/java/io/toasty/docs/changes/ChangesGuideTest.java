package io.toasty.docs.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the examples of docs/changes.md on H2, which has no change streams: the stream is
 * refused with {@link Feature#CHANGE_STREAMS} (the TCK's change stream family runs them on
 * PostgreSQL).
 */
class ChangesGuideTest {
  private Db db;

  @BeforeEach
  void open() {
    db = Toasty.builder().models(Tasks.MODEL).url("r2dbc:h2:mem:///changes-guide").build();
    db.schema().push().block();
  }

  @AfterEach
  void close() {
    db.close().block();
  }

  @Test
  void h2RefusesTheStreamWithTheFeature() {
    UnsupportedFeatureException refused = assertThrows(UnsupportedFeatureException.class,
        () -> ChangesGuide.follow(db).blockFirst());
    assertEquals(Feature.CHANGE_STREAMS, refused.feature());
    assertEquals(List.of("no change streams on h2"),
        ChangesGuide.followIfPossible(db).collectList().block());
  }

  @Test
  void theModelStillStoresRecords() {
    Tasks.create().id("t1").title("write the guide").done(false).exec(db).block();
    assertEquals(new Task("t1", "write the guide", false), Tasks.getById(db, "t1").block());
  }
}
