package io.toasty.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.toasty.r2dbc.Fixtures;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.value.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What r2dbc-h2 1.1 (H2 2.4) returns from {@code row.get(i)} for each column type we create, read
 * straight from the R2DBC SPI. The codec's decoding relies on these classes; a driver upgrade that
 * changes one fails here first.
 */
class H2TypeProbeTest {
  private Connection connection;

  @BeforeEach
  void open() {
    connection = Mono.from(ConnectionFactories.get(Fixtures.memUrl()).create()).block();
  }

  @AfterEach
  void close() {
    Mono.from(connection.close()).block();
  }

  private void run(String sql) {
    Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated)
        .blockLast();
  }

  private List<Object> selectAll(String table) {
    return Flux.from(connection.createStatement("SELECT * FROM \"" + table + "\"").execute())
        .flatMap(r -> r.map((row, md) -> {
          List<Object> values = new ArrayList<>();
          for (int i = 0; i < md.getColumnMetadatas().size(); i++) {
            values.add(row.get(i));
          }
          return values;
        }))
        .blockFirst();
  }

  @Test
  void classReturnedPerColumnType() {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("TINYINT", (byte) 1);
    columns.put("SMALLINT", (short) 2);
    columns.put("INTEGER", 3);
    columns.put("BIGINT", 4L);
    columns.put("REAL", 1.5f);
    columns.put("DOUBLE PRECISION", 2.5d);
    columns.put("BOOLEAN", true);
    columns.put("CHARACTER VARYING", "s");
    columns.put("BINARY VARYING", new byte[] {1, 2});
    columns.put("BLOB", new byte[] {3});
    columns.put("UUID", UUID.randomUUID());
    columns.put("DECIMAL(38, 10)", new BigDecimal("1.5"));
    columns.put("DECFLOAT", new BigDecimal("1.50"));
    columns.put("TIMESTAMP(9) WITH TIME ZONE", OffsetDateTime.parse("2024-01-02T03:04:05+02:00"));
    columns.put("TIMESTAMP(9)", LocalDateTime.parse("2024-01-02T03:04:05"));
    columns.put("DATE", LocalDate.parse("2024-01-02"));
    columns.put("TIME(9)", LocalTime.parse("03:04:05.123456789"));
    StringBuilder ddl = new StringBuilder("CREATE TABLE \"probe\" (");
    StringBuilder insert = new StringBuilder("INSERT INTO \"probe\" VALUES (");
    int i = 0;
    for (String type : columns.keySet()) {
      ddl.append(i == 0 ? "" : ", ").append("\"c").append(i).append("\" ").append(type);
      insert.append(i == 0 ? "?" : ", ?");
      i++;
    }
    run(ddl.append(')').toString());
    Statement st = connection.createStatement(insert.append(')').toString());
    i = 0;
    for (Object value : columns.values()) {
      st.bind(i++, value);
    }
    Flux.from(st.execute()).flatMap(Result::getRowsUpdated).blockLast();

    List<Object> row = selectAll("probe");
    List<String> classes = new ArrayList<>();
    for (Object o : row) {
      classes.add(o instanceof ByteBuffer ? "ByteBuffer" : o.getClass().getSimpleName());
    }
    assertEquals(List.of("Byte", "Short", "Integer", "Long", "Float", "Double", "Boolean",
        "String", "byte[]", "ByteBuffer", "UUID", "BigDecimal", "BigDecimal", "OffsetDateTime",
        "LocalDateTime", "LocalDate", "LocalTime"), classes);
    // DECIMAL(p, s) pads to its scale, DECFLOAT strips trailing zeros; the offset is kept.
    assertEquals("1.5000000000", row.get(11).toString());
    assertEquals("1.5", row.get(12).toString());
    assertEquals(OffsetDateTime.parse("2024-01-02T03:04:05+02:00"), row.get(13));
  }

  @Test
  void decimalWithoutPrecisionRoundsToScaleZero() {
    run("CREATE TABLE \"d\" (\"x\" DECIMAL)");
    Flux.from(connection.createStatement("INSERT INTO \"d\" VALUES (?)")
        .bind(0, new BigDecimal("12.75")).execute()).flatMap(Result::getRowsUpdated).blockLast();
    assertEquals(new BigDecimal("13"), selectAll("d").get(0));
  }

  @Test
  void aNegativeScaleCannotBeBound() {
    assertThrows(RuntimeException.class, () -> connection.createStatement("SELECT ?")
        .bind(0, new BigDecimal("1E+5")));
  }

  @Test
  void nullsCanBeBoundWithEveryClassTheCodecUses() {
    ValueCodec codec = new ValueCodec(H2Dialect.INSTANCE);
    for (Type type : Fixtures.SCALARS) {
      Class<?> c = codec.nullClass(type);
      Object value = Flux.from(connection.createStatement("SELECT ? AS \"v\"").bindNull(0, c)
              .execute())
          .flatMap(r -> r.map((row, md) -> Optional.ofNullable(row.get(0))))
          .blockFirst()
          .orElse(null);
      assertNull(value, type.toString());
    }
  }
}
