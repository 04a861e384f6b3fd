package io.toasty.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.toasty.driver.AcquireDeadline;
import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.PoolState;
import io.toasty.error.PoolTimeoutException;
import io.toasty.reactive.internal.gate.GatedDriver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The wait for the engine's permit and the driver's wait for its pool share one acquire
 * timeout: a statement that waited 150 ms for a permit leaves the driver 50 ms of a 200 ms
 * limit, and fails at 200 ms, not at 350 ms. On virtual time: nothing here depends on speed.
 */
class AcquireDeadlineTest {
  private static final Duration LIMIT = Duration.ofMillis(200);

  @Test
  void thePoolGetsWhatThePermitLeft() {
    List<Duration> left = new CopyOnWriteArrayList<>();
    PoolOfOne driver = new PoolOfOne(left);
    GatedDriver gated = new GatedDriver(driver, LIMIT);
    StepVerifier.withVirtualTime(() -> gated.connect()
            .flatMap(held -> Mono.delay(Duration.ofMillis(150)).then(held.close()))
            .and(gated.connect().flatMap(Connection::close)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(150))
        .then(() -> assertEquals(List.of(LIMIT, Duration.ofMillis(50)), left,
            "the first asks the pool at once; the second after 150 ms at the gate"))
        .expectNoEvent(Duration.ofMillis(49))
        .thenAwait(Duration.ofMillis(1))
        .consumeErrorWith(e -> {
          PoolTimeoutException timeout = assertInstanceOf(PoolTimeoutException.class, e);
          assertEquals(LIMIT, timeout.waited(), "the whole acquire timeout, gate included");
        })
        .verify(Duration.ofSeconds(10));
  }

  /**
   * A pool of one connection whose own wait ends when the deadline in the Context passes (as
   * the SQL drivers' do): the first acquire gets the connection, every later one waits (the
   * connection is never given back to it), recording what was left of its deadline.
   */
  private static final class PoolOfOne extends FakeDriver {
    private final List<Duration> left;

    PoolOfOne(List<Duration> left) {
      super(Capability.H2, Dbs.SCHEMA);
      this.left = left;
    }

    @Override
    public Mono<Connection> connect() {
      return Mono.deferContextual(cx -> {
        AcquireDeadline deadline = AcquireDeadline.of(cx, Duration.ofDays(1));
        left.add(deadline.remaining());
        if (left.size() == 1) {
          return super.connect();
        }
        return Mono.<Connection>never().timeout(deadline.remaining(),
            Mono.error(() -> new PoolTimeoutException("h2", deadline.limit(), null)));
      });
    }

    @Override
    public Optional<PoolState> poolState() {
      return Optional.of(new PoolState(1, 0, 0, 0, 0));
    }
  }
}
