package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.toasty.Path;
import io.toasty.error.ToastyException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Tx;
import io.toasty.tck.Backend;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.models.AllTypes;
import io.toasty.tck.models.AllTypesCreate;
import io.toasty.tck.models.AllTypesRows;
import io.toasty.tck.models.AllTypesUpdate;
import io.toasty.tck.models.Color;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.function.Executable;
import reactor.core.publisher.Mono;

/**
 * Round trips of every field type: what is written is what is read, exactly, except where the
 * backend's {@link Backend#timePrecision()} truncates fractions of a second.
 *
 * <p>Decisions: NaN and infinities are not portable (MariaDB and DynamoDB have neither), so the
 * promise is that they are stored exactly or refused with a typed {@link ToastyException} and
 * nothing written, never silently changed. {@code BigDecimal} keeps its numeric value
 * ({@code compareTo}), not necessarily its scale: {@code 1.50} may come back as {@code 1.5}.
 * {@code OffsetDateTime} keeps its instant, not necessarily its offset (PostgreSQL normalizes to
 * UTC).
 */
@Models(AllTypesRows.class)
public abstract class FieldTypeScenarios {

  static final UUID TYPICAL_UUID = UUID.fromString("0190a4b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b");

  /** A create with a typical value in every field; scenarios change the fields they test. */
  static AllTypesCreate typical() {
    return AllTypesRows.create()
        .boolValue(true).byteValue((byte) 7).shortValue((short) 300).intValue(70_000)
        .longValue(5_000_000_000L).floatValue(1.5f).doubleValue(2.25)
        .boxedBool(false).boxedByte((byte) -7).boxedShort((short) -300).boxedInt(-70_000)
        .boxedLong(-5_000_000_000L).boxedFloat(-1.5f).boxedDouble(-2.25)
        .textValue("hello").uuidValue(TYPICAL_UUID).decimalValue(new BigDecimal("123.45"))
        .bytesValue(new byte[] {1, 2, 3})
        .instantValue(Instant.parse("2024-05-06T07:08:09Z"))
        .dateValue(LocalDate.of(2024, 5, 6)).timeValue(LocalTime.of(7, 8, 9))
        .dateTimeValue(LocalDateTime.of(2024, 5, 6, 7, 8, 9))
        .offsetDateTimeValue(OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2)))
        .colorValue(Color.GREEN);
  }

  /** Creates the row, reads it back by key, and returns what was read. */
  static AllTypes roundTrip(Db db, AllTypesCreate create) {
    AllTypes created = await(create.exec(db));
    return await(AllTypesRows.getById(db, created.id()));
  }

  @BackendTest
  public void typicalValuesRoundTrip(Db db) {
    AllTypes r = roundTrip(db, typical());
    assertAll(
        () -> assertEquals(true, r.boolValue()),
        () -> assertEquals((byte) 7, r.byteValue()),
        () -> assertEquals((short) 300, r.shortValue()),
        () -> assertEquals(70_000, r.intValue()),
        () -> assertEquals(5_000_000_000L, r.longValue()),
        () -> assertEquals(1.5f, r.floatValue()),
        () -> assertEquals(2.25, r.doubleValue()),
        () -> assertEquals(Boolean.FALSE, r.boxedBool()),
        () -> assertEquals(Byte.valueOf((byte) -7), r.boxedByte()),
        () -> assertEquals(Short.valueOf((short) -300), r.boxedShort()),
        () -> assertEquals(Integer.valueOf(-70_000), r.boxedInt()),
        () -> assertEquals(Long.valueOf(-5_000_000_000L), r.boxedLong()),
        () -> assertEquals(Float.valueOf(-1.5f), r.boxedFloat()),
        () -> assertEquals(Double.valueOf(-2.25), r.boxedDouble()),
        () -> assertEquals("hello", r.textValue()),
        () -> assertEquals(TYPICAL_UUID, r.uuidValue()),
        () -> assertEquals(0, new BigDecimal("123.45").compareTo(r.decimalValue()),
            () -> "decimal was " + r.decimalValue()),
        () -> assertArrayEquals(new byte[] {1, 2, 3}, r.bytesValue()),
        () -> assertEquals(Instant.parse("2024-05-06T07:08:09Z"), r.instantValue()),
        () -> assertEquals(LocalDate.of(2024, 5, 6), r.dateValue()),
        () -> assertEquals(LocalTime.of(7, 8, 9), r.timeValue()),
        () -> assertEquals(LocalDateTime.of(2024, 5, 6, 7, 8, 9), r.dateTimeValue()),
        () -> assertEquals(Instant.parse("2024-05-06T05:08:09Z"),
            r.offsetDateTimeValue().toInstant()),
        () -> assertEquals(Color.GREEN, r.colorValue()));
  }

  /**
   * Updates setting every field, each to values of its own, waiting together for a pool of one
   * held by a transaction (where the backend has them): they may be written by one statement
   * ({@code DbBuilder.coalesceUpdates}: a {@code CASE} on the key per field), and still each row
   * reads back its own update's values, of every type, and each update counts 1. The booleans
   * alternate, so the updates are of two shapes (a boolean is part of a statement's shape):
   * where updates return rows, each shape's three updates are one statement.
   */
  @BackendTest
  public void updatesOfEveryTypeWaitingTogetherEachWriteTheirOwnValues(
      BackendContext cx) {
    BackendContext.Opened opened =
        cx.open(1, BackendContext.DEFAULT_PLAN_CACHE_SIZE);
    Db db = opened.db();
    int rows = 6;
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      ids.add(await(typical().exec(db)).id());
    }
    int before = opened.log().size();
    Tx holder = cx.capability().interactiveTransactions()
        ? await(db.begin()) : null;
    List<Mono<Long>> counts = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      counts.add(everyField(ids.get(i), i).exec(db).cache());
    }
    counts.forEach(Mono::subscribe);
    if (holder != null) {
      await(holder.commit());
    }
    for (Mono<Long> count : counts) {
      assertEquals(1L, await(count));
    }
    int sent = opened.log().size() - before;
    System.out.printf("[%s] %d updates of every field at once on a pool of 1: %d operations%n",
        cx.backend().name(), rows, sent);
    if (holder != null && cx.capability().returningFromMutation()) {
      // BEGIN and COMMIT of the holder, then one statement for each shape's three updates
      assertEquals(4, sent, "every field type written together: " + opened.log());
    }
    for (int i = 0; i < rows; i++) {
      AllTypes r = await(AllTypesRows.getById(db, ids.get(i)));
      int n = i;
      assertAll("row " + i,
          () -> assertEquals(n % 2 == 0, r.boolValue()),
          () -> assertEquals((byte) (10 + n), r.byteValue()),
          () -> assertEquals((short) (1000 + n), r.shortValue()),
          () -> assertEquals(100_000 + n, r.intValue()),
          () -> assertEquals(6_000_000_000L + n, r.longValue()),
          () -> assertEquals(0.5f * (n + 1), r.floatValue()),
          () -> assertEquals(0.25 * (n + 1), r.doubleValue()),
          () -> assertEquals(n % 2 == 1, r.boxedBool()),
          () -> assertEquals(Byte.valueOf((byte) -n), r.boxedByte()),
          () -> assertEquals(Short.valueOf((short) -n), r.boxedShort()),
          () -> assertEquals(Integer.valueOf(-n), r.boxedInt()),
          () -> assertEquals(Long.valueOf(-n), r.boxedLong()),
          () -> assertEquals(Float.valueOf(-0.5f * (n + 1)), r.boxedFloat()),
          () -> assertEquals(Double.valueOf(-0.25 * (n + 1)), r.boxedDouble()),
          () -> assertEquals("text " + n, r.textValue()),
          () -> assertEquals(new UUID(7, n), r.uuidValue()),
          () -> assertEquals(0, new BigDecimal(n + ".5").compareTo(r.decimalValue()),
              () -> "decimal was " + r.decimalValue()),
          () -> assertArrayEquals(new byte[] {(byte) n, 9}, r.bytesValue()),
          () -> assertEquals(Instant.parse("2025-01-02T03:04:05Z").plusSeconds(n),
              r.instantValue()),
          () -> assertEquals(LocalDate.of(2025, 1, 1 + n), r.dateValue()),
          () -> assertEquals(LocalTime.of(1 + n, 2, 3), r.timeValue()),
          () -> assertEquals(LocalDateTime.of(2025, 2, 1 + n, 4, 5, 6), r.dateTimeValue()),
          () -> assertEquals(Instant.parse("2025-03-04T04:06:07Z").plusSeconds(60L * n),
              r.offsetDateTimeValue().toInstant()),
          () -> assertEquals(Color.values()[n % Color.values().length], r.colorValue()));
    }
  }

  /** An update of row {@code id} setting every field to values of {@code n}'s own. */
  private static AllTypesUpdate<Long> everyField(UUID id, int n) {
    return AllTypesRows.updateById(id)
        .boolValue(n % 2 == 0).byteValue((byte) (10 + n)).shortValue((short) (1000 + n))
        .intValue(100_000 + n).longValue(6_000_000_000L + n).floatValue(0.5f * (n + 1))
        .doubleValue(0.25 * (n + 1)).boxedBool(n % 2 == 1).boxedByte((byte) -n)
        .boxedShort((short) -n).boxedInt(-n).boxedLong((long) -n).boxedFloat(-0.5f * (n + 1))
        .boxedDouble(-0.25 * (n + 1)).textValue("text " + n).uuidValue(new UUID(7, n))
        .decimalValue(new BigDecimal(n + ".5")).bytesValue(new byte[] {(byte) n, 9})
        .instantValue(Instant.parse("2025-01-02T03:04:05Z").plusSeconds(n))
        .dateValue(LocalDate.of(2025, 1, 1 + n)).timeValue(LocalTime.of(1 + n, 2, 3))
        .dateTimeValue(LocalDateTime.of(2025, 2, 1 + n, 4, 5, 6))
        .offsetDateTimeValue(OffsetDateTime.of(2025, 3, 4, 5, 6, 7, 0, ZoneOffset.ofHours(1))
            .plusMinutes(n).withOffsetSameInstant(ZoneOffset.ofHours(1)))
        .colorValue(Color.values()[n % Color.values().length]);
  }

  @BackendTest
  public void createReturnsTheValuesAsStored(Db db, Backend backend) {
    ChronoUnit p = backend.timePrecision();
    Instant instant = Instant.parse("2024-05-06T07:08:09.123456789Z");
    LocalTime time = LocalTime.of(7, 8, 9, 123_456_789);
    AllTypes created = await(typical().instantValue(instant).timeValue(time)
        .decimalValue(new BigDecimal("1.25")).exec(db));
    AllTypes loaded = await(AllTypesRows.getById(db, created.id()));
    assertAll(
        () -> assertEquals(instant.truncatedTo(p), created.instantValue()),
        () -> assertEquals(time.truncatedTo(p), created.timeValue()),
        () -> assertEquals(loaded.instantValue(), created.instantValue()),
        () -> assertEquals(loaded.timeValue(), created.timeValue()),
        () -> assertEquals(loaded.textValue(), created.textValue()),
        () -> assertArrayEquals(loaded.bytesValue(), created.bytesValue()));
  }

  @BackendTest
  public void booleansRoundTrip(Db db) {
    AllTypes t = roundTrip(db, typical().boolValue(true).boxedBool(true));
    AllTypes f = roundTrip(db, typical().boolValue(false).boxedBool(false));
    assertAll(
        () -> assertTrue(t.boolValue()),
        () -> assertEquals(Boolean.TRUE, t.boxedBool()),
        () -> assertEquals(false, f.boolValue()),
        () -> assertEquals(Boolean.FALSE, f.boxedBool()));
  }

  @BackendTest
  public void integerMinimaRoundTrip(Db db) {
    AllTypes r = roundTrip(db, typical()
        .byteValue(Byte.MIN_VALUE).shortValue(Short.MIN_VALUE).intValue(Integer.MIN_VALUE)
        .longValue(Long.MIN_VALUE).boxedByte(Byte.MIN_VALUE).boxedShort(Short.MIN_VALUE)
        .boxedInt(Integer.MIN_VALUE).boxedLong(Long.MIN_VALUE));
    assertAll(
        () -> assertEquals(Byte.MIN_VALUE, r.byteValue()),
        () -> assertEquals(Short.MIN_VALUE, r.shortValue()),
        () -> assertEquals(Integer.MIN_VALUE, r.intValue()),
        () -> assertEquals(Long.MIN_VALUE, r.longValue()),
        () -> assertEquals(Byte.valueOf(Byte.MIN_VALUE), r.boxedByte()),
        () -> assertEquals(Short.valueOf(Short.MIN_VALUE), r.boxedShort()),
        () -> assertEquals(Integer.valueOf(Integer.MIN_VALUE), r.boxedInt()),
        () -> assertEquals(Long.valueOf(Long.MIN_VALUE), r.boxedLong()));
  }

  @BackendTest
  public void integerMaximaRoundTrip(Db db) {
    AllTypes r = roundTrip(db, typical()
        .byteValue(Byte.MAX_VALUE).shortValue(Short.MAX_VALUE).intValue(Integer.MAX_VALUE)
        .longValue(Long.MAX_VALUE).boxedByte(Byte.MAX_VALUE).boxedShort(Short.MAX_VALUE)
        .boxedInt(Integer.MAX_VALUE).boxedLong(Long.MAX_VALUE));
    assertAll(
        () -> assertEquals(Byte.MAX_VALUE, r.byteValue()),
        () -> assertEquals(Short.MAX_VALUE, r.shortValue()),
        () -> assertEquals(Integer.MAX_VALUE, r.intValue()),
        () -> assertEquals(Long.MAX_VALUE, r.longValue()),
        () -> assertEquals(Byte.valueOf(Byte.MAX_VALUE), r.boxedByte()),
        () -> assertEquals(Short.valueOf(Short.MAX_VALUE), r.boxedShort()),
        () -> assertEquals(Integer.valueOf(Integer.MAX_VALUE), r.boxedInt()),
        () -> assertEquals(Long.valueOf(Long.MAX_VALUE), r.boxedLong()));
  }

  @BackendTest
  public void integerZeroAndMinusOneRoundTrip(Db db) {
    AllTypes zero = roundTrip(db, typical().byteValue((byte) 0).shortValue((short) 0)
        .intValue(0).longValue(0L));
    AllTypes minusOne = roundTrip(db, typical().byteValue((byte) -1).shortValue((short) -1)
        .intValue(-1).longValue(-1L));
    assertAll(
        () -> assertEquals(0, zero.byteValue() | zero.shortValue() | zero.intValue()),
        () -> assertEquals(0L, zero.longValue()),
        () -> assertEquals((byte) -1, minusOne.byteValue()),
        () -> assertEquals((short) -1, minusOne.shortValue()),
        () -> assertEquals(-1, minusOne.intValue()),
        () -> assertEquals(-1L, minusOne.longValue()));
  }

  @BackendTest
  public void floatExtremesRoundTripBitForBit(Db db) {
    float[] values = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL, 0.1f,
        1f / 3, 0f};
    List<Executable> checks = new ArrayList<>();
    for (float v : values) {
      AllTypes r = roundTrip(db, typical().floatValue(v).boxedFloat(v));
      checks.add(() -> assertEquals(Float.floatToIntBits(v), Float.floatToIntBits(r.floatValue()),
          () -> "float " + v + " came back as " + r.floatValue()));
      checks.add(() -> assertEquals(Float.valueOf(v), r.boxedFloat()));
    }
    assertAll(checks);
  }

  @BackendTest
  public void doublesRoundTripBitForBit(Db db) {
    double[] values = {0.1, 1.0 / 3, 0.0, -2.5e-7, 6.02214076e23};
    List<Executable> checks = new ArrayList<>();
    for (double v : values) {
      AllTypes r = roundTrip(db, typical().doubleValue(v).boxedDouble(v));
      checks.add(() -> assertEquals(Double.doubleToLongBits(v),
          Double.doubleToLongBits(r.doubleValue()),
          () -> "double " + v + " came back as " + r.doubleValue()));
      checks.add(() -> assertEquals(Double.valueOf(v), r.boxedDouble()));
    }
    assertAll(checks);
  }

  /**
   * The extremes of a double: exact where the backend's numbers reach them, else refused with a
   * typed error and nothing written (DynamoDB's numbers stop at magnitude 9.99E+125 and 1E-130).
   */
  @BackendTest
  public void doubleExtremesAreStoredExactlyOrRefused(Db db) {
    double[] values = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL};
    for (double v : values) {
      storedExactlyOrRefused(db, typical().doubleValue(v).boxedDouble(v),
          r -> Double.doubleToLongBits(r.doubleValue()) == Double.doubleToLongBits(v)
              && Double.valueOf(v).equals(r.boxedDouble()), "double " + v);
      await(AllTypesRows.all().delete().exec(db));
    }
  }

  @BackendTest
  public void nanIsStoredExactlyOrRefused(Db db) {
    storedExactlyOrRefused(db, typical().floatValue(Float.NaN).doubleValue(Double.NaN),
        r -> Float.isNaN(r.floatValue()) && Double.isNaN(r.doubleValue()), "NaN");
  }

  @BackendTest
  public void infinitiesAreStoredExactlyOrRefused(Db db) {
    storedExactlyOrRefused(db, typical().floatValue(Float.NEGATIVE_INFINITY)
        .doubleValue(Double.POSITIVE_INFINITY),
        r -> r.floatValue() == Float.NEGATIVE_INFINITY
            && r.doubleValue() == Double.POSITIVE_INFINITY, "infinity");
  }

  private static void storedExactlyOrRefused(Db db, AllTypesCreate create,
      Predicate<AllTypes> exact, String what) {
    AllTypes created;
    try {
      created = await(create.exec(db));
    } catch (ToastyException refused) {
      assertEquals(List.of(), await(AllTypesRows.all().collect(db)),
          what + " was refused, yet a row was written");
      return;
    } catch (RuntimeException e) {
      throw new AssertionError(what + " must be stored or refused with a ToastyException, but "
          + "the error was untyped: " + e, e);
    }
    AllTypes loaded = await(AllTypesRows.getById(db, created.id()));
    assertTrue(exact.test(loaded), () -> what + " was stored but came back as float "
        + loaded.floatValue() + ", double " + loaded.doubleValue());
  }

  @BackendTest
  public void emptyStringIsKeptAndIsNotNull(Db db) {
    AllTypes r = roundTrip(db, typical().textValue(""));
    assertEquals("", r.textValue());
    assertEquals(1, await(AllTypesRows.filter(AllTypesRows.TEXT_VALUE.eq("")).collect(db)).size());
    assertEquals(0,
        await(AllTypesRows.filter(AllTypesRows.TEXT_VALUE.isNull()).collect(db)).size());
  }

  @BackendTest
  public void unicodeStringsRoundTrip(Db db) {
    String s = "Grüße, naïve café — 日本語テキスト, emoji 🎉🚀, math ∀x∈ℝ, RTL שלום";
    assertEquals(s, roundTrip(db, typical().textValue(s)).textValue());
  }

  @BackendTest
  public void sqlMetacharactersInStringsAreData(Db db) {
    String s = "O'Brien said \"hi\"; DROP TABLE all_types_rows; -- \\ % _ ? $1 :name";
    AllTypes r = roundTrip(db, typical().textValue(s));
    assertEquals(s, r.textValue());
    assertEquals(List.of(r.id()), Fixtures.map(
        await(AllTypesRows.filter(AllTypesRows.TEXT_VALUE.eq(s)).collect(db)), AllTypes::id));
  }

  @BackendTest
  public void longStringsRoundTrip(Db db) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; sb.length() < 4000; i++) {
      sb.append(i).append(',');
    }
    String s = sb.toString();
    assertEquals(s, roundTrip(db, typical().textValue(s)).textValue());
  }

  @BackendTest
  public void emptyBytesAreKeptAndAreNotNull(Db db) {
    assertArrayEquals(new byte[0], roundTrip(db, typical().bytesValue(new byte[0])).bytesValue());
  }

  @BackendTest
  public void everyByteValueRoundTrips(Db db) {
    byte[] all = new byte[256 * 16];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    assertArrayEquals(all, roundTrip(db, typical().bytesValue(all)).bytesValue());
  }

  @BackendTest
  public void uuidsRoundTrip(Db db) {
    List<Executable> checks = new ArrayList<>();
    for (UUID u : List.of(new UUID(0, 0), new UUID(-1L, -1L), UUID.randomUUID(),
        new UUID(Long.MIN_VALUE, 1))) {
      AllTypes r = roundTrip(db, typical().uuidValue(u));
      checks.add(() -> assertEquals(u, r.uuidValue()));
    }
    assertAll(checks);
  }

  @BackendTest
  public void decimalsKeepTheirValue(Db db) {
    List<Executable> checks = new ArrayList<>();
    for (String s : List.of("0", "1.5", "-1.5", "1.50", "12345.6789", "0.000001", "-0.000001",
        "12345678901234567890.123456789", "99999999999999999999999999.99")) {
      BigDecimal d = new BigDecimal(s);
      AllTypes r = roundTrip(db, typical().decimalValue(d));
      checks.add(() -> assertEquals(0, d.compareTo(r.decimalValue()),
          () -> s + " came back as " + r.decimalValue()));
    }
    assertAll(checks);
  }

  @BackendTest
  public void enumsRoundTripEveryConstant(Db db) {
    for (Color c : Color.values()) {
      assertEquals(c, roundTrip(db, typical().colorValue(c)).colorValue());
    }
  }

  @BackendTest
  public void instantsAreTruncatedToTheBackendPrecision(Db db, Backend backend) {
    Instant i = Instant.parse("2024-05-06T07:08:09.123456789Z");
    assertEquals(i.truncatedTo(backend.timePrecision()),
        roundTrip(db, typical().instantValue(i)).instantValue());
  }

  @BackendTest
  public void instantsAcrossTheRangeRoundTrip(Db db, Backend backend) {
    List<Executable> checks = new ArrayList<>();
    for (String s : List.of("1970-01-01T00:00:00Z", "1900-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999999Z", "2038-01-19T03:14:08Z", "9999-12-31T23:59:59.999999Z")) {
      Instant i = Instant.parse(s).truncatedTo(backend.timePrecision());
      AllTypes r = roundTrip(db, typical().instantValue(i));
      checks.add(() -> assertEquals(i, r.instantValue()));
    }
    assertAll(checks);
  }

  @BackendTest
  public void localDatesAcrossTheRangeRoundTrip(Db db) {
    List<Executable> checks = new ArrayList<>();
    for (LocalDate d : List.of(LocalDate.of(1, 1, 1), LocalDate.of(1582, 10, 10),
        LocalDate.of(1970, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(9999, 12, 31))) {
      AllTypes r = roundTrip(db, typical().dateValue(d));
      checks.add(() -> assertEquals(d, r.dateValue()));
    }
    assertAll(checks);
  }

  @BackendTest
  public void localTimesAreTruncatedToTheBackendPrecision(Db db, Backend backend) {
    List<Executable> checks = new ArrayList<>();
    for (LocalTime t : List.of(LocalTime.MIDNIGHT, LocalTime.of(12, 34, 56, 123_456_789),
        LocalTime.of(23, 59, 59, 999_999_999))) {
      AllTypes r = roundTrip(db, typical().timeValue(t));
      checks.add(() -> assertEquals(t.truncatedTo(backend.timePrecision()), r.timeValue()));
    }
    assertAll(checks);
  }

  @BackendTest
  public void localDateTimesAreTruncatedToTheBackendPrecision(Db db, Backend backend) {
    List<Executable> checks = new ArrayList<>();
    for (LocalDateTime t : List.of(LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_789),
        LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000))) {
      AllTypes r = roundTrip(db, typical().dateTimeValue(t));
      checks.add(() -> assertEquals(t.truncatedTo(backend.timePrecision()), r.dateTimeValue()));
    }
    assertAll(checks);
  }

  @BackendTest
  public void offsetDateTimesKeepTheirInstant(Db db, Backend backend) {
    List<Executable> checks = new ArrayList<>();
    for (OffsetDateTime t : List.of(
        OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_789, ZoneOffset.ofHoursMinutes(5, 30)),
        OffsetDateTime.of(2024, 12, 31, 23, 0, 0, 0, ZoneOffset.ofHours(-8)),
        OffsetDateTime.of(1999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))) {
      AllTypes r = roundTrip(db, typical().offsetDateTimeValue(t));
      checks.add(() -> assertEquals(t.toInstant().truncatedTo(backend.timePrecision()),
          r.offsetDateTimeValue().toInstant(), () -> t + " came back as "
              + r.offsetDateTimeValue()));
    }
    assertAll(checks);
  }

  @BackendTest
  public void equalityFiltersMatchEveryType(Db db) {
    AllTypes a = roundTrip(db, typical());
    AllTypes b = roundTrip(db, typical().boolValue(false).byteValue((byte) 8)
        .shortValue((short) 301).intValue(70_001).longValue(5_000_000_001L).floatValue(2.5f)
        .doubleValue(3.25).boxedBool(true).boxedByte((byte) 8).boxedShort((short) 301)
        .boxedInt(1).boxedLong(1L).boxedFloat(0.5f).boxedDouble(0.5).textValue("other")
        .uuidValue(UUID.randomUUID()).decimalValue(new BigDecimal("9.99"))
        .bytesValue(new byte[] {9}).instantValue(Instant.parse("2020-01-01T00:00:00Z"))
        .dateValue(LocalDate.of(2020, 1, 1)).timeValue(LocalTime.of(1, 2, 3))
        .dateTimeValue(LocalDateTime.of(2020, 1, 1, 1, 2, 3))
        .offsetDateTimeValue(OffsetDateTime.of(2020, 1, 1, 1, 2, 3, 0, ZoneOffset.UTC))
        .colorValue(Color.RED));
    List<Executable> checks = new ArrayList<>();
    check(checks, db, a, AllTypesRows.BOOL_VALUE, AllTypes::boolValue);
    check(checks, db, a, AllTypesRows.BYTE_VALUE, AllTypes::byteValue);
    check(checks, db, a, AllTypesRows.SHORT_VALUE, AllTypes::shortValue);
    check(checks, db, a, AllTypesRows.INT_VALUE, AllTypes::intValue);
    check(checks, db, a, AllTypesRows.LONG_VALUE, AllTypes::longValue);
    check(checks, db, a, AllTypesRows.FLOAT_VALUE, AllTypes::floatValue);
    check(checks, db, a, AllTypesRows.DOUBLE_VALUE, AllTypes::doubleValue);
    check(checks, db, a, AllTypesRows.BOXED_BOOL, AllTypes::boxedBool);
    check(checks, db, a, AllTypesRows.BOXED_INT, AllTypes::boxedInt);
    check(checks, db, a, AllTypesRows.BOXED_LONG, AllTypes::boxedLong);
    check(checks, db, a, AllTypesRows.TEXT_VALUE, AllTypes::textValue);
    check(checks, db, a, AllTypesRows.UUID_VALUE, AllTypes::uuidValue);
    check(checks, db, a, AllTypesRows.DECIMAL_VALUE, AllTypes::decimalValue);
    check(checks, db, a, AllTypesRows.BYTES_VALUE, AllTypes::bytesValue);
    check(checks, db, a, AllTypesRows.INSTANT_VALUE, AllTypes::instantValue);
    check(checks, db, a, AllTypesRows.DATE_VALUE, AllTypes::dateValue);
    check(checks, db, a, AllTypesRows.TIME_VALUE, AllTypes::timeValue);
    check(checks, db, a, AllTypesRows.DATE_TIME_VALUE, AllTypes::dateTimeValue);
    check(checks, db, a, AllTypesRows.OFFSET_DATE_TIME_VALUE, AllTypes::offsetDateTimeValue);
    check(checks, db, a, AllTypesRows.COLOR_VALUE, AllTypes::colorValue);
    assertTrue(b.id() != a.id());
    assertAll(checks);
  }

  private static <T> void check(List<Executable> checks, Db db, AllTypes row, Path<T> path,
      Function<AllTypes, T> value) {
    T v = value.apply(row);
    List<UUID> ids;
    try {
      ids = Fixtures.map(await(AllTypesRows.filter(path.eq(v)).collect(db)), AllTypes::id);
    } catch (RuntimeException e) {
      checks.add(() -> fail(path + " = " + v + " failed: " + e, e));
      return;
    }
    checks.add(() -> assertEquals(List.of(row.id()), ids, () -> "filter " + path + " = " + v));
  }
}
