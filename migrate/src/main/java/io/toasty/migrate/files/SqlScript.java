package io.toasty.migrate.files;

import io.toasty.migrate.MigrationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration's SQL file: a header comment, then per step a {@code -- step N: what} line and its
 * statements, each ending with {@code ;} at the end of a line (outside a dollar-quoted
 * function body). Flyway runs the same file as
 * plain SQL; Toasty reads the step lines to record progress step by step.
 */
public final class SqlScript {
  private static final String COMMENT = "--";
  private static final Pattern DOLLAR_TAG = Pattern.compile("\\$(?:[A-Za-z_][A-Za-z0-9_]*)?\\$");

  private SqlScript() {}

  /** The text of a file holding {@code steps}. */
  public static String write(String header, List<Step> steps) {
    return write(COMMENT, header, steps);
  }

  /** The steps of a file's {@code text}; {@code source} names it in errors. */
  public static List<Step> read(String text, String source) {
    return read(COMMENT, text, source);
  }

  /**
   * The text of a file holding {@code steps}, its comment lines starting with {@code comment}
   * (Cypher files use the same layout with {@code //}).
   */
  static String write(String comment, String header, List<Step> steps) {
    String stepLine = comment + " step ";
    StringBuilder out = new StringBuilder();
    for (String line : header.split("\n")) {
      out.append(comment).append(' ').append(line).append('\n');
    }
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      out.append('\n').append(stepLine).append(i + 1).append(": ").append(step.description())
          .append('\n');
      for (String statement : step.statements()) {
        out.append(statement).append(";\n");
      }
    }
    return out.toString();
  }

  /** The steps of a file's {@code text} whose comment lines start with {@code comment}. */
  static List<Step> read(String comment, String text, String source) {
    String stepLine = comment + " step ";
    List<Step> steps = new ArrayList<>();
    String description = null;
    List<String> statements = new ArrayList<>();
    StringBuilder statement = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(stepLine)) {
        if (description != null) {
          steps.add(new Step(description, statements));
        }
        description = line.substring(line.indexOf(':') + 1).trim();
        statements = new ArrayList<>();
      } else if (!line.startsWith(comment) && !line.isBlank()) {
        if (description == null) {
          throw new MigrationException(source + ": a statement before the first '" + stepLine
              .trim() + "' line",
              null);
        }
        statement.append(statement.length() == 0 ? "" : "\n").append(line);
        if (line.stripTrailing().endsWith(";") && !inDollarQuote(statement)) {
          String s = statement.toString().stripTrailing();
          statements.add(s.substring(0, s.length() - 1));
          statement.setLength(0);
        }
      }
    }
    if (statement.length() > 0) {
      throw new MigrationException(source + ": the last statement does not end with ';'", null);
    }
    if (description != null) {
      steps.add(new Step(description, statements));
    }
    return steps;
  }

  /**
   * Whether {@code text} ends inside a dollar-quoted string ({@code $tag$ .. $tag$}, PostgreSQL's
   * quoting of a function's body): a {@code ;} at the end of a line there ends no statement.
   */
  static boolean inDollarQuote(CharSequence text) {
    Matcher m = DOLLAR_TAG.matcher(text);
    String open = null;
    while (m.find()) {
      if (open == null) {
        open = m.group();
      } else if (open.equals(m.group())) {
        open = null;
      }
    }
    return open != null;
  }
}
