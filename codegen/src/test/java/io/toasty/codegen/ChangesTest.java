package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Change;
import io.toasty.Executor;
import io.toasty.Feature;
import io.toasty.codegen.samples.Renameds;
import io.toasty.codegen.samples.Watched;
import io.toasty.codegen.samples.Watcheds;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** {@code @Model(changes = true)} reaches the schema, and the entry class gets {@code changes}. */
class ChangesTest {

  @Test
  void theSchemaSaysWhetherChangesAreFollowed() {
    assertTrue(Watcheds.MODEL.schema().changes());
    assertFalse(Renameds.MODEL.schema().changes());
  }

  @Test
  void onlyAModelWithChangesHasTheStream() {
    assertTrue(Arrays.stream(Watcheds.class.getMethods())
        .anyMatch(m -> m.getName().equals("changes")));
    assertFalse(Arrays.stream(Renameds.class.getMethods())
        .anyMatch(m -> m.getName().equals("changes")));
    assertTrue(Arrays.stream(Watcheds.class.getMethods())
        .anyMatch(m -> m.getName().equals("changesAfter")));
    assertFalse(Arrays.stream(Renameds.class.getMethods())
        .anyMatch(m -> m.getName().equals("changesAfter")));
  }

  /** The entry's {@code changes(db)} is the executor's; a plain executor refuses it. */
  @Test
  void theStreamIsTheExecutors() {
    Executor none = (StatementNode s) -> Flux.<Value>empty();
    Flux<Change<Watched>> changes = Watcheds.changes(none);
    UnsupportedFeatureException refused = assertThrows(UnsupportedFeatureException.class,
        changes::blockFirst);
    assertEquals(Feature.CHANGE_STREAMS, refused.feature());
  }

  /** The entry's {@code changesAfter(db, token)} too; a plain executor refuses it. */
  @Test
  void theResumedStreamIsTheExecutors() {
    Executor none = (StatementNode s) -> Flux.<Value>empty();
    UnsupportedFeatureException refused = assertThrows(UnsupportedFeatureException.class,
        () -> Watcheds.changesAfter(none, "1.2/3").blockFirst());
    assertEquals(Feature.CHANGE_STREAMS, refused.feature());
  }
}
