package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.toasty.Condition;
import io.toasty.driver.Capability;
import io.toasty.driver.ValueRanges;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.FarTime;
import io.toasty.tck.models.FarTimeCreate;
import io.toasty.tck.models.FarTimeUpdate;
import io.toasty.tck.models.FarTimes;
import io.toasty.tck.models.RangeSample;
import io.toasty.tck.models.RangeSampleCreate;
import io.toasty.tck.models.RangeSamples;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import reactor.core.Exceptions;

/**
 * The hostile-value corpus: quotes and SQL fragments, LIKE wildcards, NUL, lone surrogates, a
 * 10 MB string, integer and decimal extremes, NaN, infinities, -0.0, far dates and arithmetic
 * overflow. Each value round-trips exactly (read back equal, and found by equality where it is
 * text) or is refused with a {@link ValueOutOfRangeException} naming the model and the field,
 * with nothing sent to the driver and nothing written. Nothing is ever changed silently.
 */
@Models(RangeSamples.class)
public abstract class ValueRangeScenarios {
  /** A 10 MB string: more than DynamoDB's 400 KB item, less than any SQL backend's limit. */
  static final String TEN_MB = "x".repeat(10 << 20);

  /** One hostile value: the field it goes into, how to set it, how to read it back. */
  record Case(String field, Object value, UnaryOperator<RangeSampleCreate> set,
      Function<RangeSample, Object> get) {
    @Override
    public String toString() {
      String shown = String.valueOf(value);
      return field + "=" + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown);
    }
  }

  /** The cases' outcomes on one backend. */
  record Tally(int roundTrips, int refusals) {}

  static RangeSampleCreate base(UUID id) {
    return RangeSamples.create().id(id).textValue("t").byteValue((byte) 1).intValue(1)
        .longValue(1L).floatValue(1f).doubleValue(1d).decimalValue(BigDecimal.ONE)
        .instantValue(Instant.parse("2024-01-02T03:04:05Z")).dateValue(LocalDate.of(2024, 1, 2))
        .dateTimeValue(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
  }

  static Case text(String s) {
    return new Case("textValue", s, c -> c.textValue(s), RangeSample::textValue);
  }

  static List<Case> strings() {
    List<Case> out = new ArrayList<>();
    for (String s : List.of("it's", "\"quoted\"", "'; DROP TABLE range_samples; --",
        "' OR '1'='1", "\\", "\\'", "%", "_", "a%b_c", "[a-z]*", "\u0000", "a\u0000b", "\uD800",
        "a\uD800b", "\uDC00", "b\uDFFFa", "\uD83D\uDE00", "\u00e9\u4e2d\u0410", "\uFEFF",
        "\r\n\t", "", " ", TEN_MB)) {
      out.add(text(s));
    }
    return out;
  }

  static List<Case> integers() {
    List<Case> out = new ArrayList<>();
    for (byte b : new byte[] {Byte.MIN_VALUE, -1, 0, Byte.MAX_VALUE}) {
      out.add(new Case("byteValue", b, c -> c.byteValue(b), RangeSample::byteValue));
    }
    for (int i : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      out.add(new Case("intValue", i, c -> c.intValue(i), RangeSample::intValue));
    }
    for (long l : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, (1L << 53) + 1}) {
      out.add(new Case("longValue", l, c -> c.longValue(l), RangeSample::longValue));
    }
    return out;
  }

  static List<Case> floats() {
    List<Case> out = new ArrayList<>();
    for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, -0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
        Double.MIN_NORMAL, 0.1, 1e300}) {
      out.add(new Case("doubleValue", d, c -> c.doubleValue(d), RangeSample::doubleValue));
    }
    for (float f : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        -0.0f, Float.MAX_VALUE, Float.MIN_VALUE, 0.1f}) {
      out.add(new Case("floatValue", f, c -> c.floatValue(f), RangeSample::floatValue));
    }
    return out;
  }

  static List<Case> decimals() {
    List<Case> out = new ArrayList<>();
    for (String s : List.of("0", "-1", "0.1", "1E-40", "1E-30", "1E-131", "1E+40",
        "99999999999999999999999999999999999", "999999999999999999999999999999999999",
        "12345678901234567890.123456789012345678", "-0.000000000000000000000000000001",
        "3.14159265358979323846264338327950288419716939937510", "1E+130")) {
      BigDecimal d = new BigDecimal(s);
      out.add(new Case("decimalValue", d, c -> c.decimalValue(d), RangeSample::decimalValue));
    }
    return out;
  }

  static List<Case> dates() {
    List<Case> out = new ArrayList<>();
    for (String s : List.of("-4713-11-24T00:00:00Z", "-4712-01-01T00:00:00Z",
        "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "0999-12-31T23:59:59Z",
        "1000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2038-01-19T03:14:08Z",
        "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z")) {
      Instant t = Instant.parse(s);
      out.add(new Case("instantValue", t, c -> c.instantValue(t), RangeSample::instantValue));
    }
    out.add(new Case("instantValue", Instant.MIN, c -> c.instantValue(Instant.MIN),
        RangeSample::instantValue));
    out.add(new Case("instantValue", Instant.MAX, c -> c.instantValue(Instant.MAX),
        RangeSample::instantValue));
    for (LocalDate d : List.of(LocalDate.MIN, LocalDate.of(-4713, 1, 1), LocalDate.of(0, 1, 1),
        LocalDate.of(1, 1, 1), LocalDate.of(999, 12, 31), LocalDate.of(9999, 12, 31),
        LocalDate.of(10000, 1, 1), LocalDate.MAX)) {
      out.add(new Case("dateValue", d, c -> c.dateValue(d), RangeSample::dateValue));
    }
    for (LocalDateTime t : List.of(LocalDateTime.MIN, LocalDateTime.of(-4713, 1, 1, 0, 0),
        LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59),
        LocalDateTime.of(10000, 1, 1, 0, 0), LocalDateTime.MAX)) {
      out.add(new Case("dateTimeValue", t, c -> c.dateTimeValue(t), RangeSample::dateTimeValue));
    }
    return out;
  }

  /** All the cases of the corpus, in the order above. */
  static List<Case> corpus() {
    List<Case> all = new ArrayList<>();
    all.addAll(strings());
    all.addAll(integers());
    all.addAll(floats());
    all.addAll(decimals());
    all.addAll(dates());
    return all;
  }

  /** Whether {@code back} is exactly {@code sent}: equal, decimals by value, floats bit for bit. */
  static boolean same(Object sent, Object back) {
    if (sent instanceof BigDecimal a && back instanceof BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    if (sent instanceof Double a && back instanceof Double b) {
      return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }
    if (sent instanceof Float a && back instanceof Float b) {
      return Float.floatToIntBits(a) == Float.floatToIntBits(b);
    }
    return Objects.equals(sent, back);
  }

  /**
   * Writes {@code c}'s value: true if it round-tripped, false if it was refused as it must be;
   * anything else fails with the case named.
   */
  static boolean roundTrips(Db db, OperationLog log, Case c) {
    UUID id = UUID.randomUUID();
    log.clear();
    RangeSample created;
    try {
      created = await(c.set().apply(base(id)).exec(db));
    } catch (RuntimeException thrown) {
      Throwable e = Exceptions.unwrap(thrown);
      if (!(e instanceof ValueOutOfRangeException range)) {
        throw new AssertionError(c + ": expected a round trip or ValueOutOfRangeException, got "
            + e, e);
      }
      assertEquals(Optional.of("RangeSample"), range.model(), c + ": " + e.getMessage());
      assertEquals(Optional.of(c.field()), range.field(), c + ": " + e.getMessage());
      assertEquals(0, log.size(), c + ": refused after something reached the driver: " + log);
      assertEquals(List.of(), await(RangeSamples.filterById(id).collect(db)), c.toString());
      return false;
    }
    RangeSample back = await(RangeSamples.getById(db, id));
    Object read = c.get().apply(back);
    if (!same(c.value(), read)) {
      String shown = String.valueOf(read);
      fail(c + ": silently changed to " + (shown.length() > 40 ? shown.substring(0, 40) : shown));
    }
    // The created record holds the value as stored, also where the insert did not ask the
    // database for it but took the value it sent (PostgreSQL, MariaDB).
    if (!same(read, c.get().apply(created))) {
      fail(c + ": the created record differs from the stored value");
    }
    if (c.value() instanceof String s) {
      List<RangeSample> found = await(RangeSamples.filter(RangeSamples.ID.eq(id)
          .and(RangeSamples.TEXT_VALUE.eq(s))).collect(db));
      assertEquals(1, found.size(), c + ": not found by equality");
    }
    return true;
  }

  /** Runs {@code cases}, failing with every case that neither round-tripped nor was refused. */
  static Tally run(Db db, OperationLog log, BackendContext context, String family,
      List<Case> cases) {
    List<String> refused = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int trips = 0;
    for (Case c : cases) {
      try {
        if (roundTrips(db, log, c)) {
          trips++;
        } else {
          refused.add(c.toString());
        }
      } catch (AssertionError | RuntimeException e) {
        failures.add(e.getMessage());
      }
    }
    System.out.println("ValueRange[" + context.backend().name() + "] " + family + ": " + trips
        + " round-trip, " + refused.size() + " refused " + refused);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    return new Tally(trips, refused.size());
  }

  @BackendTest
  public void hostileStringsRoundTripOrAreRefused(Db db, OperationLog log, BackendContext ctx) {
    run(db, log, ctx, "strings", strings());
  }

  @BackendTest
  public void integerExtremesRoundTrip(Db db, OperationLog log, BackendContext ctx) {
    assertEquals(0, run(db, log, ctx, "integers", integers()).refusals());
  }

  @BackendTest
  public void floatExtremesRoundTripOrAreRefused(Db db, OperationLog log, BackendContext ctx) {
    run(db, log, ctx, "floats", floats());
  }

  @BackendTest
  public void decimalExtremesRoundTripOrAreRefused(Db db, OperationLog log,
      BackendContext ctx) {
    run(db, log, ctx, "decimals", decimals());
  }

  @BackendTest
  public void farDatesRoundTripOrAreRefused(Db db, OperationLog log, BackendContext ctx) {
    run(db, log, ctx, "dates", dates());
  }

  @BackendTest
  public void aTenMegabyteStringRoundTripsWhereTheBackendHoldsIt(Db db, OperationLog log,
      BackendContext ctx) {
    long limit = ctx.capability().valueRanges().maxTextBytes();
    boolean fits = limit == 0 || TEN_MB.length() <= limit;
    // where it does not fit, roundTrips checks the typed error names model and field, and that
    // nothing reached the driver
    assertEquals(fits, roundTrips(db, log, text(TEN_MB)), "limit " + limit + " bytes");
  }

  @BackendTest
  public void aLoneSurrogateIsRefusedEverywhere(Db db, OperationLog log) {
    for (String s : List.of("\uD800", "a\uDC00b")) {
      assertTrue(!roundTrips(db, log, text(s)), "a lone surrogate was stored");
    }
  }

  @BackendTest
  public void aLoneSurrogateInAFilterIsRefused(Db db, OperationLog log) {
    log.clear();
    ValueOutOfRangeException e = failure(ValueOutOfRangeException.class,
        () -> RangeSamples.filter(RangeSamples.TEXT_VALUE.eq("a\uD800b")).collect(db));
    assertEquals(Optional.of("textValue"), e.field());
    assertEquals(0, log.size());
  }

  @BackendTest
  public void aByteSumBeyondItsRangeIsRefusedNamingTheField(Db db) {
    UUID id = UUID.randomUUID();
    await(base(id).byteValue((byte) 100).exec(db));
    ValueOutOfRangeException e = failure(ValueOutOfRangeException.class,
        () -> RangeSamples.updateById(id).byteValue(RangeSamples.BYTE_VALUE.plus((byte) 100))
            .exec(db));
    assertEquals(Optional.of("RangeSample"), e.model(), e.getMessage());
    assertEquals(Optional.of("byteValue"), e.field(), e.getMessage());
    assertEquals((byte) 100, await(RangeSamples.getById(db, id)).byteValue());
  }

  @BackendTest
  public void anIntSumBeyondItsRangeIsRefusedNamingTheField(Db db) {
    UUID id = UUID.randomUUID();
    await(base(id).intValue(Integer.MAX_VALUE).exec(db));
    ValueOutOfRangeException e = failure(ValueOutOfRangeException.class,
        () -> RangeSamples.updateById(id).intValue(RangeSamples.INT_VALUE.plus(1)).exec(db));
    assertEquals(Optional.of("RangeSample"), e.model(), e.getMessage());
    assertEquals(Optional.of("intValue"), e.field(), e.getMessage());
    assertEquals(Integer.MAX_VALUE, await(RangeSamples.getById(db, id)).intValue());
  }

  @BackendTest
  public void aProductBeyondAnIntFieldIsRefusedNamingTheFieldByKeyAndInBulk(Db db) {
    UUID id = UUID.randomUUID();
    await(base(id).intValue(1_500_000_000).exec(db));
    ValueOutOfRangeException e = failure(ValueOutOfRangeException.class,
        () -> RangeSamples.updateById(id).intValue(RangeSamples.INT_VALUE.times(2)).exec(db));
    assertEquals(Optional.of("RangeSample"), e.model(), e.getMessage());
    assertEquals(Optional.of("intValue"), e.field(), e.getMessage());
    e = failure(ValueOutOfRangeException.class, () -> RangeSamples.filter(RangeSamples.INT_VALUE
        .gt(1_000_000_000)).update().intValue(RangeSamples.INT_VALUE.times(3).minus(1))
        .exec(db));
    assertEquals(Optional.of("intValue"), e.field(), e.getMessage());
    assertEquals(1_500_000_000, await(RangeSamples.getById(db, id)).intValue());
  }

  @BackendTest
  public void aSumOfTwoFieldsBeyondAByteIsRefusedAndWritesNothing(Db db) {
    UUID id = UUID.randomUUID();
    await(base(id).byteValue((byte) 100).intValue(7).exec(db));
    ValueOutOfRangeException e = failure(ValueOutOfRangeException.class,
        () -> RangeSamples.updateById(id)
            .byteValue(RangeSamples.BYTE_VALUE.plus(RangeSamples.BYTE_VALUE)).exec(db));
    assertEquals(Optional.of("byteValue"), e.field(), e.getMessage());
    RangeSample stored = await(RangeSamples.getById(db, id));
    assertEquals((byte) 100, stored.byteValue());
    assertEquals(7, stored.intValue());
  }

  @BackendTest
  public void aLongSumBeyond64BitsIsRefusedNamingTheFieldAndWritesNothing(Db db) {
    // SQLite's own arithmetic would store a REAL here without a word; the others fail.
    UUID id = UUID.randomUUID();
    await(base(id).longValue(Long.MAX_VALUE).exec(db));
    ValueOutOfRangeException e = failure(ValueOutOfRangeException.class,
        () -> RangeSamples.updateById(id).longValue(RangeSamples.LONG_VALUE.plus(1L)).exec(db));
    assertEquals(Optional.of("RangeSample"), e.model(), e.getMessage());
    assertEquals(Optional.of("longValue"), e.field(), e.getMessage());
    assertEquals(Long.MAX_VALUE, await(RangeSamples.getById(db, id)).longValue());
  }

  @BackendTest
  public void aLongDifferenceBelow64BitsIsRefusedAndOneWithinIsWritten(Db db) {
    UUID id = UUID.randomUUID();
    await(base(id).longValue(Long.MIN_VALUE + 1).exec(db));
    assertEquals(1L, await(RangeSamples.updateById(id)
        .longValue(RangeSamples.LONG_VALUE.minus(1L)).exec(db)));
    assertEquals(Long.MIN_VALUE, await(RangeSamples.getById(db, id)).longValue());
    ValueOutOfRangeException e = failure(ValueOutOfRangeException.class,
        () -> RangeSamples.updateById(id).longValue(RangeSamples.LONG_VALUE.minus(1L)).exec(db));
    assertEquals(Optional.of("longValue"), e.field(), e.getMessage());
    assertEquals(Long.MIN_VALUE, await(RangeSamples.getById(db, id)).longValue());
  }

  @BackendTest
  public void aDifferenceWithinRangeIsWrittenAndBeyondItIsRefused(Db db) {
    UUID id = UUID.randomUUID();
    await(base(id).byteValue((byte) -100).exec(db));
    assertEquals(1L, await(RangeSamples.updateById(id)
        .byteValue(RangeSamples.BYTE_VALUE.minus((byte) 28)).exec(db)));
    assertEquals((byte) -128, await(RangeSamples.getById(db, id)).byteValue());
    ValueOutOfRangeException e = failure(ValueOutOfRangeException.class,
        () -> RangeSamples.updateById(id).byteValue(RangeSamples.BYTE_VALUE.minus((byte) 1))
            .exec(db));
    assertEquals(Optional.of("byteValue"), e.field(), e.getMessage());
    assertEquals((byte) -128, await(RangeSamples.getById(db, id)).byteValue());
  }

  /**
   * SQL that lets another program store in {@code byte_value} what a {@code byte} cannot hold,
   * run before anything else: the column widened or its range CHECK dropped (SQLite keeps the
   * CHECK, so there the value is a REAL, which passes it).
   */
  private static String widen(BackendContext ctx) {
    String table = ctx.quote("range_samples");
    String column = ctx.quote("byte_value");
    return switch (ctx.backend().name()) {
      // the same server over either transport
      case "postgresql", "vertx-postgresql" -> "ALTER TABLE " + table + " DROP CONSTRAINT "
          + ctx.quote("range_samples_byte_value_range");
      case "mariadb", "vertx-mariadb", "mysql" -> "ALTER TABLE " + table + " MODIFY " + column
          + " SMALLINT NOT NULL";
      case "h2" -> "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DATA TYPE SMALLINT";
      default -> "SELECT 1";
    };
  }

  @BackendTest
  @Requires(Need.RAW_WRITES)
  public void aStoredValueTheFieldCannotHoldFailsNamingModelFieldAndKey(Db db,
      BackendContext ctx) {
    UUID id = UUID.randomUUID();
    String bad = ctx.backend().name().equals("sqlite") ? "1.5" : "200";
    if (db.capability().partiql()) {
      // a DynamoDB number has no width to widen
      await(base(id).exec(db));
      await(db.partiql("UPDATE \"range_samples\" SET \"byte_value\" = " + bad
          + " WHERE \"id\" = :id").bind("id", id).execute());
    } else {
      ctx.executeSql(widen(ctx));
      await(base(id).exec(db));
      ctx.executeSql("UPDATE " + ctx.quote("range_samples") + " SET "
          + ctx.quote("byte_value") + " = " + bad);
    }
    ValueOutOfRangeException e = failure(ValueOutOfRangeException.class,
        () -> RangeSamples.getById(db, id));
    assertEquals(Optional.of("RangeSample"), e.model(), e.getMessage());
    assertEquals(Optional.of("byteValue"), e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(id.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(bad), e.getMessage());
  }

  // ---- every value read can be written back --------------------------------------------------

  /** A value of one of {@link FarTime}'s fields: how to set it, read it, and filter by it. */
  record Far(String field, Object value, UnaryOperator<FarTimeCreate> set,
      Function<FarTime, Object> get, Function<FarTime, Condition> sameAs,
      BiFunction<FarTimeUpdate<FarTime>, FarTime, FarTimeUpdate<FarTime>> writeBack) {
    @Override
    public String toString() {
      return field + "=" + value;
    }
  }

  private static FarTimeCreate farBase(UUID id) {
    return FarTimes.create().id(id).instantValue(Instant.parse("2024-01-02T03:04:05Z"))
        .offsetValue(OffsetDateTime.parse("2024-01-02T03:04:05Z"))
        .dateValue(LocalDate.of(2024, 1, 2)).dateTimeValue(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
  }

  private static Far instant(Instant t) {
    return new Far("instantValue", t, c -> c.instantValue(t), FarTime::instantValue,
        r -> FarTimes.INSTANT_VALUE.eq(r.instantValue()),
        (u, r) -> u.instantValue(r.instantValue()));
  }

  private static Far offset(OffsetDateTime t) {
    return new Far("offsetValue", t, c -> c.offsetValue(t), FarTime::offsetValue,
        r -> FarTimes.OFFSET_VALUE.eq(r.offsetValue()), (u, r) -> u.offsetValue(r.offsetValue()));
  }

  private static Far date(LocalDate d) {
    return new Far("dateValue", d, c -> c.dateValue(d), FarTime::dateValue,
        r -> FarTimes.DATE_VALUE.eq(r.dateValue()), (u, r) -> u.dateValue(r.dateValue()));
  }

  private static Far dateTime(LocalDateTime t) {
    return new Far("dateTimeValue", t, c -> c.dateTimeValue(t), FarTime::dateTimeValue,
        r -> FarTimes.DATE_TIME_VALUE.eq(r.dateTimeValue()),
        (u, r) -> u.dateTimeValue(r.dateTimeValue()));
  }

  /**
   * The ends of each field's range on this backend (to microseconds, which every backend keeps)
   * and the Java types' own extremes.
   */
  private static List<Far> farValues(ValueRanges r) {
    Instant min = r.minInstant().truncatedTo(ChronoUnit.MICROS);
    Instant max = r.maxInstant().truncatedTo(ChronoUnit.MICROS);
    return List.of(instant(min), instant(max), instant(Instant.MIN), instant(Instant.MAX),
        offset(OffsetDateTime.ofInstant(min, ZoneOffset.UTC)),
        offset(OffsetDateTime.ofInstant(max, ZoneOffset.UTC)),
        offset(OffsetDateTime.MIN), offset(OffsetDateTime.MAX),
        date(r.minDate()), date(r.maxDate()), date(LocalDate.MIN), date(LocalDate.MAX),
        dateTime(r.minDateTime().truncatedTo(ChronoUnit.MICROS)),
        dateTime(r.maxDateTime().truncatedTo(ChronoUnit.MICROS)),
        dateTime(LocalDateTime.MIN), dateTime(LocalDateTime.MAX));
  }

  /**
   * {@code f}'s value, held by the record {@code id}: read it, write it back unchanged, filter
   * by it, and read it again; each time the same value. The problems found, if any.
   */
  private static List<String> writtenBack(Db db, UUID id, Far f) {
    List<String> wrong = new ArrayList<>();
    FarTime read = await(FarTimes.getById(db, id));
    if (!Objects.equals(f.value(), f.get().apply(read))) {
      wrong.add(f + ": read as " + f.get().apply(read));
    }
    FarTime written = await(f.writeBack().apply(FarTimes.update(read), read).exec(db));
    if (!Objects.equals(f.get().apply(read), f.get().apply(written))) {
      wrong.add(f + ": written back as " + f.get().apply(written));
    }
    long found = await(FarTimes.filter(FarTimes.ID.eq(id).and(f.sameAs().apply(read)))
        .count(db));
    if (found != 1) {
      wrong.add(f + ": a filter by the value read found " + found + " records");
    }
    FarTime again = await(FarTimes.getById(db, id));
    if (!Objects.equals(f.get().apply(read), f.get().apply(again))) {
      wrong.add(f + ": read again as " + f.get().apply(again));
    }
    return wrong;
  }

  /**
   * The property that every date the backend stores can be written back: each end of its range,
   * and each Java extreme it holds (PostgreSQL's infinities), is written, read, written back
   * unchanged, filtered by and read again; a Java extreme it does not hold is refused before
   * anything is sent, naming the field.
   */
  @BackendTest
  @Models(FarTimes.class)
  public void everyDateTheBackendHoldsIsReadWrittenBackAndFilteredBy(Db db, OperationLog log,
      Capability capability) {
    ValueRanges ranges = capability.valueRanges();
    List<String> wrong = new ArrayList<>();
    for (Far f : farValues(ranges)) {
      UUID id = UUID.randomUUID();
      boolean held = ranges.holdsTime(f.value());
      log.clear();
      try {
        await(f.set().apply(farBase(id)).exec(db));
      } catch (RuntimeException thrown) {
        Throwable e = Exceptions.unwrap(thrown);
        if (held || !(e instanceof ValueOutOfRangeException range)
            || !range.field().equals(Optional.of(f.field())) || log.size() != 0) {
          wrong.add(f + ": " + e + " after " + log);
        }
        continue;
      }
      if (!held) {
        wrong.add(f + ": stored, though the backend's ranges do not hold it");
      }
      wrong.addAll(writtenBack(db, id, f));
    }
    assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
  }

  /**
   * A date the database holds that the backend's ranges do not (another writer's) is read as a
   * value that writes back, or refused on read naming model, field and key, never read as a value
   * that a write would then refuse: PostgreSQL's {@code 'infinity'} and {@code '-infinity'} read
   * as the Java extremes and are written back as infinities; SQLite's text of a five-digit year is
   * refused on read; H2 and MariaDB hold no date beyond their ranges' ends, which read and write
   * back.
   */
  @BackendTest
  @Requires(Need.SQL)
  @Models(FarTimes.class)
  public void aStoredDateBeyondTheRangesReadsAsAValueThatWritesBackOrIsRefused(Db db,
      BackendContext ctx) {
    UUID id = UUID.randomUUID();
    await(farBase(id).exec(db));
    String table = ctx.quote("far_times");
    String backend = ctx.backend().name();
    if (backend.equals("sqlite")) {
      ctx.executeSql("UPDATE " + table + " SET " + ctx.quote("date_value") + " = '10000-01-01'");
      ValueOutOfRangeException e = failure(ValueOutOfRangeException.class,
          () -> FarTimes.getById(db, id));
      assertEquals(Optional.of("FarTime"), e.model(), e.getMessage());
      assertEquals(Optional.of("dateValue"), e.field(), e.getMessage());
      assertTrue(e.getMessage().contains(id.toString()), e.getMessage());
      return;
    }
    // each round: the columns set to SQL literals, and the values they must read as
    List<Map<String, String>> literals = new ArrayList<>();
    List<List<Far>> rounds = new ArrayList<>();
    if (backend.equals("postgresql")) {
      literals.add(Map.of("instant_value", "'infinity'", "offset_value", "'infinity'",
          "date_value", "'infinity'", "date_time_value", "'infinity'"));
      rounds.add(List.of(instant(Instant.MAX), offset(OffsetDateTime.MAX), date(LocalDate.MAX),
          dateTime(LocalDateTime.MAX)));
      literals.add(Map.of("instant_value", "'-infinity'", "offset_value", "'-infinity'",
          "date_value", "'-infinity'", "date_time_value", "'-infinity'"));
      rounds.add(List.of(instant(Instant.MIN), offset(OffsetDateTime.MIN), date(LocalDate.MIN),
          dateTime(LocalDateTime.MIN)));
    } else {
      literals.add(Map.of("date_value", "'9999-12-31'", "date_time_value",
          "'9999-12-31 23:59:59'"));
      rounds.add(List.of(date(LocalDate.of(9999, 12, 31)),
          dateTime(LocalDateTime.of(9999, 12, 31, 23, 59, 59))));
    }
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < rounds.size(); i++) {
      StringBuilder set = new StringBuilder();
      literals.get(i).forEach((column, literal) -> set.append(set.length() == 0 ? "" : ", ")
          .append(ctx.quote(column)).append(" = ").append(literal));
      ctx.executeSql("UPDATE " + table + " SET " + set);
      for (Far f : rounds.get(i)) {
        wrong.addAll(writtenBack(db, id, f));
      }
    }
    assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
  }

  /**
   * On a backend with PartiQL (DynamoDB, whose dates are fixed-width text of years 0000 to 9999),
   * a date another writer stored beyond the ranges is refused on read, naming the attribute,
   * never read as a value a write would refuse.
   */
  @BackendTest
  @Requires(Need.PARTIQL)
  @Models(FarTimes.class)
  public void aDateAnotherWriterStoredBeyondTheRangesIsRefusedOnRead(Db db) {
    UUID id = UUID.randomUUID();
    await(farBase(id).exec(db));
    assertEquals(1L, await(db.partiql("UPDATE \"far_times\" SET \"date_value\" = :d"
        + " WHERE \"id\" = :id").bind("d", "+10000-01-01").bind("id", id).execute()));
    ValueOutOfRangeException e = failure(ValueOutOfRangeException.class,
        () -> FarTimes.getById(db, id));
    assertTrue(e.getMessage().contains("date_value"), e.getMessage());
  }
}
