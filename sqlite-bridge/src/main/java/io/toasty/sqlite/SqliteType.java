package io.toasty.sqlite;

import io.r2dbc.spi.Type;
import java.util.Locale;

/**
 * A column's type affinity, from its declared type by SQLite's rules (section 3.1 of "Datatypes
 * In SQLite"), with the Java class {@code Row.get(i)} returns for values of that affinity.
 */
enum SqliteType implements Type {
  /** Declared type contains {@code INT}. */
  INTEGER(Long.class),
  /** Declared type contains {@code CHAR}, {@code CLOB} or {@code TEXT}. */
  TEXT(String.class),
  /** Declared type contains {@code BLOB}. */
  BLOB(byte[].class),
  /** Declared type contains {@code REAL}, {@code FLOA} or {@code DOUB}. */
  REAL(Double.class),
  /**
   * Any other declared type ({@code NUMERIC}, {@code DECIMAL}, {@code BOOLEAN}, {@code DATE}):
   * values are INTEGER, REAL or TEXT, so the Java type is {@code Object}.
   */
  NUMERIC(Object.class),
  /** No declared type (an expression, or a column declared without one): any value. */
  ANY(Object.class);

  private final Class<?> javaType;

  SqliteType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** The affinity of a column declared as {@code declared} ({@code null} for none). */
  static SqliteType ofDeclared(String declared) {
    if (declared == null || declared.isBlank()) {
      return ANY;
    }
    String t = declared.toUpperCase(Locale.ROOT);
    if (t.contains("INT")) {
      return INTEGER;
    }
    if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
      return TEXT;
    }
    if (t.contains("BLOB")) {
      return BLOB;
    }
    if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
      return REAL;
    }
    return NUMERIC;
  }

  @Override
  public Class<?> getJavaType() {
    return javaType;
  }

  @Override
  public String getName() {
    return name();
  }
}
