package io.toasty.vertx.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A document's text as the values Vert.x binds as {@code jsonb} ({@link JsonObject},
 * {@link JsonArray}, String, number, boolean), its numbers exact: a fraction or exponent as a
 * {@code BigDecimal}, an integer as the smallest of Integer, Long and BigInteger that holds it.
 * Vert.x's own decoding reads fractions as {@code double}s, which keep 17 digits
 * (SealedDocumentScenarios: a fee of 22 digits). Read with Jackson's streaming parser, which
 * takes no lock, so it may run on an event loop.
 */
final class ExactJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ExactJson() {}

  /**
   * The value of the document {@code text}; null for a JSON {@code null}.
   *
   * @throws IllegalArgumentException when {@code text} is not one JSON value
   */
  static @Nullable Object read(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new IllegalArgumentException("an empty JSON document");
      }
      Object value = value(parser);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("more than one JSON value in a document at "
            + parser.currentLocation().getCharOffset());
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String reader does no I/O
    }
  }

  private static @Nullable Object value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> object(parser);
      case START_ARRAY -> array(parser);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getNumberValue();
      case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IllegalArgumentException("unexpected JSON token " + token);
    };
  }

  private static JsonObject object(JsonParser parser) throws IOException {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      fields.put(name, value(parser));
    }
    return new JsonObject(fields);
  }

  private static JsonArray array(JsonParser parser) throws IOException {
    List<@Nullable Object> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(value(parser));
    }
    return new JsonArray(items);
  }
}
