package io.toasty.sql.ddl;

import java.util.Objects;

/**
 * A column's database default, kept neutral so that each dialect writes its own literal.
 *
 * @param kind what the text is
 * @param text {@code true}/{@code false}, a number as written, or the string itself
 */
public record ColumnDefault(Kind kind, String text) {
  public ColumnDefault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /** The kinds of default a database holds. */
  public enum Kind {
    /** A boolean: the dialect's literal of true or false. */
    BOOL,
    /** A number, written as it is. */
    NUM,
    /** A string, quoted and escaped. */
    STR
  }
}
