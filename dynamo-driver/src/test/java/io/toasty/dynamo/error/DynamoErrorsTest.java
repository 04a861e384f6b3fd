package io.toasty.dynamo.error;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.ConnectionLostException;
import io.toasty.error.PoolTimeoutException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** How the SDK's client-side failures become typed errors. */
class DynamoErrorsTest {

  /** The chain the Netty client builds when its own pool times out (NettyUtils.decorateException). */
  private static SdkClientException acquireTimeout() {
    TimeoutException pool = new TimeoutException(
        "Acquire operation took longer than configured maximum time");
    Throwable decorated = new Throwable("Acquire operation took longer than the configured "
        + "maximum time. This indicates that a request cannot get a connection from the pool "
        + "within the specified maximum time.", pool);
    return SdkClientException.builder().message("Unable to execute HTTP request: "
        + decorated.getMessage()).cause(decorated).build();
  }

  @Test
  void theClientsOwnPoolTimingOutIsATransientPoolTimeout() {
    SdkClientException sdk = acquireTimeout();
    Throwable typed = DynamoErrors.translate(new CompletionException(sdk));
    PoolTimeoutException e = assertInstanceOf(PoolTimeoutException.class, typed);
    assertTrue(e.isTransient());
    assertSame(sdk, e.getCause());
    assertNull(e.waited(), "the SDK does not say how long it waited");
    assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
  }

  @Test
  void anUnreachableServerIsStillAConnectionLoss() {
    SdkClientException sdk = SdkClientException.builder()
        .message("Unable to execute HTTP request: Connection refused")
        .cause(new ConnectException("Connection refused")).build();
    assertInstanceOf(ConnectionLostException.class, DynamoErrors.translate(sdk));
  }
}
