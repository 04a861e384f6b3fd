package io.toasty.dynamo.ddl;

import io.toasty.dynamo.table.TableInfo;
import io.toasty.dynamo.table.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB tables of a schema: per table, a table keyed by its first key column (partition)
 * and second (sort), with a global secondary index per schema index (projecting every attribute,
 * so that a filter on the index can read them), billed on demand; and per table with unique
 * indexes, the companion table of uniqueness items, keyed by {@code u}. A table whose model's
 * changes are followed has a stream ({@link ChangeStreamSpec}).
 */
final class TableDefinitions {
  private TableDefinitions() {}

  /** Every table to create, in schema order, each companion after its table. */
  static List<CreateTableRequest> of(Tables tables) {
    List<CreateTableRequest> out = new ArrayList<>();
    for (TableInfo t : tables.all()) {
      out.add(table(t));
      if (t.uniqueTableName() != null) {
        out.add(CreateTableRequest.builder()
            .tableName(t.uniqueTableName())
            .keySchema(key(TableInfo.UNIQUE_KEY, KeyType.HASH))
            .attributeDefinitions(AttributeDefinition.builder()
                .attributeName(TableInfo.UNIQUE_KEY).attributeType(ScalarAttributeType.S).build())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .build());
      }
    }
    return out;
  }

  private static CreateTableRequest table(TableInfo t) {
    Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>();
    List<KeySchemaElement> key = new ArrayList<>();
    key.add(key(t.attribute(t.partitionKey()), KeyType.HASH));
    attributes.put(t.attribute(t.partitionKey()), t.keyType(t.partitionKey()));
    if (t.sortKey() >= 0) {
      key.add(key(t.attribute(t.sortKey()), KeyType.RANGE));
      attributes.put(t.attribute(t.sortKey()), t.keyType(t.sortKey()));
    }
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    for (TableInfo.Index ix : t.indexes()) {
      List<KeySchemaElement> ixKey = new ArrayList<>();
      ixKey.add(key(t.attribute(ix.partition()), KeyType.HASH));
      attributes.put(t.attribute(ix.partition()), t.keyType(ix.partition()));
      if (ix.sort() >= 0) {
        ixKey.add(key(t.attribute(ix.sort()), KeyType.RANGE));
        attributes.put(t.attribute(ix.sort()), t.keyType(ix.sort()));
      }
      indexes.add(GlobalSecondaryIndex.builder()
          .indexName(ix.name())
          .keySchema(ixKey)
          .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
          .build());
    }
    List<AttributeDefinition> definitions = new ArrayList<>();
    attributes.forEach((name, type) -> definitions.add(AttributeDefinition.builder()
        .attributeName(name).attributeType(type).build()));
    CreateTableRequest.Builder b = CreateTableRequest.builder()
        .tableName(t.physicalName())
        .keySchema(key)
        .attributeDefinitions(definitions)
        .billingMode(BillingMode.PAY_PER_REQUEST);
    if (!indexes.isEmpty()) {
      b.globalSecondaryIndexes(indexes);
    }
    if (t.changes()) {
      b.streamSpecification(ChangeStreamSpec.ENABLED);
    }
    return b.build();
  }

  private static KeySchemaElement key(String attribute, KeyType type) {
    return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
  }
}
