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
  }
}
