package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.toasty.Select;
import io.toasty.error.UnknownVariantException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Permit;
import io.toasty.tck.models.PermitCreate;
import io.toasty.tck.models.Permits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sealed interfaces of records stored as one JSON document ({@code @Json} on the field): the
 * variant's fields tagged with its discriminator, read back as the right variant, replaced whole
 * by updates and upserts, filtered on the variant and on a variant's field through the
 * document where the backend reads stored documents (refused with {@code JSON_PATH} elsewhere),
 * stored by discriminator and not class name, an unknown discriminator a typed error, and a
 * round trip of random values.
 */
@Models({Permits.class})
public abstract class SealedDocumentScenarios {
  private static final AtomicLong IDS = new AtomicLong();
  private static final Permit.State ACTIVE = new Permit.Active();
  private static final Permit.State SUSPENDED = new Permit.Suspended("spam 🎉",
      List.of("first", ""), Long.MAX_VALUE);
  private static final Permit.State SUSPENDED_BARE = new Permit.Suspended(null, List.of(),
      Long.MIN_VALUE);
  private static final Permit.State REVOKED = new Permit.Revoked("fraud \"ring\"", -1.5, true,
      new BigDecimal("12345678901234567890.25"));
  private static final Permit.Level GOLD = new Permit.Gold(Integer.MIN_VALUE, "Grüße");

  private static Permit permit(Db db, String name, Permit.State state,
      Optional<Permit.Level> level) {
    return await(Permits.create().id(IDS.incrementAndGet()).name(name).state(state).level(level)
        .exec(db));
  }

  private static Permit permit(Db db, String name, Permit.State state) {
    return permit(db, name, state, Optional.empty());
  }

  private static Permit reread(Db db, Permit p) {
    return await(Permits.getById(db, p.id()));
  }

  /** Ann (active), Bob (suspended, gold), Cid (revoked, basic), Dan (suspended, no level). */
  private static void four(Db db) {
    permit(db, "ann", ACTIVE);
    permit(db, "bob", SUSPENDED, Optional.of(GOLD));
    permit(db, "cid", REVOKED, Optional.of(new Permit.Basic()));
    permit(db, "dan", SUSPENDED_BARE);
  }

  @BackendTest
  public void eachVariantReadsBackAsWritten(Db db) {
    for (Permit.State state : List.of(ACTIVE, SUSPENDED, SUSPENDED_BARE, REVOKED)) {
      Permit p = permit(db, "ann", state, Optional.of(GOLD));
      assertEquals(state, p.state());
      assertEquals(state, reread(db, p).state());
      assertEquals(Optional.of(GOLD), reread(db, p).level());
    }
    Permit basic = permit(db, "bob", ACTIVE, Optional.of(new Permit.Basic()));
    assertEquals(Optional.of(new Permit.Basic()), reread(db, basic).level());
  }

  @BackendTest
  public void anAbsentOptionalValueReadsBackEmptyAndFiltersAsNull(Db db) {
    permit(db, "ann", ACTIVE);
    permit(db, "bob", ACTIVE, Optional.of(new Permit.Basic()));
    assertEquals(List.of("ann"), names(db, Permits.filter(Permits.LEVEL.isNull())));
    assertEquals(List.of("bob"), names(db, Permits.filter(Permits.LEVEL.isNotNull())));
    assertEquals(List.of(Optional.empty(), Optional.of(new Permit.Basic())),
        await(Permits.all().collect(db)).stream().sorted(
            Comparator.comparing(Permit::name)).map(Permit::level).toList());
  }

  @BackendTest
  public void anUpdateReplacesTheWholeValueWithAnotherVariant(Db db) {
    Permit p = permit(db, "ann", SUSPENDED, Optional.of(GOLD));
    Permit updated = await(Permits.update(p).state(ACTIVE).level(Optional.empty()).exec(db));
    assertEquals(ACTIVE, updated.state());
    assertEquals(Optional.empty(), updated.level());
    assertEquals(ACTIVE, reread(db, p).state());
    assertEquals(1L, await(Permits.updateById(p.id()).state(REVOKED)
        .level(new Permit.Basic()).exec(db)));
    Permit read = reread(db, p);
    assertEquals(REVOKED, read.state());
    assertEquals(Optional.of(new Permit.Basic()), read.level());
  }

  @BackendTest
  public void anUpsertWritesTheValueOnBothPaths(Db db) {
    long id = IDS.incrementAndGet();
    Permit created = await(Permits.upsert().id(id).name("ann").state(SUSPENDED).exec(db));
    assertEquals(SUSPENDED, created.state());
    await(Permits.upsert().id(id).name("ann").state(REVOKED).level(GOLD).exec(db));
    Permit read = await(Permits.getById(db, id));
    assertEquals(REVOKED, read.state());
    assertEquals(Optional.of(GOLD), read.level());
  }

  @BackendTest
  public void manyRecordsOfEveryVariantAreCreatedAtOnce(Db db) {
    List<PermitCreate> creates = new ArrayList<>();
    List<Permit.State> states = List.of(ACTIVE, SUSPENDED, SUSPENDED_BARE, REVOKED);
    for (int i = 0; i < 20; i++) {
      creates.add(Permits.create().id(1000 + i).name("p" + i).state(states.get(i % 4))
          .level(i % 3 == 0 ? Optional.empty() : Optional.of(new Permit.Gold(i, "g" + i))));
    }
    assertEquals(20, await(Permits.createMany(creates).exec(db)).size());
    for (Permit p : await(Permits.all().collect(db))) {
      int i = (int) (p.id() - 1000);
      assertEquals(states.get(i % 4), p.state());
      assertEquals(i % 3 == 0 ? Optional.empty() : Optional.of(new Permit.Gold(i, "g" + i)),
          p.level());
    }
  }

  /** Records with sealed documents ordered by another field (DynamoDB: by the engine). */
  @BackendTest
  @Requires(Need.ORDER_BY)
  public void recordsWithSealedDocumentsOrderByAnotherField(Db db) {
    four(db);
    List<Permit> ordered = await(Permits.all().orderBy(Permits.NAME.desc()).collect(db));
    assertEquals(List.of(SUSPENDED_BARE, REVOKED, SUSPENDED, ACTIVE),
        ordered.stream().map(Permit::state).toList());
  }

  @BackendTest
  public void aDeleteByKeyRemovesTheRecordWithItsDocuments(Db db) {
    Permit p = permit(db, "ann", REVOKED, Optional.of(GOLD));
    permit(db, "bob", ACTIVE);
    assertEquals(1L, await(Permits.deleteById(p.id()).exec(db)));
    assertEquals(List.of("bob"), names(db, Permits.all()));
  }

  @BackendTest
  @Requires(Need.JSON_PATH)
  public void aFilterOnTheVariantReadsTheDiscriminator(Db db) {
    four(db);
    assertEquals(List.of("bob", "dan"),
        names(db, Permits.filter(Permits.STATE.is(Permit.Suspended.class))));
    assertEquals(List.of("ann"), names(db, Permits.filter(Permits.STATE.is(Permit.Active.class))));
    assertEquals(List.of("ann", "cid"),
        names(db, Permits.filter(Permits.STATE.isNot(Permit.Suspended.class))));
  }

  @BackendTest
  @Requires(Need.JSON_PATH)
  public void aFilterOnANumericVariantCountsAbsentValuesAsAnotherVariant(Db db) {
    four(db);
    assertEquals(List.of("bob"), names(db, Permits.filter(Permits.LEVEL.is(Permit.Gold.class))));
    assertEquals(List.of("cid"), names(db, Permits.filter(Permits.LEVEL.is(Permit.Basic.class))));
    assertEquals(List.of("ann", "cid", "dan"),
        names(db, Permits.filter(Permits.LEVEL.isNot(Permit.Gold.class))));
  }

  @BackendTest
  @Requires(Need.JSON_PATH)
  public void aFilterReadsAVariantsFieldInsideTheDocument(Db db) {
    four(db);
    assertEquals(List.of("bob"), names(db, Permits.filter(
        Permits.STATE.text("reason").eq("spam 🎉"))));
    assertEquals(List.of("cid"), names(db, Permits.filter(
        Permits.STATE.is(Permit.Revoked.class).and(Permits.STATE.text("appealed").eq("true")))));
    assertEquals(List.of("bob"), names(db, Permits.filter(
        Permits.LEVEL.text("label").eq("Grüße"))));
  }

  @BackendTest
  @Requires(Need.JSON_PATH)
  public void anUpdateAndADeleteFilterOnTheVariant(Db db) {
    four(db);
    assertEquals(2L, await(Permits.filter(Permits.STATE.is(Permit.Suspended.class)).update()
        .state(ACTIVE).exec(db)));
    assertEquals(List.of("ann", "bob", "dan"),
        names(db, Permits.filter(Permits.STATE.is(Permit.Active.class))));
    assertEquals(1L, await(Permits.filter(Permits.STATE.is(Permit.Revoked.class)).delete()
        .exec(db)));
    assertEquals(List.of("ann", "bob", "dan"), names(db, Permits.all()));
  }

  /** The document holds the discriminator, not the class name: renaming the class is safe. */
  @BackendTest
  @Requires(Need.JSON_PATH)
  public void theStoredDiscriminatorIsNotTheClassName(Db db) {
    four(db);
    assertEquals(List.of("bob", "dan"),
        names(db, Permits.filter(Permits.STATE.discriminator().eq("suspended"))));
    assertEquals(List.of(),
        names(db, Permits.filter(Permits.STATE.discriminator().eq("Suspended"))));
    assertEquals(List.of("bob"), names(db, Permits.filter(Permits.LEVEL.discriminator().eq("-2"))));
  }

  /** A document written by a newer model (a variant this one lacks) fails to read, naming it. */
  @BackendTest
  @Requires(Need.RAW_WRITES)
  public void aStoredDiscriminatorMatchingNoVariantIsATypedError(Db db, BackendContext ctx) {
    Permit p = permit(db, "ann", ACTIVE);
    if (db.capability().partiql()) {
      // the document as DynamoDB stores it: a map
      await(db.partiql("UPDATE \"sealdoc_permits\" SET \"state\" = "
          + "{'type': 'retired', 'reason': 'old'} WHERE \"id\" = :id")
          .bind("id", p.id()).execute());
    } else {
      ctx.executeSql("UPDATE " + ctx.quote("sealdoc_permits") + " SET " + ctx.quote("state")
          + " = '{\"type\": \"retired\", \"reason\": \"old\"}'");
    }
    UnknownVariantException e = failure(UnknownVariantException.class,
        () -> Permits.getById(db, p.id()));
    assertEquals(Optional.of("Permit"), e.model());
    assertEquals(Optional.of("state"), e.field());
    assertEquals("retired", e.value());
    assertEquals(List.of("Active", "suspended", "revoked"), e.known());
    assertEquals(1L, await(Permits.filter(Permits.NAME.eq("ann")).count(db))); // still stored
  }

  @BackendTest
  public void nullsAreRefusedNamingTheFieldAndWriteNothing(Db db) {
    Exception missing = failure(Exception.class, () -> Permits.create().id(1).name("ann")
        .exec(db));
    assertTrue(missing.getMessage().contains("state"), missing.getMessage());
    Exception nulled = failure(Exception.class, () -> Permits.create().id(2).name("bob")
        .state((Permit.State) null).exec(db));
    assertTrue(nulled.getMessage().contains("state"), nulled.getMessage());
    assertEquals(0L, await(Permits.all().count(db)));
  }

  @BackendTest
  public void theVariantsAreWrittenByTheDbsObjectMapper(Db db, BackendContext context) {
    ObjectMapper snake = new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    Db other = context.open(b -> b.objectMapper(snake)).db();
    Permit p = await(Permits.create().id(1).name("ann").state(REVOKED).level(GOLD).exec(other));
    Permit read = await(Permits.getById(other, p.id()));
    assertEquals(REVOKED, read.state());
    assertEquals(Optional.of(GOLD), read.level());
  }

  /** 1,000 random permits, each with a required and an optional sealed document. */
  @BackendTest
  public void randomSealedDocumentsRoundTrip(Db db) {
    Random random = new Random(29);
    Map<Long, Permit> written = new HashMap<>();
    List<PermitCreate> batch = new ArrayList<>();
    for (long id = 0; id < 1000; id++) {
      Permit p = new Permit(id, text(random), state(random), switch (random.nextInt(3)) {
        case 0 -> Optional.empty();
        case 1 -> Optional.of(new Permit.Basic());
        default -> Optional.of(new Permit.Gold(random.nextBoolean() ? random.nextInt()
            : INTS[random.nextInt(INTS.length)], random.nextInt(4) == 0 ? null : text(random)));
      });
      written.put(id, p);
      batch.add(Permits.create().id(id).name(p.name()).state(p.state()).level(p.level()));
      if (batch.size() == 25) {
        await(Permits.createMany(batch).exec(db));
        batch.clear();
      }
    }
    assertEquals(List.of(), RoundTrips.differences(written, await(Permits.all().collect(db)),
        Permit::id));
  }

  private static final String[] TEXTS = {"", " ", "a", "Grüße", "日本語テキスト", "🎉🚀",
      "שלום", "∀x∈ℝ", "'; DROP TABLE sealdoc_permits; --", "back\\slash", "line\nbreak",
      "tab\t", "%_", "\"quoted\"", "{\"type\": \"revoked\"}", "type", "null", "\u007f\u0001"};
  private static final long[] LONGS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE,
      Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final int[] INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final double[] DOUBLES = {0.0, 1.0, -1.5, 0.1, 1e100, -1e-100,
      123456789.123456789, 9007199254740993.0};

  private static Permit.State state(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> new Permit.Active();
      case 1 -> {
        List<String> notes = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          notes.add(text(random));
        }
        yield new Permit.Suspended(random.nextInt(4) == 0 ? null : text(random), notes,
            random.nextBoolean() ? random.nextLong() : LONGS[random.nextInt(LONGS.length)]);
      }
      default -> new Permit.Revoked(text(random), random.nextBoolean()
          ? DOUBLES[random.nextInt(DOUBLES.length)] : ratio(random), random.nextBoolean(),
          fee(random));
    };
  }

  /** A double DynamoDB's numbers hold (magnitude 1E-130 to 9.99E+125); never -0.0. */
  private static double ratio(Random random) {
    double d = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(200) - 100);
    return d == 0 ? 0.0 : d;
  }

  /**
   * Up to 30 digits with 2 decimals whose last is not 0, so that no backend's normalizing of a
   * number's text (DynamoDB drops trailing zeros) changes the {@code BigDecimal}.
   */
  private static BigDecimal fee(Random random) {
    BigInteger unscaled = new BigInteger(random.nextInt(99) + 1, random);
    unscaled = unscaled.multiply(BigInteger.TEN).add(BigInteger.valueOf(1 + random.nextInt(9)));
    unscaled = unscaled.mod(BigInteger.TEN.pow(30));
    if (unscaled.mod(BigInteger.TEN).signum() == 0) {
      unscaled = unscaled.add(BigInteger.ONE);
    }
    return new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), 2);
  }

  private static String text(Random random) {
    return RandomTexts.text(random, TEXTS);
  }

  /** The names of the records {@code query} finds, sorted here: every backend can run it. */
  private static List<String> names(Db db, Select<Permit> query) {
    return await(query.collect(db)).stream().map(Permit::name).sorted().toList();
  }
}
