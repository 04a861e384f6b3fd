package io.toasty.dynamo.op;

import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.UniqueViolationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Uniqueness items: DynamoDB has no unique constraint on a non-key attribute, so each unique
 * value of a record is also the key of an item in the table's companion table
 * ({@code <table>.unique}), {@code u = "<index>#<value>"}, with the owner's key. A write that
 * adds a unique value puts that item with {@code attribute_not_exists(u)} in the same
 * TransactWriteItems as the record: of two concurrent creates with one email, exactly one
 * commits. Updates that change the value and deletes remove the old item in the same transaction.
 * A soft-deleted item claims nothing: the soft delete (an update of the marker) removes its
 * items, and a restore puts them again, conditioned as a create's.
 */
final class Uniqueness {
  /** Encoded values longer than this are replaced by their SHA-256 (keys are at most 2 KB). */
  private static final int MAX_PLAIN = 1024;

  /** One uniqueness item to put, with the index it guards and the row it belongs to. */
  record Claim(TableInfo.Index index, String key, int row) {}

  private Uniqueness() {}

  /**
   * The uniqueness key of {@code index} for {@code item}, or null when a part is NULL (NULLs are
   * never equal, so they claim nothing) or when the index holds live items only and
   * {@code item} is soft-deleted ({@link TableInfo#liveOnly}): a soft delete releases its values,
   * a restore claims them again.
   */
  static @Nullable String key(TableInfo t, TableInfo.Index index,
      Map<String, AttributeValue> item) {
    if (t.liveOnly(index) && t.deleted(item)) {
      return null;
    }
    StringBuilder value = new StringBuilder();
    for (int c : index.columns()) {
      AttributeValue a = item.get(t.attribute(c));
      if (a == null || Boolean.TRUE.equals(a.nul())) {
        return null;
      }
      String part;
      char kind;
      if (a.n() != null) {
        kind = 'N';
        BigDecimal d = new BigDecimal(a.n()).stripTrailingZeros();
        part = d.signum() == 0 ? "0" : d.toPlainString();
      } else if (a.s() != null) {
        kind = 'S';
        part = a.s();
      } else if (a.b() != null) {
        kind = 'B';
        part = Base64.getEncoder().encodeToString(a.b().asByteArrayUnsafe());
      } else {
        kind = 'X';
        part = a.toString();
      }
      value.append(kind).append(part.length()).append(':').append(part);
    }
    String v = value.toString();
    if (v.getBytes(StandardCharsets.UTF_8).length > MAX_PLAIN) {
      v = "H" + sha256(v);
    }
    return index.name() + "#" + v;
  }

  /** The uniqueness items {@code item} (row {@code row} of a write) claims. */
  static List<Claim> claims(TableInfo t, Map<String, AttributeValue> item, int row) {
    List<Claim> out = new ArrayList<>();
    for (TableInfo.Index ix : t.uniqueIndexes()) {
      String k = key(t, ix, item);
      if (k != null) {
        out.add(new Claim(ix, k, row));
      }
    }
    return out;
  }

  /**
   * Puts the uniqueness item {@code key} owned by {@code owner}, if no one else holds it (a
   * record soft-deleted before its index held live items only still holds its item: its
   * restore keeps it).
   */
  static TransactWriteItem put(TableInfo t, String key, Map<String, AttributeValue> owner) {
    AttributeValue ownerValue = AttributeValue.fromM(owner);
    return TransactWriteItem.builder().put(Put.builder()
        .tableName(t.uniqueTableName())
        .item(Map.of(TableInfo.UNIQUE_KEY, AttributeValue.fromS(key),
            TableInfo.UNIQUE_OWNER, ownerValue))
        .conditionExpression("attribute_not_exists(#u) OR #o = :o")
        .expressionAttributeNames(Map.of("#u", TableInfo.UNIQUE_KEY,
            "#o", TableInfo.UNIQUE_OWNER))
        .expressionAttributeValues(Map.of(":o", ownerValue))
        .build()).build();
  }

  /** Deletes the uniqueness item {@code key}. */
  static TransactWriteItem delete(TableInfo t, String key) {
    return TransactWriteItem.builder().delete(Delete.builder()
        .tableName(t.uniqueTableName())
        .key(Map.of(TableInfo.UNIQUE_KEY, AttributeValue.fromS(key)))
        .build()).build();
  }

  /** The error for a unique value another record holds. */
  static UniqueViolationException violation(TableInfo t, TableInfo.Index index,
      @Nullable Throwable cause) {
    return new UniqueViolationException(t.model(), t.fieldNames(index.columns()),
        "another record has the same value (index " + index.name() + ")", cause);
  }

  /** The error for a key another record has. */
  static UniqueViolationException duplicateKey(TableInfo t, @Nullable Throwable cause) {
    return new UniqueViolationException(t.model(), t.fieldNames(t.primaryKey()),
        "another record has the same key", cause);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256", e);
    }
  }
}
