package io.toasty.sql.codec;

/**
 * How a transport binds and reads PostgreSQL's {@code jsonb}: a String would be bound as
 * {@code varchar}, which a {@code jsonb} column refuses, so each transport wraps the document's
 * text in its own JSON type. Other dialects store documents as text and never ask.
 */
public interface JsonParameters {

  /** Text, as other dialects store documents: for a transport that needs no wrapping. */
  JsonParameters TEXT = new JsonParameters() {
    @Override
    public Object parameter(String text) {
      return text;
    }

    @Override
    public Class<?> nullClass() {
      return String.class;
    }

    @Override
    public String text(Object raw) {
      return raw.toString();
    }
  };

  /** The object that binds the document {@code text} as {@code jsonb}. */
  Object parameter(String text);

  /** The class a NULL {@code jsonb} is bound with. */
  Class<?> nullClass();

  /** The text of a value the transport read from a {@code jsonb} column. */
  String text(Object raw);
}
