package io.toasty.sqlite;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Nullability;

/**
 * A result column: its name (the alias, or the expression's text), its affinity from the
 * declared type, the declared type itself as native metadata, and whether it may be NULL.
 */
final class SqliteColumnMetadata implements ColumnMetadata {
  private final String name;
  private final String declaredType;
  private final SqliteType type;
  private final Nullability nullability;

  SqliteColumnMetadata(String name, String declaredType, Nullability nullability) {
    this.name = name;
    this.declaredType = declaredType;
    this.type = SqliteType.ofDeclared(declaredType);
    this.nullability = nullability;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public SqliteType getType() {
    return type;
  }

  @Override
  public Class<?> getJavaType() {
    return type.getJavaType();
  }

  /** The declared type as written in the table definition, or {@code null} for none. */
  @Override
  public String getNativeTypeMetadata() {
    return declaredType;
  }

  @Override
  public Nullability getNullability() {
    return nullability;
  }

  @Override
  public String toString() {
    return name + " " + (declaredType == null ? "" : declaredType) + " (" + type + ")";
  }
}
