package io.toasty.dynamo.codec;

import io.toasty.error.DriverException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@code @Json} field's document as DynamoDB's own document types, so that it reads as a
 * document in the console and in other clients: objects as {@code M}, arrays as {@code L},
 * strings as {@code S}, numbers as {@code N} (DynamoDB's range: magnitude 1E-130 to 9.99E+125,
 * 38 digits), booleans as {@code BOOL}, null as {@code NUL}. Key order inside an object is not
 * kept (a map's is not) and numbers come back as DynamoDB normalizes them ({@code 1.0} as
 * {@code 1}). DynamoDB refuses an empty attribute name, also as a key of a map: a key that is
 * empty or begins with {@code ~} is stored with a {@code ~} in front ({@code ""} as {@code "~"},
 * {@code "~x"} as {@code "~~x"}), every other key as it is.
 */
final class JsonAttributes {
  private static final String ESCAPE = "~";

  private JsonAttributes() {}

  static String storedKey(String key) {
    return key.isEmpty() || key.startsWith(ESCAPE) ? ESCAPE + key : key;
  }

  static String documentKey(String stored) {
    return stored.startsWith(ESCAPE) ? stored.substring(ESCAPE.length()) : stored;
  }

  /** The attribute of a document's JSON text. */
  static AttributeValue encode(String text) {
    return encode(JsonNode.parser().parse(text));
  }

  private static AttributeValue encode(JsonNode node) {
    if (node.isObject()) {
      Map<String, AttributeValue> m = new LinkedHashMap<>();
      node.asObject().forEach((k, v) -> m.put(storedKey(k), encode(v)));
      return AttributeValue.fromM(m);
    } else if (node.isArray()) {
      List<AttributeValue> l = new ArrayList<>();
      node.asArray().forEach(v -> l.add(encode(v)));
      return AttributeValue.fromL(l);
    } else if (node.isString()) {
      return AttributeValue.fromS(node.asString());
    } else if (node.isNumber()) {
      return AttributeValue.fromN(AttributeCodec.number(new BigDecimal(node.asNumber())));
    } else if (node.isBoolean()) {
      return AttributeValue.fromBool(node.asBoolean());
    }
    return AttributeValue.fromNul(true);
  }

  /** The JSON text of a document's attribute. */
  static String decode(AttributeValue a, String what) {
    JsonWriter out = JsonWriter.create();
    write(a, out, what);
    return new String(out.getBytes(), StandardCharsets.UTF_8);
  }

  private static void write(AttributeValue a, JsonWriter out, String what) {
    if (a.hasM()) {
      out.writeStartObject();
      for (Map.Entry<String, AttributeValue> e : a.m().entrySet()) {
        out.writeFieldName(documentKey(e.getKey()));
        write(e.getValue(), out, what);
      }
      out.writeEndObject();
    } else if (a.hasL()) {
      out.writeStartArray();
      for (AttributeValue item : a.l()) {
        write(item, out, what);
      }
      out.writeEndArray();
    } else if (a.s() != null) {
      out.writeValue(a.s());
    } else if (a.n() != null) {
      out.writeNumber(a.n());
    } else if (a.bool() != null) {
      out.writeValue(a.bool());
    } else if (Boolean.TRUE.equals(a.nul())) {
      out.writeNull();
    } else {
      throw new DriverException("dynamodb", null, "attribute " + what + " holds " + a
          + ", which is no JSON document", null);
    }
  }
}
