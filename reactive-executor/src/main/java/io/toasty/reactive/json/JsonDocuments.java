package io.toasty.reactive.json;

import io.toasty.driver.ValueRanges;
import io.toasty.error.JsonFieldException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.schema.Schema;
import io.toasty.value.JsonCodec;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Db}'s JSON documents: written to text with its codec while a statement is bound (so a
 * value the codec cannot write fails naming its field before anything is sent), and made readable
 * with the same codec in the rows handed back (so generated code reads objects with the
 * {@code Db}'s settings). Rows are walked only when the schema has a JSON column.
 */
public final class JsonDocuments {
  private final JsonCodec codec;
  private final boolean inSchema;

  public JsonDocuments(JsonCodec codec, Schema schema) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.inSchema = schema.tables().stream().anyMatch(t -> t.columns().stream()
        .anyMatch(c -> c.type() == Type.Scalar.JSON));
  }

  /** The codec. */
  public JsonCodec codec() {
    return codec;
  }

  /**
   * {@code v} with a document written as text; a document whose text a backend cannot store
   * ({@code ranges}: PostgreSQL's {@code jsonb} holds no NUL) fails as out of range.
   *
   * @throws JsonFieldException naming {@code model} and {@code field} when the codec fails
   */
  public Value written(Value v, @Nullable String model, @Nullable String field,
      @Nullable ValueRanges ranges) {
    if (!(v instanceof Value.Json json) || !json.unwritten()) {
      return v;
    }
    Value.Json out;
    try {
      out = json.written(codec);
    } catch (Exception e) {
      throw new JsonFieldException(model, field, "cannot write "
          + Objects.requireNonNull(json.javaType(), "an unwritten document's type").getTypeName()
          + " as JSON: " + e.getMessage(), e);
    }
    if (ranges != null && !ranges.nulInText()
        && Objects.requireNonNull(out.text(), "written").contains("\\u0000")) {
      throw new ValueOutOfRangeException(model, field,
          "the backend stores no NUL character (U+0000) in a JSON document", null);
    }
    return out;
  }

  /** {@code row} with its documents (also in included rows) readable with the codec. */
  public Value readable(Value row) {
    return inSchema ? attach(row) : row;
  }

  private Value attach(Value v) {
    if (v instanceof Value.Json json) {
      return json.readableWith(codec);
    }
    if (v instanceof Value.Record r) {
      List<Value> fields = attachAll(r.fields());
      return fields == r.fields() ? r : new Value.Record(fields);
    }
    if (v instanceof Value.ListValue l) {
      List<Value> items = attachAll(l.items());
      return items == l.items() ? l : new Value.ListValue(items);
    }
    return v;
  }

  /** The values attached, or {@code values} itself when none changed (most rows). */
  private List<Value> attachAll(List<Value> values) {
    List<Value> out = null;
    for (int i = 0; i < values.size(); i++) {
      Value before = values.get(i);
      Value after = attach(before);
      if (after != before && out == null) {
        out = new ArrayList<>(values);
      }
      if (out != null) {
        out.set(i, after);
      }
    }
    return out == null ? values : out;
  }
}
