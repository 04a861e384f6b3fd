package io.toasty.dynamo.expr;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A DynamoDB condition under construction: always true, always false, or expression text. The
 * combinators fold the constants away, because DynamoDB's expression language has no literal
 * {@code true}: a condition that is always true is no condition at all.
 */
public sealed interface Cond {
  /** Holds for every item. */
  Cond TRUE = new Const(true);
  /** Holds for no item. */
  Cond FALSE = new Const(false);

  /** A constant condition. */
  record Const(boolean value) implements Cond {}

  /** Expression text; {@code kind} says how to parenthesize it inside another. */
  record Text(String text, Kind kind) implements Cond {}

  /** The top operator of a text, for parentheses. */
  enum Kind { ATOM, AND, OR, NOT }

  /** A comparison or function call. */
  static Cond atom(String text) {
    return new Text(text, Kind.ATOM);
  }

  /** Conjunction: FALSE if any operand is, TRUE operands dropped. */
  static Cond and(List<Cond> operands) {
    List<String> parts = new ArrayList<>();
    for (Cond c : operands) {
      if (c instanceof Const k) {
        if (!k.value()) {
          return FALSE;
        }
      } else {
        Text t = (Text) c;
        parts.add(t.kind() == Kind.OR ? "(" + t.text() + ")" : t.text());
      }
    }
    if (parts.isEmpty()) {
      return TRUE;
    }
    return parts.size() == 1 ? only(operands) : new Text(String.join(" AND ", parts), Kind.AND);
  }

  /** Disjunction: TRUE if any operand is, FALSE operands dropped. */
  static Cond or(List<Cond> operands) {
    List<String> parts = new ArrayList<>();
    for (Cond c : operands) {
      if (c instanceof Const k) {
        if (k.value()) {
          return TRUE;
        }
      } else {
        Text t = (Text) c;
        parts.add(t.kind() == Kind.AND ? "(" + t.text() + ")" : t.text());
      }
    }
    if (parts.isEmpty()) {
      return FALSE;
    }
    return parts.size() == 1 ? only(operands) : new Text(String.join(" OR ", parts), Kind.OR);
  }

  /** Two-valued negation. */
  static Cond not(Cond c) {
    if (c instanceof Const k) {
      return k.value() ? FALSE : TRUE;
    }
    Text t = (Text) c;
    return new Text("NOT (" + t.text() + ")", Kind.NOT);
  }

  /** {@code a AND b}. */
  static Cond and(Cond a, Cond b) {
    return and(List.of(a, b));
  }

  /** {@code a OR b}. */
  static Cond or(Cond a, Cond b) {
    return or(List.of(a, b));
  }

  private static Cond only(List<Cond> operands) {
    for (Cond c : operands) {
      if (c instanceof Text) {
        return c;
      }
    }
    throw new IllegalStateException("no text operand");
  }

  /** The expression text, or null for TRUE (no condition); FALSE has no text. */
  default @Nullable String textOrNull() {
    if (this instanceof Text t) {
      return t.text();
    }
    if (((Const) this).value()) {
      return null;
    }
    throw new IllegalStateException("an always-false condition has no text; send nothing");
  }
}
