package io.toasty.reactive.internal.gate;

import io.toasty.driver.Capability;
import io.toasty.driver.Driver;
import io.toasty.driver.PoolState;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * A test pool of {@code size} connections that counts those out; its subclasses say how a
 * connection is made and given back. Its {@link #poolState()} sizes the gate in front of it.
 */
public abstract class CountedPool implements Driver {
  protected final int size;
  public final AtomicInteger out = new AtomicInteger();

  protected CountedPool(int size) {
    this.size = size;
  }

  @Override
  public Capability capability() {
    return Capability.H2;
  }

  @Override
  public Optional<PoolState> poolState() {
    return Optional.of(new PoolState(size, out.get(), size - out.get(), size, 0));
  }

  @Override
  public Mono<Void> pushSchema() {
    return Mono.empty();
  }

  @Override
  public Mono<Void> resetSchema() {
    return Mono.empty();
  }

  @Override
  public Mono<Void> close() {
    return Mono.empty();
  }
}
