package io.toasty.neo4j.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.value.Columns;
import io.toasty.value.Type;
import io.toasty.value.Value;
import io.toasty.value.ValueColumns;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Values;
import org.neo4j.driver.internal.InternalRecord;

/**
 * {@link Neo4jColumns} reads every column as the value path does ({@link CypherValues#decode},
 * then {@link ValueColumns}): for each declared type, each stored form a property can have and
 * each getter, the same result or the same error (class and message).
 */
class Neo4jColumnsTest {
  private static final Type.Enum COLOR = new Type.Enum("Color", List.of("RED", "GREEN"));

  /** Stored forms: what CypherValues.encode writes, and what a property may hold otherwise. */
  private static final List<org.neo4j.driver.Value> STORED = List.of(
      Values.NULL,
      Values.value(7L),
      Values.value(-300L),
      Values.value(Long.MAX_VALUE),
      Values.value(0L),
      Values.value(2.5),
      Values.value(true),
      Values.value("text"),
      Values.value("GREEN"),
      Values.value(UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427").toString()),
      Values.value(CypherValues.encode(new Value.Decimal(new BigDecimal("12.50")))),
      Values.value(new byte[] {1, 2, 3}),
      Values.value(OffsetDateTime.of(2026, 11, 30, 1, 2, 3, 4, ZoneOffset.UTC)),
      Values.value(LocalDate.of(2026, 11, 30)),
      Values.value(LocalTime.of(1, 2, 3, 4)),
      Values.value(LocalDateTime.of(2026, 11, 30, 1, 2, 3, 4)));

  private static final List<Getter> GETTERS = List.of(
      new Getter("isNull", Columns::isNull),
      new Getter("bool", Columns::bool),
      new Getter("i8", Columns::i8),
      new Getter("i16", Columns::i16),
      new Getter("i32", Columns::i32),
      new Getter("i64", Columns::i64),
      new Getter("f32", Columns::f32),
      new Getter("f64", Columns::f64),
      new Getter("str", Columns::str),
      new Getter("bytes", (c, i) -> {
        byte[] b = c.bytes(i);
        return b == null ? null : Arrays.toString(b);
      }),
      new Getter("uuid", Columns::uuid),
      new Getter("decimal", Columns::decimal),
      new Getter("instant", Columns::instant),
      new Getter("localDate", Columns::localDate),
      new Getter("localTime", Columns::localTime),
      new Getter("localDateTime", Columns::localDateTime),
      new Getter("offsetDateTime", Columns::offsetDateTime));

  private record Getter(String name, BiFunction<Columns, Integer, Object> read) {}

  @Test
  void everyGetterOfEveryTypeAndStoredFormReadsAsTheValuePath() {
    List<Type> types = new ArrayList<>(List.of(Type.Scalar.values()));
    types.add(COLOR);
    int compared = 0;
    for (Type type : types) {
      for (org.neo4j.driver.Value stored : STORED) {
        // The field read is the record's second column: fields map to columns.
        Record record = new InternalRecord(List.of("other", "c"),
            new org.neo4j.driver.Value[] {Values.value("x"), stored});
        List<Type> rowType = List.of(Type.Scalar.STRING, type);
        int[] fields = {1};
        for (Getter g : GETTERS) {
          String typed = outcome(() -> g.read().apply(
              new Neo4jColumns(fields, rowType).at(record), 0));
          String values = outcome(() -> g.read().apply(
              new ValueColumns(decoded(record, rowType), fields), 0));
          // The value path decodes the whole row first; Neo4jColumns decodes what is read, so a
          // column that does not decode is not NULL to it, and fails any getter as decoding did.
          String expected = g.name().equals("isNull") && !undecodable(record, rowType).isEmpty()
              ? "= false" : values;
          assertEquals(expected, typed, g.name() + " of a " + type + " column holding " + stored);
          compared++;
        }
        String typedValue = outcome(() -> new Neo4jColumns(fields, rowType).at(record)
            .value(0, type));
        String value = outcome(() -> new ValueColumns(decoded(record, rowType), fields)
            .value(0, type));
        assertEquals(value, typedValue, "value of a " + type + " column holding " + stored);
      }
    }
    assertTrue(compared > 4_000, "compared " + compared);
  }

  @Test
  void aColumnPastTheRowTypeIsReadByWhatTheDriverReturns() {
    Record record = new InternalRecord(List.of("c"), new org.neo4j.driver.Value[] {
        Values.value(41L)});
    Neo4jColumns columns = new Neo4jColumns(new int[] {0}, List.of()).at(record);
    assertEquals(41L, columns.i64(0));
    assertEquals(Value.of(41L), columns.value(0, Type.Scalar.I64));
  }

  @Test
  void oneInstanceReadsEachRecordItIsPointedAt() {
    Neo4jColumns columns = new Neo4jColumns(new int[] {0}, List.of(Type.Scalar.I64));
    for (long i = 0; i < 3; i++) {
      Record record = new InternalRecord(List.of("c"), new org.neo4j.driver.Value[] {
          Values.value(i)});
      assertEquals(i, columns.at(record).i64(0));
    }
  }

  /** Why the value path cannot decode the record, or empty. */
  private static String undecodable(Record record, List<Type> rowType) {
    String decoding = outcome(() -> decoded(record, rowType));
    return decoding.startsWith("threw ") ? decoding : "";
  }

  /** The value path's record: every column decoded by its declared type, as before. */
  private static Value.Record decoded(Record record, List<Type> rowType) {
    Value[] values = new Value[record.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = CypherValues.decode(record.get(i), rowType.get(i));
    }
    return Value.Record.adopt(values);
  }

  /** The result as text, or the error's class and message. */
  private static String outcome(java.util.function.Supplier<Object> read) {
    try {
      return "= " + read.get();
    } catch (RuntimeException e) {
      return "threw " + e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
