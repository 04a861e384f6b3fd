package io.toasty.migrate.live;

import io.toasty.migrate.snapshot.DefaultLiteral;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compares a declared default ({@link DefaultLiteral}'s neutral form) with the default a catalog
 * shows, whose spelling differs per database: PostgreSQL adds casts ({@code 'draft'::text},
 * {@code '-1'::integer}), MariaDB quotes text and shows a nullable column's missing default as
 * {@code NULL}, booleans are {@code true}, {@code TRUE} or {@code 1}, numbers may come quoted or
 * in parentheses. The comparison is by value of the declared kind, not by text.
 */
public final class LiveDefaults {
  private static final Set<String> TRUE = Set.of("true", "1", "b'1'");
  private static final Set<String> FALSE = Set.of("false", "0", "b'0'");

  private LiveDefaults() {}

  /** Whether the catalog's {@code live} default is the declared {@code neutral} one. */
  public static boolean same(@Nullable String neutral, @Nullable String live) {
    String bare = bare(live);
    if (neutral == null) {
      return bare == null;
    }
    if (bare == null) {
      return false;
    }
    String text = DefaultLiteral.text(neutral);
    return switch (DefaultLiteral.kind(neutral)) {
      case "num" -> sameNumber(text, unquote(bare));
      case "bool" -> (Boolean.parseBoolean(text) ? TRUE : FALSE)
          .contains(unquote(bare).toLowerCase(Locale.ROOT));
      // MySQL shows text defaults unquoted, the others quoted.
      default -> unquote(bare).equals(text);
    };
  }

  /** The declared default as people read it: {@code 0}, {@code TRUE}, {@code 'draft'}. */
  public static String describe(@Nullable String neutral) {
    if (neutral == null) {
      return "no default";
    }
    String text = DefaultLiteral.text(neutral);
    return switch (DefaultLiteral.kind(neutral)) {
      case "bool" -> text.toUpperCase(Locale.ROOT);
      case "num" -> text;
      default -> "'" + text.replace("'", "''") + "'";
    };
  }

  /**
   * The catalog's text without casts and enclosing parentheses; {@code null} for no default
   * (MariaDB's unquoted {@code NULL} included).
   */
  static @Nullable String bare(@Nullable String live) {
    if (live == null) {
      return null;
    }
    String t = live.trim();
    boolean changed = true;
    while (changed) {
      String before = t;
      // PostgreSQL: 'x'::text, '-1'::integer, 'a'::character varying
      t = t.replaceFirst("::[A-Za-z_][A-Za-z0-9_ ]*(\\([^)]*\\))?(\\[\\])?$", "").trim();
      if (t.length() >= 2 && t.startsWith("(") && t.endsWith(")")) {
        t = t.substring(1, t.length() - 1).trim();
      }
      changed = !t.equals(before);
    }
    return t.isEmpty() || t.equalsIgnoreCase("NULL") ? null : t;
  }

  private static String unquote(String t) {
    if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
      return t.substring(1, t.length() - 1).replace("''", "'");
    }
    return t;
  }

  private static boolean sameNumber(String declared, String live) {
    try {
      return new BigDecimal(declared).compareTo(new BigDecimal(live)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
