package io.toasty.dynamo.stream;

import io.toasty.Change;
import io.toasty.driver.ChangeNotice;
import io.toasty.dynamo.codec.AttributeCodec;
import io.toasty.dynamo.codec.CollectionAttributes;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A stream record read as a change notice, with the record's fields before the change from the
 * old image where there is one: {@code INSERT}, {@code MODIFY}, {@code REMOVE} as
 * created, updated, deleted; the record's key attributes decoded as the table's key columns;
 * its shard and sequence number as the token ({@link ShardToken}: the sequence number rises
 * within a shard, so per key).
 */
final class StreamRecords {
  private StreamRecords() {}

  /** The notice of {@code record}, a record of {@code shard} in {@code table}'s stream. */
  // ChangeNotice's old is Value.@Nullable Record, which javac 17 does not read from its class file
  @SuppressWarnings("NullAway")
  static ChangeNotice notice(TableInfo table, String shard, Record record) {
    Change.Kind kind = kind(record.eventName());
    Map<String, AttributeValue> keys = record.dynamodb().keys();
    List<Integer> key = table.schema().primaryKey();
    Value[] values = new Value[key.size()];
    for (int i = 0; i < values.length; i++) {
      int c = key.get(i);
      values[i] = AttributeCodec.decode(keys.get(table.attribute(c)), table.column(c).type(),
          table.qualified(c));
    }
    return new ChangeNotice(kind, Value.Record.of(values),
        new ShardToken(shard, record.dynamodb().sequenceNumber()).toString(),
        old(table, record.dynamodb().oldImage()));
  }

  /**
   * The fields' values of an old image (an update's or a delete's, the stream being of new and
   * old images), decoded as a read decodes the item; {@code null} without one.
   */
  private static Value.@Nullable Record old(TableInfo table,
      @Nullable Map<String, AttributeValue> image) {
    List<Integer> columns = table.fieldColumns();
    if (image == null || image.isEmpty() || columns.isEmpty() || columns.contains(-1)) {
      return null;
    }
    Value[] values = new Value[columns.size()];
    for (int f = 0; f < values.length; f++) {
      int c = columns.get(f);
      values[f] = CollectionAttributes.decodeColumn(image.get(table.attribute(c)),
          table.column(c).type(), table.column(c).nullable(), table.qualified(c));
    }
    return Value.Record.of(values);
  }

  private static Change.Kind kind(OperationType type) {
    return switch (type) {
      case INSERT -> Change.Kind.CREATED;
      case MODIFY -> Change.Kind.UPDATED;
      case REMOVE -> Change.Kind.DELETED;
      default -> throw new IllegalArgumentException("a stream record of kind " + type);
    };
  }
}
