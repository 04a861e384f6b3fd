package io.toasty.schema;

import io.toasty.value.Type;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a key-value backend (DynamoDB) lays out a table: the DynamoDB driver's schema push and its
 * migrations both ask here. A table, and each of its indexes (a global secondary index), is keyed
 * by its first column (partition) and sorted by its second; a key attribute's type is a number,
 * a string or bytes; a unique index other than the primary key needs the companion table of
 * uniqueness items.
 */
public final class KeyValueLayout {
  private KeyValueLayout() {}

  /**
   * The key attribute type of a column of {@code type}: {@code N}, {@code S} or {@code B}; null
   * when a column of that type cannot be a key.
   */
  public static @Nullable String keyAttributeType(Type type) {
    if (type instanceof Type.Enum) {
      return "S";
    }
    if (!(type instanceof Type.Scalar s)) {
      return null;
    }
    return switch (s) {
      case I8, I16, I32, I64, F32, F64, DECIMAL -> "N";
      case STRING, UUID, INSTANT, LOCAL_DATE, LOCAL_TIME, LOCAL_DATE_TIME, OFFSET_DATE_TIME -> "S";
      case BYTES -> "B";
      case NULL, BOOL, JSON -> null;
    };
  }

  /** The key of a table or index over {@code columns}: the first partitions, the second sorts. */
  public static <T> List<T> key(List<T> columns) {
    return columns.subList(0, Math.min(2, columns.size()));
  }

  /**
   * Whether an index over {@code columns} keeps uniqueness items in the companion table: a
   * unique index that is not the primary key over again.
   */
  public static <T> boolean keepsUniquenessItems(boolean unique, List<T> columns,
      List<T> primaryKey) {
    return unique && !(columns.size() == primaryKey.size() && columns.containsAll(primaryKey));
  }
}
