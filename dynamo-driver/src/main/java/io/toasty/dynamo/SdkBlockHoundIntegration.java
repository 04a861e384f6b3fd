package io.toasty.dynamo;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound about the locks inside the AWS SDK that a request takes on the subscriber's
 * thread. Loaded by BlockHound through {@code ServiceLoader} when BlockHound is installed (tests);
 * BlockHound is an optional dependency, so nothing here runs otherwise.
 *
 * <p>Each entry is one exact frame, with the reason it cannot be avoided:
 * <ul>
 *   <li>{@code software.amazon.awssdk.checksums.internal.DigestAlgorithm.getDigest} and
 *       {@code DigestAlgorithm$CloseableMessageDigest.close}: SigV4 signing takes a
 *       {@code MessageDigest} from, and returns it to, a shared {@code LinkedBlockingDeque}. Its
 *       lock is held for one poll or offer, never across I/O, but under concurrent requests a
 *       thread may park briefly on it, which BlockHound reports.</li>
 *   <li>{@code software.amazon.awssdk.http.nio.netty.internal.BetterSimpleChannelPool.close}:
 *       closing a client (a driver that owns its client closes it in {@code close()}) closes its
 *       channel pools on Netty's {@code GlobalEventExecutor}, and Netty's
 *       {@code SimpleChannelPool.close} waits there for each channel to close. It runs once,
 *       at shutdown, on the SDK's own thread.</li>
 * </ul>
 */
public final class SdkBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("software.amazon.awssdk.checksums.internal.DigestAlgorithm",
        "getDigest");
    builder.allowBlockingCallsInside(
        "software.amazon.awssdk.checksums.internal.DigestAlgorithm$CloseableMessageDigest",
        "close");
    builder.allowBlockingCallsInside(
        "software.amazon.awssdk.http.nio.netty.internal.BetterSimpleChannelPool", "close");
  }
}
