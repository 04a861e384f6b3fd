package io.toasty.reactive.exec;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class UuidsTest {
  @Test
  void v7HasVersionVariantTimeAndOrder() {
    long before = System.currentTimeMillis();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(Uuids.v7());
    }
    for (int i = 1; i < ids.size(); i++) {
      assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0 || Long.compareUnsigned(
          ids.get(i - 1).getMostSignificantBits(), ids.get(i).getMostSignificantBits()) < 0);
    }
    UUID first = ids.get(0);
    assertEquals(7, first.version());
    assertEquals(2, first.variant());
    long millis = first.getMostSignificantBits() >>> 16;
    assertTrue(millis >= before && millis <= System.currentTimeMillis() + 10);
  }

  @Test
  void v4HasVersionAndVariant() {
    UUID u = Uuids.v4();
    assertEquals(4, u.version());
    assertEquals(2, u.variant());
  }

  @Test
  void blockHoundIsActiveInThisJvm() {
    Throwable e = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class,
        () -> Flux.range(0, 1).publishOn(Schedulers.parallel()).doOnNext(i -> {
          try {
            Thread.sleep(1);
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          }
        }).blockLast(Duration.ofSeconds(5)));
    assertTrue(String.valueOf(e.getMessage()).contains("Blocking call"), e.toString());
  }

  @Test
  void generationDoesNotBlockReactorThreads() {
    // BlockHound is installed for this JVM: a blocking read would fail this stream.
    Long n = Flux.range(0, 100).publishOn(Schedulers.parallel())
        .map(i -> Uuids.v7().toString() + Uuids.v4()).count()
        .block(Duration.ofSeconds(5));
    assertEquals(100, n);
  }
}
