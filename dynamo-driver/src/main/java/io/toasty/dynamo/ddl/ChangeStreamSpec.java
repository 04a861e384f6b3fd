package io.toasty.dynamo.ddl;

import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The DynamoDB stream of a table whose model's changes are followed
 * ({@code @Model(changes = true)}): new and old images, so that a change carries the item before
 * and after it. Schema push and migrations both enable it with {@link #ENABLED}.
 */
public final class ChangeStreamSpec {
  /** A stream of new and old images. */
  public static final StreamSpecification ENABLED = StreamSpecification.builder()
      .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build();
  /** No stream. */
  public static final StreamSpecification DISABLED = StreamSpecification.builder()
      .streamEnabled(false).build();

  private ChangeStreamSpec() {}

  /** Whether {@code table} has a stream enabled, of any view. */
  public static boolean enabled(TableDescription table) {
    return table.streamSpecification() != null
        && Boolean.TRUE.equals(table.streamSpecification().streamEnabled());
  }
}
