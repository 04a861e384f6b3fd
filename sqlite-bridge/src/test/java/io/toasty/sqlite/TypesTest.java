package io.toasty.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Nullability;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What binding stores, and what reading gives back. */
class TypesTest {
  private Connection c;

  @BeforeEach
  void open() {
    c = Db.connect(Db.memory());
    Db.update(c, "CREATE TABLE v(x)"); // no declared type: values keep their storage class
  }

  @AfterEach
  void close() {
    Db.close(c);
  }

  /** Binds {@code value} into an untyped column and reads it back as stored and its typeof. */
  private Object[] store(Object value) {
    Db.update(c, "DELETE FROM v");
    Db.await(Flux.from(c.createStatement("INSERT INTO v VALUES (?)").bind(0, value).execute())
        .concatMap(io.r2dbc.spi.Result::getRowsUpdated).then());
    return Db.query(c, "SELECT x, typeof(x) FROM v", r -> new Object[] {r.get(0), r.get(1)})
        .get(0);
  }

  private <T> T readAs(Object stored, Class<T> type) {
    Db.update(c, "DELETE FROM v");
    Db.await(Flux.from(c.createStatement("INSERT INTO v VALUES (?)").bind(0, stored).execute())
        .concatMap(io.r2dbc.spi.Result::getRowsUpdated).then());
    return Db.query(c, "SELECT x FROM v", r -> r.get(0, type)).get(0);
  }

  @Test
  void integersAndBooleansAreStoredAsInteger() {
    assertArrayEquals(new Object[] {1L, "integer"}, store(true));
    assertArrayEquals(new Object[] {0L, "integer"}, store(false));
    assertArrayEquals(new Object[] {7L, "integer"}, store((byte) 7));
    assertArrayEquals(new Object[] {-300L, "integer"}, store((short) -300));
    assertArrayEquals(new Object[] {123456L, "integer"}, store(123456));
    assertArrayEquals(new Object[] {Long.MAX_VALUE, "integer"}, store(Long.MAX_VALUE));
    assertArrayEquals(new Object[] {42L, "integer"}, store(BigInteger.valueOf(42)));
    assertArrayEquals(new Object[] {"99999999999999999999", "text"},
        store(new BigInteger("99999999999999999999")));
  }

  @Test
  void realsTextAndBlobs() {
    assertArrayEquals(new Object[] {2.5d, "real"}, store(2.5d));
    assertArrayEquals(new Object[] {(double) 0.1f, "real"}, store(0.1f));
    assertArrayEquals(new Object[] {"héllo", "text"}, store("héllo"));
    assertArrayEquals(new Object[] {"sb", "text"}, store(new StringBuilder("sb")));
    Object[] blob = store(new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) blob[0]);
    assertEquals("blob", blob[1]);
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 8, 7, 6});
    buffer.get();
    assertArrayEquals(new byte[] {8, 7, 6}, (byte[]) store(buffer)[0]);
    assertEquals(1, buffer.position(), "binding does not consume the buffer");
    assertThrows(IllegalArgumentException.class, () -> c.createStatement("SELECT ?")
        .bind(0, Double.NaN));
  }

  @Test
  void bigDecimalIsExactText() {
    assertArrayEquals(new Object[] {"12345678901234567890.000100", "text"},
        store(new BigDecimal("12345678901234567890.000100")));
    assertArrayEquals(new Object[] {"100", "text"}, store(new BigDecimal("1E+2")));
    assertEquals(new BigDecimal("0.1000"), readAs(new BigDecimal("0.1000"), BigDecimal.class));
  }

  @Test
  void uuidIsSixteenBytesMostSignificantFirst() {
    UUID id = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    Object[] stored = store(id);
    assertEquals("blob", stored[1]);
    assertArrayEquals(new byte[] {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
        (byte) 0x88, (byte) 0x99, (byte) 0xaa, (byte) 0xbb, (byte) 0xcc, (byte) 0xdd,
        (byte) 0xee, (byte) 0xff}, (byte[]) stored[0]);
    assertEquals(id, readAs(id, UUID.class));
    assertEquals(id, readAs(id.toString(), UUID.class));
  }

  @Test
  void timeIsIsoText() {
    assertArrayEquals(new Object[] {"2024-01-31", "text"}, store(LocalDate.of(2024, 1, 31)));
    assertArrayEquals(new Object[] {"10:15:00", "text"}, store(LocalTime.of(10, 15)));
    assertArrayEquals(new Object[] {"10:15:30.5", "text"},
        store(LocalTime.of(10, 15, 30, 500_000_000)));
    assertArrayEquals(new Object[] {"2024-01-31T10:15:00", "text"},
        store(LocalDateTime.of(2024, 1, 31, 10, 15)));
    assertArrayEquals(new Object[] {"2024-01-31T10:15:30.000000000+01:00", "text"},
        store(OffsetDateTime.of(2024, 1, 31, 10, 15, 30, 0, ZoneOffset.ofHours(1))));
    assertArrayEquals(new Object[] {"2024-01-31T09:15:30.123000000Z", "text"},
        store(Instant.parse("2024-01-31T09:15:30.123Z")));
    assertArrayEquals(new Object[] {"2024-07-01T12:00:00.000000000+02:00", "text"},
        store(ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris"))));
    assertArrayEquals(new Object[] {"10:15:00+01:00", "text"},
        store(OffsetTime.of(10, 15, 0, 0, ZoneOffset.ofHours(1))));
  }

  @Test
  void instantsSortAsText() {
    Db.update(c, "DELETE FROM v");
    Instant[] instants = {Instant.parse("2024-01-01T00:00:00.5Z"),
        Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00.25Z")};
    for (Instant i : instants) {
      Db.await(Flux.from(c.createStatement("INSERT INTO v VALUES (?)").bind(0, i).execute())
          .concatMap(io.r2dbc.spi.Result::getRowsUpdated).then());
    }
    assertEquals(List.of(instants[1], instants[2], instants[0]),
        Db.query(c, "SELECT x FROM v ORDER BY x", r -> r.get(0, Instant.class)));
  }

  @Test
  void timeReadsBack() {
    LocalDateTime ldt = LocalDateTime.of(2024, 1, 31, 10, 15, 30, 123_456_789);
    assertEquals(ldt, readAs(ldt, LocalDateTime.class));
    assertEquals(LocalDate.of(2024, 2, 29), readAs(LocalDate.of(2024, 2, 29), LocalDate.class));
    assertEquals(LocalTime.of(23, 59, 1), readAs(LocalTime.of(23, 59, 1), LocalTime.class));
    OffsetDateTime odt = OffsetDateTime.of(2024, 1, 31, 10, 15, 30, 7, ZoneOffset.ofHours(-5));
    assertEquals(odt, readAs(odt, OffsetDateTime.class));
    Instant instant = Instant.parse("2024-01-31T09:15:30.123456Z");
    assertEquals(instant, readAs(instant, Instant.class));
    // SQLite's own text (CURRENT_TIMESTAMP) has a space and no offset: UTC
    assertEquals(Instant.parse("2024-01-31T09:15:30Z"), readAs("2024-01-31 09:15:30",
        Instant.class));
    assertEquals(LocalDateTime.of(2024, 1, 31, 9, 15, 30), readAs("2024-01-31 09:15:30",
        LocalDateTime.class));
    OffsetTime ot = OffsetTime.of(10, 15, 0, 0, ZoneOffset.ofHours(1));
    assertEquals(ot, readAs(ot, OffsetTime.class));
  }

  @Test
  void integersNarrowOnlyWhenTheyFit() {
    assertEquals(Integer.valueOf(5), readAs(5L, Integer.class));
    assertEquals(Short.valueOf((short) -5), readAs(-5, Short.class));
    assertEquals(Byte.valueOf((byte) 127), readAs(127, Byte.class));
    assertEquals(Long.valueOf(3), readAs(3.0d, Long.class));
    assertEquals(Integer.valueOf(12), readAs("12", int.class));
    IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
        () -> readAs(128, Byte.class));
    assertTrue(tooBig.getMessage().contains("column 'x'"), tooBig.getMessage());
    assertThrows(IllegalArgumentException.class, () -> readAs(1L << 40, Integer.class));
    assertThrows(IllegalArgumentException.class, () -> readAs(70000, Short.class));
    assertThrows(IllegalArgumentException.class, () -> readAs(2.5d, Long.class));
    assertThrows(IllegalArgumentException.class, () -> readAs("x", Long.class));
    assertThrows(IllegalArgumentException.class, () -> readAs(new byte[1], Long.class));
  }

  @Test
  void booleansReadFromZeroAndOne() {
    assertEquals(Boolean.TRUE, readAs(1, Boolean.class));
    assertEquals(Boolean.FALSE, readAs(false, boolean.class));
    assertEquals(Boolean.TRUE, readAs("true", Boolean.class));
    assertThrows(IllegalArgumentException.class, () -> readAs(2, Boolean.class));
  }

  @Test
  void numbersWidenAndConvert() {
    assertEquals(Double.valueOf(3), readAs(3, Double.class));
    assertEquals(Float.valueOf(2.5f), readAs(2.5d, Float.class));
    assertThrows(IllegalArgumentException.class, () -> readAs(1e300, Float.class));
    assertEquals(new BigDecimal("2.5"), readAs(2.5d, BigDecimal.class));
    assertEquals(BigDecimal.valueOf(7), readAs(7, BigDecimal.class));
    assertEquals(new BigInteger("99999999999999999999"),
        readAs(new BigInteger("99999999999999999999"), BigInteger.class));
    assertEquals(Long.valueOf(9), readAs(9, Number.class));
    assertEquals("9", readAs(9, String.class));
    assertThrows(IllegalArgumentException.class, () -> readAs(new byte[] {1}, String.class));
  }

  @Test
  void bytesReadAsArrayBufferBlobAndTextAsClob() {
    byte[] bytes = {4, 5, 6};
    assertEquals(ByteBuffer.wrap(bytes), readAs(bytes, ByteBuffer.class));
    Blob blob = readAs(bytes, Blob.class);
    ByteBuffer streamed = Db.await(Mono.from(blob.stream()));
    assertEquals(ByteBuffer.wrap(bytes), streamed);
    Clob clob = readAs("text", Clob.class);
    assertEquals("text", Db.await(Mono.from(clob.stream())).toString());
  }

  @Test
  void lobsParametersAndEnumsBind() {
    Blob blob = Blob.from(Flux.just(ByteBuffer.wrap(new byte[] {1, 2}),
        ByteBuffer.wrap(new byte[] {3})));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) store(blob)[0]);
    Clob clob = Clob.from(Flux.just("ab", "cd"));
    assertArrayEquals(new Object[] {"abcd", "text"}, store(clob));
    assertArrayEquals(new Object[] {5L, "integer"}, store(Parameters.in(5)));
    assertArrayEquals(new Object[] {"SECONDS", "text"},
        store(TimeUnit.SECONDS));
    assertEquals(TimeUnit.SECONDS,
        readAs("SECONDS", TimeUnit.class));
  }

  @Test
  void nullsBindWithAnyClassAndReadAsNull() {
    for (Class<?> type : List.of(String.class, Integer.class, UUID.class, byte[].class,
        Instant.class, Object.class)) {
      Db.update(c, "DELETE FROM v");
      Db.await(Flux.from(c.createStatement("INSERT INTO v VALUES (?)").bindNull(0, type)
          .execute()).concatMap(io.r2dbc.spi.Result::getRowsUpdated).then());
      List<String> typeofs = Db.query(c, "SELECT typeof(x) FROM v", r -> r.get(0, String.class));
      assertEquals(List.of("null"), typeofs);
      assertEquals(List.of(Optional.empty()),
          Db.query(c, "SELECT x FROM v", r -> Optional.ofNullable(r.get(0, type))));
    }
    assertArrayEquals(new Object[] {null, "null"}, store(Parameters.in(String.class)));
  }

  @Test
  void columnMetadataFollowsDeclaredAffinity() {
    Db.update(c, "CREATE TABLE typed(i INTEGER NOT NULL, t VARCHAR(10), b BLOB, r DOUBLE, "
        + "n DECIMAL(10,2), d DATE, u)");
    Db.update(c, "INSERT INTO typed VALUES (1, 'a', x'00', 1.5, '2.50', '2024-01-01', NULL)");
    BiFunction<Row, RowMetadata, List<? extends ColumnMetadata>> columns =
        (row, md) -> md.getColumnMetadatas();
    List<? extends ColumnMetadata> md = Db.awaitAll(Flux.from(c.createStatement(
            "SELECT i, t, b, r, n, d, u, i + 1 AS expr FROM typed").execute())
        .concatMap(r -> r.map(columns))).get(0);
    assertEquals(List.of("i", "t", "b", "r", "n", "d", "u", "expr"),
        md.stream().map(ColumnMetadata::getName).toList());
    assertEquals(List.of(Long.class, String.class, byte[].class, Double.class, Object.class,
        Object.class, Object.class, Object.class),
        md.stream().map(ColumnMetadata::getJavaType).toList());
    assertEquals(List.of("INTEGER", "TEXT", "BLOB", "REAL", "NUMERIC", "NUMERIC", "ANY", "ANY"),
        md.stream().map(m -> m.getType().getName()).toList());
    assertEquals("VARCHAR(10)", md.get(1).getNativeTypeMetadata());
    assertEquals(Nullability.NON_NULL, md.get(0).getNullability());
    assertEquals(Nullability.NULLABLE, md.get(1).getNullability());
    // Row.get(i) gives the storage class, whatever the declared type says
    List<Object> values = Db.query(c, "SELECT i, n, d, r FROM typed",
        r -> List.of(r.get(0), r.get(1), r.get(2), r.get(3))).get(0);
    assertEquals(List.of(1L, 2.5d, "2024-01-01", 1.5d), values);
  }

  @Test
  void rowsAreReadByCaseInsensitiveName() {
    Db.update(c, "INSERT INTO v VALUES ('a')");
    List<String> got = Db.query(c, "SELECT x AS Name FROM v", r -> r.get("NAME", String.class)
        + r.get("name"));
    assertEquals(List.of("aa"), got);
    assertThrows(NoSuchElementException.class,
        () -> Db.query(c, "SELECT x FROM v", r -> r.get("missing")));
    assertThrows(IndexOutOfBoundsException.class,
        () -> Db.query(c, "SELECT x FROM v", r -> r.get(3)));
  }

  @Test
  void textIsUtf8() {
    String text = "日本語 ✓ " + new String(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98,
        (byte) 0x80}, StandardCharsets.UTF_8);
    assertEquals(text, readAs(text, String.class));
  }
}
