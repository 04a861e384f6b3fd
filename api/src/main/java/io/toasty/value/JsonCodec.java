package io.toasty.value;

/**
 * Writes Java objects as JSON text and reads them back, for {@code @Json} fields. A {@code Db}
 * holds one (Jackson's {@code ObjectMapper} unless configured otherwise); the engine writes a
 * field's {@link Value.Json} with it before a driver sees the statement, and attaches it to the
 * documents a driver reads, so that generated code reads objects with the {@code Db}'s settings.
 */
public interface JsonCodec {

  /**
   * The JSON text of {@code value}, written as its declared type {@code type}.
   *
   * @throws Exception when the value cannot be written; the engine names the field
   */
  String write(Object value, java.lang.reflect.Type type) throws Exception;

  /**
   * The object of declared type {@code type} that {@code text} holds.
   *
   * @throws Exception when the text does not map to the type; the engine names the field
   */
  Object read(String text, java.lang.reflect.Type type) throws Exception;
}
