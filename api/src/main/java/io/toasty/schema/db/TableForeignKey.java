package io.toasty.schema.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A foreign key of a table, made from a belongs-to relation whose key is checked
 * ({@code RelationSchema.isChecked()}): the columns hold the key of a row of
 * {@code referencedTable}, and deleting that row does {@link #onDelete()} to the rows that refer
 * to it. Schema push and migrations declare it as {@code CONSTRAINT name FOREIGN KEY (columns)
 * REFERENCES referencedTable (referencedColumns) ON DELETE ..} on every SQL backend.
 *
 * @param name              the constraint's name, {@link #nameOf}: the same on every backend
 * @param columns           this table's column indexes, in the order of {@code referencedColumns}
 * @param referencedTable   the table referred to (this one for a self-reference)
 * @param referencedColumns its column indexes: its primary key, in key order, or a unique index's
 * @param onDelete          what deleting a referred row does to the rows referring to it
 * @param model             the model whose relation this is, for messages
 * @param relation          the belongs-to relation's name, for messages
 */
public record TableForeignKey(String name, List<Integer> columns, String referencedTable,
    List<Integer> referencedColumns, OnDelete onDelete, String model, String relation) {
  /**
   * The longest name given, in UTF-8 bytes: the shortest limit of the SQL backends
   * (PostgreSQL's 63 bytes; MySQL and MariaDB allow 64 characters, H2 256, SQLite any).
   */
  public static final int MAX_NAME_BYTES = 63;

  public TableForeignKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(referencedTable, "referencedTable");
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(relation, "relation");
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException(model + "." + relation + ": " + columns.size()
          + " column(s) referring to " + referencedColumns.size());
    }
  }

  /** What deleting a referred row does to the rows referring to it. */
  public enum OnDelete {
    /** They are deleted too (a required key). */
    CASCADE,
    /** Their key is set to NULL (an optional key). */
    SET_NULL,
    /** The delete is refused while they exist ({@code @BelongsTo.Restrict}). */
    RESTRICT
  }

  /**
   * The constraint name of a foreign key of {@code table} over {@code columns}:
   * {@code <table>_<column>[_<column>..]_fkey}, as PostgreSQL names one by default. A name longer
   * than {@link #MAX_NAME_BYTES} is cut and given the first 8 hex digits of the SHA-256 of the
   * whole name ({@code <cut>_<hash>_fkey}), so that it is the same on every backend, within every
   * backend's limit, and stays the same from one version of the models to the next.
   */
  public static String nameOf(String table, List<String> columns) {
    String full = table + "_" + String.join("_", columns) + "_fkey";
    if (full.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
      return full;
    }
    String suffix = "_" + sha256(full).substring(0, 8) + "_fkey";
    int budget = MAX_NAME_BYTES - suffix.length();
    StringBuilder cut = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < full.length(); ) {
      int cp = full.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > budget) {
        break;
      }
      cut.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return cut + suffix;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
