package io.toasty.sql.render;

import io.toasty.sql.dialect.SqlDialect;

/**
 * How each dialect writes a path's visited column, its cycle protection: the keys of the rows a
 * path has visited as text, {@code /k1/k2/}, and a test that the next key is not in it. The
 * dialects differ in how a key becomes text (SQLite's blob UUIDs are hex; MariaDB's UUID type
 * casts to its text form), how text is joined (MariaDB's {@code ||} is OR), how a substring is
 * found, and how wide the anchor must declare the column: MariaDB and H2 type a recursive CTE's
 * columns by its first SELECT alone, so a path would be cut at its start row's length.
 *
 * @param keyText  the SQL that makes a key column text: {@code %s} is the column
 * @param concat   whether text is joined with {@code CONCAT(a, b)} rather than {@code a || b}
 * @param notIn    the SQL of "needle not in haystack": {@code %1$s} the needle, {@code %2$s}
 *                 the haystack
 * @param anchored the SQL that widens the anchor's visited text: {@code %s} is that text
 */
record PathCycles(String keyText, boolean concat, String notIn, String anchored) {

  /** The choices of {@code dialect}'s backend. */
  static PathCycles of(SqlDialect dialect) {
    return switch (dialect.backend()) {
      case "postgresql" -> new PathCycles("CAST(%s AS TEXT)", false,
          "POSITION(%1$s IN %2$s) = 0", "%s");
      case "h2" -> new PathCycles("CAST(%s AS VARCHAR)", false, "LOCATE(%1$s, %2$s) = 0",
          "CAST(%s AS VARCHAR(1000000))");
      case "sqlite" -> new PathCycles("HEX(%s)", false, "INSTR(%2$s, %1$s) = 0", "%s");
      // MySQL and MariaDB
      default -> new PathCycles("CAST(%s AS CHAR)", true, "LOCATE(%1$s, %2$s) = 0",
          "CAST(%s AS CHAR(16000))");
    };
  }

  /** The text pieces joined, each already SQL. */
  String join(String... pieces) {
    return concat ? "CONCAT(" + String.join(", ", pieces) + ")" : String.join(" || ", pieces);
  }
}
