package io.toasty.sql.blockhound;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound about Netty's adaptive buffer allocator (the default since Netty 4.2), which
 * takes a {@code StampedLock} for a moment when it grows or frees a magazine; under contention
 * the lock parks. The PostgreSQL and MySQL drivers allocate their request buffers with it on
 * whatever thread sends the statement, a Reactor parallel thread included. Netty's own
 * BlockHound integration does not list this lock yet. Loaded through {@code ServiceLoader} when
 * BlockHound is installed (tests).
 */
public final class NettyAllocatorBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
    builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
        "tryExpandMagazines");
    builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
        "allocate");
  }
}
