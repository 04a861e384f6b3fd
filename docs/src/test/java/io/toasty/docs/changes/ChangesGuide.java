package io.toasty.docs.changes;

import io.toasty.Change;
import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/** The examples of {@code docs/changes.md}, run by {@link ChangesGuideTest}. */
final class ChangesGuide {
  private ChangesGuide() {}

  // snippet: changes-follow
  /** One line per committed change of a task; a gap asks the reader to reload. */
  static Flux<String> follow(Db db) {
    return Tasks.changes(db) // or db.changes(Tasks.MODEL)
        .map(c -> switch (c.kind()) {
          case LISTENING -> "listening";
          case CREATED, UPDATED -> c.kind() + " " + c.record();
          case DELETED -> "DELETED " + c.key();
          case GAP -> "missed changes: reload";
        });
  }
  // end-snippet

  // snippet: changes-refused
  /** Where the backend has no change streams: say so instead of failing. */
  static Flux<String> followIfPossible(Db db) {
    return follow(db).onErrorResume(UnsupportedFeatureException.class,
        e -> e.feature() == Feature.CHANGE_STREAMS
            ? Flux.just("no change streams on " + db.capability().backend())
            : Flux.error(e));
  }
  // end-snippet

  // snippet: changes-resume
  /**
   * The tasks' changes from where the last run stopped, given the resume token of the last
   * change it handled (kept with what it wrote), or from now on for none.
   */
  static Flux<Change<Task>> resume(Db db, @Nullable String lastToken) {
    return lastToken == null ? Tasks.changes(db) : Tasks.changesAfter(db, lastToken);
  }
  // end-snippet

  // snippet: changes-buffer
  /** A Db whose change streams keep at most 1,000 changes waiting for a slow subscriber. */
  static Db withSmallerChangeBuffer(String url) {
    return Toasty.builder().url(url).models(Tasks.MODEL).changeBuffer(1_000).build();
  }
  // end-snippet
}
