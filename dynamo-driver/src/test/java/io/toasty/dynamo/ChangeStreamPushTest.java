package io.toasty.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.dynamo.ddl.ChangeStreamSpec;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Type;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Schema push and a model's changes followed ({@code @Model(changes = true)}): a new table is
 * created with a stream of new and old images, and a table that exists without one gets it.
 */
class ChangeStreamPushTest {
  private static final ModelSchema NOTE = new ModelSchema("Note", "t.Note", "notes", List.of(
      new FieldSchema(0, "id", Type.Scalar.STRING, false, null, null, "id", null, false, null),
      new FieldSchema(1, "body", Type.Scalar.STRING, false, null, null, "body", null, false,
          null)), List.of(0), List.of());

  private static TableDescription pushed(String prefix, ModelSchema model) {
    DynamoDriver driver = DynamoDriver.builder().client(LocalDynamo.client())
        .schema(Schema.of(List.of(model))).tablePrefix(prefix).build();
    try {
      driver.pushSchema().block();
    } finally {
      driver.close().block();
    }
    return LocalDynamo.client().describeTable(r -> r.tableName(prefix + "notes")).join().table();
  }

  @Test
  void aNewTableOfAFollowedModelHasAStreamOfBothImages() {
    TableDescription table = pushed("s" + UUID.randomUUID() + "_", NOTE.withChanges());
    assertTrue(ChangeStreamSpec.enabled(table));
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, table.streamSpecification().streamViewType());
  }

  @Test
  void pushEnablesTheStreamOfATableThatExistsWithoutOne() {
    String prefix = "s" + UUID.randomUUID() + "_";
    assertFalse(ChangeStreamSpec.enabled(pushed(prefix, NOTE)), "no stream before");
    TableDescription table = pushed(prefix, NOTE.withChanges());
    assertTrue(ChangeStreamSpec.enabled(table));
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, table.streamSpecification().streamViewType());
  }
}
