package io.toasty.sql.ddl;

import io.toasty.error.InvalidModelException;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.value.Type;
import org.jspecify.annotations.Nullable;

/** The names and ranges DDL gives constraints, the same from push and from migrations. */
public final class DdlNames {
  private DdlNames() {}

  /** The name of a table's primary key constraint, or {@code null} when it would be too long. */
  public static @Nullable String primaryKeyName(SqlDialect dialect, String table) {
    String name = table + "_pkey";
    return fits(dialect, name) ? name : null;
  }

  /** The name of the range CHECK of {@code column} of {@code table}. */
  public static String rangeCheckName(String table, String column) {
    return table + "_" + column + "_range";
  }

  /** Whether {@code name} is within the dialect's identifier limit. */
  public static boolean fits(SqlDialect dialect, String name) {
    return dialect.identifierLength(name) <= dialect.maxIdentifierLength();
  }

  /** The least and greatest value of an integer type. */
  public static long[] integerRange(Type type) {
    if (type == Type.Scalar.I8) {
      return new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
    } else if (type == Type.Scalar.I16) {
      return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
    } else if (type == Type.Scalar.I32) {
      return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
    } else if (type == Type.Scalar.I64) {
      return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    }
    throw new IllegalArgumentException("no integer range for " + type);
  }

  /** The error of a name longer than {@code dialect} accepts, naming the model and field. */
  public static InvalidModelException tooLong(SqlDialect dialect, @Nullable String model,
      @Nullable String field,
      String name, String what) {
    return new InvalidModelException(model, field, "[" + dialect.backend() + "] " + what + " '"
        + name + "' is too long (" + dialect.identifierLength(name) + "); " + dialect.backend()
        + " accepts at most " + dialect.maxIdentifierLength() + ": shorten it with @Table, "
        + "@Column or @Index(name)");
  }
}
