package io.toasty.sql.ddl;

import io.toasty.Change;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A change trigger's notification payload ({@link ChangeTriggerDdl}), read:
 * {@code <op> <xid> <seq>} then each key part as {@code <length>:<text>}, the length counted
 * in characters (code points), as PostgreSQL's {@code length} counts them. The change log's
 * rows hold the same parts.
 *
 * @param kind  {@code I}, {@code U} or {@code D} as the change's kind
 * @param token the transaction's id and the change's number in the log, {@code <xid>.<seq>}
 * @param key   the key's parts, as the database wrote them as text
 */
public record ChangePayload(Change.Kind kind, String token, List<String> key) {
  public ChangePayload {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(token, "token");
    key = List.copyOf(key);
  }

  /** The kinds of key field a payload's text is read back into. */
  private static final List<Type> READABLE = List.of(Type.Scalar.I16, Type.Scalar.I32,
      Type.Scalar.I64, Type.Scalar.STRING, Type.Scalar.UUID, Type.Scalar.LOCAL_DATE);

  /** Whether a key field of {@code type} can be read back from a payload. */
  public static boolean readable(Type type) {
    return READABLE.contains(type);
  }

  /**
   * Reads {@code payload}.
   *
   * @throws IllegalArgumentException when it is not a change trigger's payload
   */
  public static ChangePayload parse(String payload) {
    String[] head = payload.split(" ", 4);
    if (head.length < 3) {
      throw new IllegalArgumentException("not a change notification: " + payload);
    }
    Change.Kind kind = switch (head[0]) {
      case "I" -> Change.Kind.CREATED;
      case "U" -> Change.Kind.UPDATED;
      case "D" -> Change.Kind.DELETED;
      default -> throw new IllegalArgumentException("not a change notification: " + payload);
    };
    List<String> key = new ArrayList<>();
    String rest = head.length == 4 ? head[3] : "";
    int at = 0;
    while (at < rest.length()) {
      int colon = rest.indexOf(':', at);
      int length = Integer.parseInt(rest.substring(at, colon));
      int end = rest.offsetByCodePoints(colon + 1, length);
      key.add(rest.substring(colon + 1, end));
      at = end + 1; // the space before the next part
    }
    return new ChangePayload(kind, head[1] + "." + head[2], key);
  }

  /**
   * The change log's number in {@code token}, a {@link #token()}.
   *
   * @throws IllegalArgumentException when it is no such token
   */
  public static long sequence(String token) {
    int dot = token.indexOf('.');
    try {
      if (dot > 0 && Long.parseLong(token.substring(0, dot)) >= 0) {
        long seq = Long.parseLong(token.substring(dot + 1));
        if (seq > 0) {
          return seq;
        }
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException("not a change token <xid>.<seq>: " + token);
  }

  /** The key's parts as the values of fields of {@code types}, in key order. */
  public Value.Record keyValues(List<Type> types) {
    if (types.size() != key.size()) {
      throw new IllegalArgumentException("a key of " + types.size() + " fields, notified with "
          + key.size() + ": " + key);
    }
    Value[] values = new Value[key.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(types.get(i), key.get(i));
    }
    return Value.Record.of(values);
  }

  private static Value value(Type type, String text) {
    if (!(type instanceof Type.Scalar scalar)) {
      throw new IllegalArgumentException("a key field of type " + type);
    }
    return switch (scalar) {
      case I16 -> new Value.I16(Short.parseShort(text));
      case I32 -> new Value.I32(Integer.parseInt(text));
      case I64 -> new Value.I64(Long.parseLong(text));
      case STRING -> new Value.Str(text);
      case UUID -> new Value.Uuid(UUID.fromString(text));
      case LOCAL_DATE -> new Value.Date(LocalDate.parse(text));
      default -> throw new IllegalArgumentException("a key field of type " + type);
    };
  }
}
