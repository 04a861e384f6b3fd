package io.toasty.reactive.observe;

import io.toasty.Redaction;
import io.toasty.planner.Prepared;
import io.toasty.planner.verify.ArgCheck;
import io.toasty.value.Value;
import java.util.List;

/**
 * Prints a prepared statement's values by slot for a log line ({@code $0 = "ann", $1 = ***}):
 * a slot the plan checks against a sensitive field, or one it does not tie to any field, shows
 * the mask; a long text shows its start and length.
 */
public final class StatementValues {
  /** Texts longer than this show their start only, so a 10 MB value makes no 10 MB line. */
  static final int MAX_TEXT = 64;

  private StatementValues() {}

  /** The values of {@code prepared}, slot by slot. */
  public static String of(Prepared prepared) {
    List<Value> args = prepared.args();
    List<ArgCheck> checks = prepared.plan().checks();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      ArgCheck check = i < checks.size() ? checks.get(i) : null;
      out.append(i == 0 ? "" : ", ").append('$').append(i).append(" = ");
      // a slot without a check belongs to no field the plan knows: it may be a secret's
      out.append(check == null || check.sensitive() ? Redaction.MASK : shown(args.get(i)));
    }
    return out.toString();
  }

  private static String shown(Value v) {
    if (v instanceof Value.Str s) {
      String text = s.value();
      return text.length() <= MAX_TEXT ? '"' + text + '"'
          : '"' + text.substring(0, MAX_TEXT) + "\"... (" + text.length() + " chars)";
    }
    return String.valueOf(v.toJava());
  }
}
