package io.toasty.dynamo.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.Change;
import io.toasty.driver.ChangeNotice;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.dynamo.table.Tables;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** Stream records read as notices: the kind, the key in key order with its types, the token. */
class StreamRecordsTest {
  /** A key of two fields, declared sort key first: the notice keeps the model's key order. */
  private static final TableInfo SCORES = new Tables(Schema.of(List.of(new ModelSchema("Score",
      "t.Score", "scores", List.of(
          field(0, "round", Type.Scalar.I32), field(1, "player", Type.Scalar.STRING),
          field(2, "points", Type.Scalar.I64)), List.of(1, 0), List.of()).withChanges())), "p_")
      .ofModel("Score");

  private static FieldSchema field(int index, String name, Type type) {
    return new FieldSchema(index, name, type, false, null, null, name, null, false, null);
  }

  private static Record record(OperationType kind, String sequence) {
    return Record.builder().eventName(kind).dynamodb(StreamRecord.builder()
        .keys(Map.of("player", AttributeValue.fromS("ann"), "round", AttributeValue.fromN("3")))
        .sequenceNumber(sequence).build()).build();
  }

  @Test
  void eachKindIsItsChangeWithTheKeyInKeyOrderAndTheSequenceNumber() {
    Value.Record key = Value.Record.of(new Value.Str("ann"), new Value.I32(3));
    assertEquals(new ChangeNotice(Change.Kind.CREATED, key, "shardId-1:7"),
        StreamRecords.notice(SCORES, "shardId-1", record(OperationType.INSERT, "7")));
    assertEquals(new ChangeNotice(Change.Kind.UPDATED, key, "shardId-1:8"),
        StreamRecords.notice(SCORES, "shardId-1", record(OperationType.MODIFY, "8")));
    assertEquals(new ChangeNotice(Change.Kind.DELETED, key, "shardId-1:9"),
        StreamRecords.notice(SCORES, "shardId-1", record(OperationType.REMOVE, "9")));
  }

  /** A notice's token is read back into its shard and sequence number, for resuming. */
  @Test
  void aTokenIsReadBackAndOnlyATokenIs() {
    String token = StreamRecords.notice(SCORES, "shardId-00001-ab", record(OperationType.INSERT,
        "4100000000000000001")).token();
    assertEquals(new ShardToken("shardId-00001-ab", "4100000000000000001"),
        ShardToken.parse(token));
    for (String bad : List.of("", "7", ":7", "shard:", "shard:7x", "a b:7", "812.40")) {
      assertThrows(IllegalArgumentException.class,
          () -> ShardToken.parse(bad), bad);
    }
  }

  /** An update's and a delete's old image is the record's fields before it, in field order. */
  @Test
  void theOldImageIsTheFieldsBeforeTheChange() {
    Record modify = Record.builder().eventName(OperationType.MODIFY).dynamodb(StreamRecord
        .builder().keys(Map.of("player", AttributeValue.fromS("ann"), "round",
            AttributeValue.fromN("3")))
        .oldImage(Map.of("player", AttributeValue.fromS("ann"), "round",
            AttributeValue.fromN("3"), "points", AttributeValue.fromN("40")))
        .sequenceNumber("5").build()).build();
    assertEquals(Value.Record.of(new Value.I32(3), new Value.Str("ann"), new Value.I64(40)),
        StreamRecords.notice(SCORES, "shardId-1", modify).old());
    assertEquals(null, StreamRecords.notice(SCORES, "shardId-1",
        record(OperationType.INSERT, "6")).old(), "an insert has no old image");
  }

  @Test
  void theTableOfAFollowedModelKnowsIt() {
    assertEquals(true, SCORES.changes());
    assertEquals("p_scores", SCORES.physicalName());
  }
}
