package io.toasty.codegen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The naming rules of generated code: entry class plurals, table and column names, constants. */
final class Naming {
  private Naming() {}

  /**
   * The English plural of a class name: {@code +es} after s, x, z, ch or sh; {@code ies} for a
   * consonant followed by {@code y}; else {@code +s}.
   */
  static String plural(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z")
        || lower.endsWith("ch") || lower.endsWith("sh")) {
      return name + "es";
    }
    if (lower.length() > 1 && lower.endsWith("y") && !isVowel(lower.charAt(lower.length() - 2))) {
      return name.substring(0, name.length() - 1) + "ies";
    }
    return name + "s";
  }

  /**
   * {@code camelCase} or {@code PascalCase} in {@code snake_case}. A word starts at an upper-case
   * letter after a lower-case letter or digit, and at the last capital of an acronym followed by a
   * lower-case letter ({@code URLPath} → {@code url_path}).
   */
  static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && startsWord(name, i)) {
        out.append('_');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /** {@code loginCount} → {@code LOGIN_COUNT}. */
  static String upperSnakeCase(String name) {
    return snakeCase(name).toUpperCase(Locale.ROOT);
  }

  /**
   * The path constant names of fields, in order: the field's name in UPPER_SNAKE_CASE, with
   * {@code _} appended while it is taken. Taken are {@code MODEL}, earlier constants, and every
   * field name, because field names become parameter names that would shadow the constant
   * ({@code model} → {@code MODEL_}; a field called {@code EMAIL} → {@code EMAIL_}).
   */
  static List<String> constantNames(List<String> fields) {
    Set<String> taken = new HashSet<>(fields);
    taken.add("MODEL");
    List<String> names = new ArrayList<>(fields.size());
    for (String field : fields) {
      String name = upperSnakeCase(field);
      while (!taken.add(name)) {
        name += "_";
      }
      names.add(name);
    }
    return names;
  }

  /** {@code email} → {@code Email}. */
  static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** The suffix of a finder over these fields: {@code ById}, {@code ByTenantAndId}. */
  static String finderSuffix(List<String> fields) {
    StringBuilder out = new StringBuilder("By");
    for (int i = 0; i < fields.size(); i++) {
      out.append(i == 0 ? "" : "And").append(capitalize(fields.get(i)));
    }
    return out.toString();
  }

  private static boolean startsWord(String name, int i) {
    char before = name.charAt(i - 1);
    if (Character.isLowerCase(before) || Character.isDigit(before)) {
      return true;
    }
    return Character.isUpperCase(before) && i + 1 < name.length()
        && Character.isLowerCase(name.charAt(i + 1));
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }
}
