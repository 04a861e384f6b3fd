package io.toasty.dynamo.error;

import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.DriverException;
import io.toasty.error.ItemTooLargeException;
import io.toasty.error.PoolTimeoutException;
import io.toasty.error.QueryTimeoutException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.ThrottledException;
import io.toasty.error.ToastyException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * SDK errors as the library's typed errors: a failure to reach DynamoDB is a
 * {@link ConnectionLostException}, a transaction conflict a {@link SerializationFailureException},
 * throttling a {@link ThrottledException} (all three transient), anything else a
 * {@link DriverException} carrying DynamoDB's error code in its message; the HTTP client's own
 * pool timing out is a transient {@link PoolTimeoutException}. Errors the operations understand
 * (a failed condition) are handled before this.
 */
public final class DynamoErrors {
  private DynamoErrors() {}

  /** DynamoDB's largest item, 400 KB. */
  private static final long MAX_ITEM_BYTES = 400L * 1024;

  /**
   * The typed error for {@code t}, a write to {@code table}'s items: as {@link #translate}, and
   * DynamoDB's own refusal of an item grown past 400 KB an {@link ItemTooLargeException} naming
   * the table's model.
   */
  public static Throwable translate(Throwable t, TableInfo table) {
    Throwable e = translate(t);
    if (e instanceof DriverException && isItemTooLarge(e.getCause())) {
      return new ItemTooLargeException(TableInfo.BACKEND,
          table.model() == null ? table.name() : table.model(), MAX_ITEM_BYTES, e.getCause());
    }
    return e;
  }

  /**
   * Whether {@code e} is DynamoDB refusing an item over its size limit: what an update sent
   * without reading the item first meets when its changes grow the stored item too much (the
   * driver counts only what it sends, before sending).
   */
  static boolean isItemTooLarge(@Nullable Throwable e) {
    if (!(e instanceof DynamoDbException d) || d.awsErrorDetails() == null
        || !"ValidationException".equals(d.awsErrorDetails().errorCode())) {
      return false;
    }
    String message = String.valueOf(d.awsErrorDetails().errorMessage());
    return message.contains("Item size") && message.contains("exceeded the maximum allowed size");
  }

  /** The typed error for {@code t}; typed errors pass through. */
  public static Throwable translate(Throwable t) {
    Throwable e = t;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof ToastyException || e instanceof Error) {
      return e;
    }
    if (isConflict(e)) {
      return new SerializationFailureException(TableInfo.BACKEND, null,
          "a concurrent transaction wrote the same item: " + e.getMessage(), e);
    }
    if (e instanceof ResourceNotFoundException) {
      return new DriverException(TableInfo.BACKEND, null, "a table does not exist (push the "
          + "schema with db.schema().push()): " + e.getMessage(), e);
    }
    if (isThrottling(e)) {
      return new ThrottledException(TableInfo.BACKEND, "DynamoDB throttled the request after "
          + "the client's retries: " + e.getMessage(), e);
    }
    if (e instanceof DynamoDbException d) {
      String code = d.awsErrorDetails() == null ? null : d.awsErrorDetails().errorCode();
      return new DriverException(TableInfo.BACKEND, null,
          (code == null ? "" : code + ": ") + message(d), e);
    }
    if (e instanceof ApiCallTimeoutException) {
      return new QueryTimeoutException(TableInfo.BACKEND, null, "the request did not "
          + "finish within its statement timeout (the SDK's apiCallTimeout) and was abandoned",
          e);
    }
    if (e instanceof SdkClientException && isAcquireTimeout(e)) {
      return new PoolTimeoutException(TableInfo.BACKEND, "no HTTP connection of the DynamoDB "
          + "client's pool became free within its connection acquisition timeout (the pool is "
          + "busy: raise the client's maxConcurrency or lower the demand); nothing was sent", e);
    }
    if (e instanceof SdkClientException) {
      return new ConnectionLostException(TableInfo.BACKEND, null,
          "DynamoDB could not be reached: " + e.getMessage(), e);
    }
    return e;
  }

  private static @Nullable String message(DynamoDbException d) {
    return d.awsErrorDetails() != null && d.awsErrorDetails().errorMessage() != null
        ? d.awsErrorDetails().errorMessage() : d.getMessage();
  }

  /**
   * Whether the SDK's HTTP client gave up waiting for a connection of its own pool: the request
   * never left the client, so unlike an unreachable server it is a pool timeout. The Netty client
   * says so only in words (a {@link TimeoutException} "Acquire operation took longer than ..."
   * somewhere in the causes).
   */
  static boolean isAcquireTimeout(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof TimeoutException && c.getMessage() != null
          && c.getMessage().startsWith("Acquire operation took longer")) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code e} says the table or account is over its capacity. */
  static boolean isThrottling(Throwable e) {
    return e instanceof ProvisionedThroughputExceededException
        || e instanceof RequestLimitExceededException
        || e instanceof DynamoDbException d && d.awsErrorDetails() != null
        && "ThrottlingException".equals(d.awsErrorDetails().errorCode());
  }

  /** Whether {@code e} says another transaction holds an item: worth trying again. */
  public static boolean isConflict(Throwable e) {
    if (e instanceof TransactionConflictException) {
      return true;
    }
    if (e instanceof TransactionCanceledException c && c.hasCancellationReasons()) {
      boolean conflict = false;
      for (CancellationReason r : c.cancellationReasons()) {
        if ("ConditionalCheckFailed".equals(r.code())) {
          return false;
        }
        conflict |= "TransactionConflict".equals(r.code());
      }
      return conflict;
    }
    return false;
  }
}
