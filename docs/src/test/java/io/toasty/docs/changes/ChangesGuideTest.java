package io.toasty.docs.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.Change;
import io.toasty.Feature;
import io.toasty.docs.DynamoLocal;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Runs the examples of docs/changes.md on H2, which has no change streams: the stream is
 * refused with {@link Feature#CHANGE_STREAMS}; and on DynamoDB Local, whose table stream it
 * follows (the TCK's change stream family runs them on PostgreSQL and DynamoDB).
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

  /** Each write waits for the change of the one before, so each record read is its own. */
  @Test
  void dynamoDbFollowsTheTablesStream() throws Exception {
    try (DynamoLocal local = DynamoLocal.start()) {
      Db dynamo = Toasty.builder().models(Tasks.MODEL).url(local.url("changes_")).build();
      try {
        dynamo.schema().push().block();
        List<String> seen = ChangesGuide.follow(dynamo)
            .concatMap(line -> next(dynamo, line).thenReturn(line))
            .take(4).collectList().block(Duration.ofMinutes(1));
        assertEquals(List.of("listening", "CREATED Task[id=t1, title=stream, done=false]",
            "UPDATED Task[id=t1, title=stream, done=true]", "DELETED Record[fields=[Str[value=t1]]]"), seen);
        resumesAfterTheLastToken(dynamo);
      } finally {
        dynamo.close().block();
      }
    }
  }

  /**
   * A create seen and its token kept, the stream cancelled, an update written while nobody
   * listens: the stream resumed after the token gives it after {@code LISTENING}.
   */
  private static void resumesAfterTheLastToken(Db dynamo) {
    Change<Task> created = ChangesGuide.resume(dynamo, null)
        .concatMap(c -> c.kind() == Change.Kind.LISTENING
            ? Tasks.create().id("t2").title("resume").done(false).exec(dynamo).thenReturn(c)
            : Mono.just(c))
        .filter(Change::isRecordChange)
        .blockFirst(Duration.ofMinutes(1));
    Tasks.updateById("t2").done(true).exec(dynamo).block();
    List<String> resumed = ChangesGuide.resume(dynamo, created.resumeToken())
        .take(2).map(c -> c.kind() + " " + c.record() + " was " + c.old()).collectList()
        .block(Duration.ofMinutes(1));
    assertEquals(List.of("LISTENING null was null", "UPDATED Task[id=t2, title=resume, "
        + "done=true] was Task[id=t2, title=resume, done=false]"), resumed,
        "DynamoDB's old image is the record before the update");
  }

  private static Mono<?> next(Db db, String line) {
    if (line.equals("listening")) {
      return Tasks.create().id("t1").title("stream").done(false).exec(db);
    } else if (line.startsWith("CREATED")) {
      return Tasks.updateById("t1").done(true).exec(db);
    } else if (line.startsWith("UPDATED")) {
      return Tasks.deleteById("t1").exec(db);
    }
    return Mono.empty();
  }

  @Test
  void theModelStillStoresRecords() {
    Tasks.create().id("t1").title("write the guide").done(false).exec(db).block();
    assertEquals(new Task("t1", "write the guide", false), Tasks.getById(db, "t1").block());
  }

  @Test
  void theChangeBufferIsSetOnTheBuilder() {
    Db small = ChangesGuide.withSmallerChangeBuffer("r2dbc:h2:mem:///changes-buffer");
    try {
      small.schema().push().block();
      Tasks.create().id("t2").title("bounded").done(false).exec(small).block();
      assertEquals("bounded", Tasks.getById(small, "t2").block().title());
    } finally {
      small.close().block();
    }
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> Toasty.builder().changeBuffer(0));
    assertEquals("changeBuffer must be at least 1: 0", none.getMessage());
  }
}
