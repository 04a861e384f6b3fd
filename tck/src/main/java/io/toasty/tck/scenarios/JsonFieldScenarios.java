package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.toasty.Select;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.JsonFieldException;
import io.toasty.reactive.Db;
import io.toasty.reactive.json.JacksonCodec;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Document;
import io.toasty.tck.models.DocumentCreate;
import io.toasty.tck.models.Documents;
import io.toasty.tck.models.Profile.Settings;
import io.toasty.tck.models.Profile;
import io.toasty.tck.models.ProfileCreate;
import io.toasty.tck.models.ProfileNote;
import io.toasty.tck.models.ProfileNotes;
import io.toasty.tck.models.Profiles;
import io.toasty.value.JsonCodec;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * {@code @Json} fields, one document each: written whole and read back equal (records, lists,
 * maps, nested), absent when {@code Optional} and empty, replaced by updates and upserts, next to
 * relations in includes, filtered by a path inside where the backend reads stored documents
 * (refused with {@code JSON_PATH} elsewhere), compared whole never; a value the codec cannot
 * write or read fails naming model and field; the codec is the {@code Db}'s own; and a round
 * trip of random documents.
 */
@Models({Profiles.class, ProfileNotes.class, Documents.class})
public abstract class JsonFieldScenarios {
  private static final Settings DARK = new Settings("dark", 14, true, List.of("ctrl+k", "⌘P"),
      Map.of("daily", 100L, "monthly", Long.MAX_VALUE));
  private static final Settings LIGHT = new Settings("light", 12, false, List.of(), Map.of());
  private static final Settings HIGH = new Settings("hög kontrast 🎨", 20, false,
      List.of("", "\"quoted\""), Map.of("daily", -1L));

  private static Profile profile(Db db, String name, Settings settings,
      Optional<List<String>> tags, Map<String, Integer> scores) {
    return await(Profiles.create().id(UUID.randomUUID()).name(name).settings(settings)
        .tags(tags).scores(scores).exec(db));
  }

  private static Profile profile(Db db, String name, Settings settings) {
    return profile(db, name, settings, Optional.empty(), Map.of());
  }

  /** Ann (dark), Bob (light) and Cid (high contrast), for filters on paths. */
  private static void threeProfiles(Db db) {
    profile(db, "ann", DARK);
    profile(db, "bob", LIGHT);
    profile(db, "cid", HIGH);
  }

  private static Profile reread(Db db, Profile p) {
    return await(Profiles.getById(db, p.id()));
  }

  @BackendTest
  public void aCreatedRecordReadsBackItsDocuments(Db db) {
    Profile p = profile(db, "ann", DARK, Optional.of(List.of("a", "b")), Map.of("x", 1, "y", -2));
    assertEquals(DARK, p.settings());
    Profile read = reread(db, p);
    assertEquals(DARK, read.settings());
    assertEquals(Optional.of(List.of("a", "b")), read.tags());
    assertEquals(Map.of("x", 1, "y", -2), read.scores());
  }

  @BackendTest
  public void anAbsentOptionalDocumentReadsBackEmptyAndFiltersAsNull(Db db) {
    Profile none = profile(db, "ann", LIGHT);
    Profile some = profile(db, "bob", LIGHT, Optional.of(List.of()), Map.of());
    assertEquals(Optional.empty(), reread(db, none).tags());
    assertEquals(Optional.of(List.of()), reread(db, some).tags());
    assertEquals(List.of("ann"), names(db, Profiles.filter(Profiles.TAGS.isNull())));
    assertEquals(List.of("bob"), names(db, Profiles.filter(Profiles.TAGS.isNotNull())));
  }

  @BackendTest
  public void documentsOfEveryShapeRoundTrip(Db db) {
    Map<String, Integer> scores = new LinkedHashMap<>();
    scores.put("", 0);
    scores.put("ключ", Integer.MIN_VALUE);
    scores.put("with space", Integer.MAX_VALUE);
    Profile p = profile(db, "ann", HIGH, Optional.of(List.of("日本語", "", "'; DROP TABLE x; --")),
        scores);
    Profile read = reread(db, p);
    assertEquals(HIGH, read.settings());
    assertEquals(p.tags(), read.tags());
    assertEquals(scores, read.scores());
  }

  @BackendTest
  public void anUpdateReplacesWholeDocuments(Db db) {
    Profile p = profile(db, "ann", DARK, Optional.of(List.of("a")), Map.of("x", 1));
    Profile updated = await(Profiles.update(p).settings(LIGHT).tags(Optional.empty())
        .exec(db));
    assertEquals(LIGHT, updated.settings());
    assertEquals(Optional.empty(), updated.tags());
    assertEquals(LIGHT, reread(db, p).settings());
    assertEquals(1L, await(Profiles.updateById(p.id()).scores(Map.of("z", 9))
        .tags(List.of("back")).exec(db)));
    Profile read = reread(db, p);
    assertEquals(Map.of("z", 9), read.scores());
    assertEquals(Optional.of(List.of("back")), read.tags());
    assertEquals(LIGHT, read.settings());
  }

  @BackendTest
  public void anUpsertWritesDocumentsOnBothPaths(Db db) {
    UUID id = UUID.randomUUID();
    Profile created = await(Profiles.upsert().id(id).name("ann").settings(DARK)
        .scores(Map.of()).exec(db));
    assertEquals(DARK, created.settings());
    await(Profiles.upsert().id(id).name("ann").settings(HIGH).scores(Map.of("k", 3))
        .tags(List.of("t")).exec(db));
    Profile read = await(Profiles.getById(db, id));
    assertEquals(HIGH, read.settings());
    assertEquals(Map.of("k", 3), read.scores());
    assertEquals(Optional.of(List.of("t")), read.tags());
  }

  @BackendTest
  public void manyRecordsWithDocumentsAreCreatedAtOnce(Db db) {
    List<ProfileCreate> creates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      creates.add(Profiles.create().id(UUID.randomUUID()).name("p" + i)
          .settings(new Settings("t" + i, i, i % 2 == 0, List.of("s" + i), Map.of("n", (long) i)))
          .scores(Map.of("i", i)));
    }
    List<Profile> created = await(Profiles.createMany(creates).exec(db));
    assertEquals(20, created.size());
    for (Profile p : await(Profiles.all().collect(db))) {
      int i = Integer.parseInt(p.name().substring(1));
      assertEquals(i, p.settings().fontSize());
      assertEquals(Map.of("n", (long) i), p.settings().limits());
      assertEquals(Map.of("i", i), p.scores());
    }
  }

  @BackendTest
  public void anIncludeReadsTheDocumentsOfRelatedRecords(Db db) {
    Profile p = profile(db, "ann", DARK);
    Map<String, Object> meta = new HashMap<>();
    meta.put("pinned", true);
    meta.put("weight", 2.5);
    meta.put("labels", List.of("x", "y"));
    meta.put("none", null);
    await(ProfileNotes.create().id(UUID.randomUUID()).profileId(p.id()).meta(meta).exec(db));
    await(ProfileNotes.create().id(UUID.randomUUID()).profileId(p.id()).meta(Map.of()).exec(db));
    Profile read = await(Profiles.filterById(p.id()).include(Profiles.NOTES).first(db));
    assertEquals(DARK, read.settings());
    List<Map<String, Object>> metas = read.notes().get().stream().map(ProfileNote::meta)
        .sorted(Comparator.comparing(Map::size)).toList();
    assertEquals(List.of(Map.of(), meta), metas);
    ProfileNote note = await(ProfileNotes.filterByProfileId(p.id()).include(ProfileNotes.PROFILE)
        .collect(db)).get(0);
    assertEquals(DARK, note.profile().get().settings());
  }

  /** Records with documents ordered by another field (DynamoDB: sorted by the engine). */
  @BackendTest
  @Requires(Need.ORDER_BY)
  public void recordsWithDocumentsOrderByAnotherField(Db db) {
    profile(db, "cid", HIGH);
    profile(db, "ann", DARK);
    profile(db, "bob", LIGHT);
    List<Profile> ordered = await(Profiles.all().orderBy(Profiles.NAME.desc()).collect(db));
    assertEquals(List.of("cid", "bob", "ann"), ordered.stream().map(Profile::name).toList());
    assertEquals(List.of(HIGH, LIGHT, DARK), ordered.stream().map(Profile::settings).toList());
  }

  @BackendTest
  public void aDeleteRemovesARecordWithDocuments(Db db) {
    Profile p = profile(db, "ann", DARK, Optional.of(List.of("a")), Map.of("x", 1));
    profile(db, "bob", LIGHT);
    assertEquals(1L, await(Profiles.deleteById(p.id()).exec(db)));
    assertEquals(List.of("bob"), names(db, Profiles.all()));
  }

  @BackendTest
  @Requires(Need.JSON_PATH)
  public void aFilterReadsAStringInsideADocument(Db db) {
    threeProfiles(db);
    assertEquals(List.of("ann"), names(db, Profiles.filter(
        Profiles.SETTINGS.text("theme").eq("dark"))));
    assertEquals(List.of("bob", "cid"), names(db, Profiles.filter(
        Profiles.SETTINGS.text("theme").ne("dark"))));
    assertEquals(List.of("cid"), names(db, Profiles.filter(
        Profiles.SETTINGS.text("theme").in("hög kontrast 🎨", "none"))));
  }

  @BackendTest
  @Requires(Need.JSON_PATH)
  public void aFilterReadsNestedNumbersAndBooleansAsText(Db db) {
    threeProfiles(db);
    assertEquals(List.of("cid"), names(db, Profiles.filter(
        Profiles.SETTINGS.text("limits", "daily").eq("-1"))));
    assertEquals(List.of("ann"), names(db, Profiles.filter(
        Profiles.SETTINGS.text("fontSize").eq("14"))));
    assertEquals(List.of("bob", "cid"), names(db, Profiles.filter(
        Profiles.SETTINGS.text("limits", "daily").isNull().or(
            Profiles.SETTINGS.text("limits", "daily").eq("-1")))));
    assertEquals(List.of("ann"), names(db, Profiles.filter(
        Profiles.SETTINGS.text("beta").eq("true").and(Profiles.NAME.startsWith("a")))));
  }

  @BackendTest
  @Requires(Need.JSON_PATH)
  public void anUpdateAndADeleteFilterByAPathInsideADocument(Db db) {
    Profile ann = profile(db, "ann", DARK);
    profile(db, "bob", LIGHT);
    assertEquals(1L, await(Profiles.filter(Profiles.SETTINGS.text("theme").eq("dark")).update()
        .name("anna").exec(db)));
    assertEquals("anna", reread(db, ann).name());
    assertEquals(1L, await(Profiles.filter(Profiles.SETTINGS.text("theme").eq("light"))
        .delete().exec(db)));
    assertEquals(List.of("anna"), names(db, Profiles.all()));
  }

  @BackendTest
  public void aWholeDocumentDoesNotCompare(Db db) {
    profile(db, "ann", DARK);
    InvalidStatementException e = failure(InvalidStatementException.class,
        () -> Profiles.filter(Profiles.SETTINGS.eq(DARK)).collect(db));
    assertEquals(Optional.of("settings"), e.field());
    assertThrows(InvalidStatementException.class, () -> Profiles.SETTINGS.text());
    assertThrows(InvalidStatementException.class, () -> Profiles.SETTINGS.text("a\"b"));
  }

  @BackendTest
  public void aValueTheCodecCannotWriteFailsNamingTheFieldAndWritesNothing(Db db) {
    Profile p = profile(db, "ann", DARK);
    Map<String, Object> meta = new HashMap<>();
    meta.put("lock", new Object()); // Jackson has no serializer for a bare Object
    JsonFieldException e = failure(JsonFieldException.class, () -> ProfileNotes.create()
        .id(UUID.randomUUID()).profileId(p.id()).meta(meta).exec(db));
    assertEquals(Optional.of("ProfileNote"), e.model());
    assertEquals(Optional.of("meta"), e.field());
    assertEquals(0L, await(ProfileNotes.all().count(db)));
  }

  @BackendTest
  public void aStoredDocumentTheCodecCannotReadFailsNamingTheField(Db db,
      BackendContext context) {
    JsonCodec jackson = new JacksonCodec(new ObjectMapper());
    JsonCodec writeOnly = new JsonCodec() {
      @Override public String write(Object value, Type type) throws Exception {
        return jackson.write(value, type);
      }

      @Override public Object read(String text, Type type) {
        throw new IllegalArgumentException("this codec reads nothing");
      }
    };
    Db other = context.open(b -> b.jsonCodec(writeOnly)).db();
    UUID id = UUID.randomUUID();
    // A backend that returns the stored row from the insert fails here already; one that
    // builds it from the values written does not: the read below fails on every backend.
    await(Profiles.create().id(id).name("ann").settings(DARK).scores(Map.of()).exec(other)
        .onErrorResume(JsonFieldException.class, x -> Mono.empty()));
    JsonFieldException e = failure(JsonFieldException.class, () -> Profiles.getById(other, id));
    assertEquals(Optional.of("Profile"), e.model());
    assertEquals(Optional.of("settings"), e.field());
    assertTrue(e.getMessage().contains("reads nothing"), e.getMessage());
    assertEquals(1L, await(Profiles.all().count(other))); // the stored record is still there
  }

  @BackendTest
  public void theDocumentsAreWrittenByTheDbsObjectMapper(Db db, BackendContext context) {
    ObjectMapper snake = new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    Db other = context.open(b -> b.objectMapper(snake)).db();
    Profile p = await(Profiles.create().id(UUID.randomUUID()).name("ann").settings(DARK)
        .scores(Map.of()).exec(other));
    assertEquals(DARK, await(Profiles.getById(other, p.id())).settings());
  }

  @BackendTest
  @Requires(Need.JSON_PATH)
  public void aPathNamesTheKeysTheDbsObjectMapperWrote(Db db, BackendContext context) {
    ObjectMapper snake = new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    Db other = context.open(b -> b.objectMapper(snake)).db();
    await(Profiles.create().id(UUID.randomUUID()).name("ann").settings(DARK)
        .scores(Map.of()).exec(other));
    assertEquals(List.of("ann"), names(other, Profiles.filter(
        Profiles.SETTINGS.text("font_size").eq("14"))));
    assertEquals(List.of(), names(other, Profiles.filter(
        Profiles.SETTINGS.text("fontSize").eq("14"))));
  }

  /** 1,000 random documents, each with a body and an optional draft: 1,500-odd documents. */
  @BackendTest
  public void randomDocumentsRoundTrip(Db db) {
    Random random = new Random(23);
    Map<Long, Document> written = new HashMap<>();
    List<DocumentCreate> batch = new ArrayList<>();
    for (long id = 0; id < 1000; id++) {
      Document d = new Document(id, body(random), random.nextInt(3) == 0 ? Optional.empty()
          : Optional.of(body(random)));
      written.put(id, d);
      batch.add(Documents.create().id(id).body(d.body()).draft(d.draft()));
      if (batch.size() == 25) {
        await(Documents.createMany(batch).exec(db));
        batch.clear();
      }
    }
    assertEquals(List.of(), RoundTrips.differences(written,
        await(Documents.all().collect(db)), Document::id));
  }

  private static final String[] TEXTS = {"", " ", "a", "Grüße", "日本語テキスト", "🎉🚀",
      "שלום", "∀x∈ℝ", "'; DROP TABLE documents; --", "back\\slash", "line\nbreak", "tab\t",
      "%_", "\"quoted\"", "{\"not\": \"json\"}", "null", "\u007f\u0001"};
  private static final long[] LONGS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE,
      Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final int[] INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final double[] DOUBLES = {0.0, 1.0, -1.5, 0.1, 1e100, -1e-100,
      Double.MIN_NORMAL * 1e208, 123456789.123456789, 9007199254740993.0};

  private static Document.Body body(Random random) {
    List<String> words = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      words.add(text(random));
    }
    Map<String, String> attributes = new HashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      attributes.put(text(random), text(random));
    }
    List<List<Long>> grid = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      List<Long> row = new ArrayList<>();
      for (int j = random.nextInt(3); j > 0; j--) {
        row.add(LONGS[random.nextInt(LONGS.length)]);
      }
      grid.add(row);
    }
    return new Document.Body(text(random),
        random.nextBoolean() ? random.nextLong() : LONGS[random.nextInt(LONGS.length)],
        random.nextBoolean() ? random.nextInt() : INTS[random.nextInt(INTS.length)],
        random.nextBoolean() ? DOUBLES[random.nextInt(DOUBLES.length)] : ratio(random),
        random.nextBoolean(), random.nextBoolean() ? null : text(random), words, attributes,
        grid);
  }

  /** A double DynamoDB's numbers hold (magnitude 1E-130 to 9.99E+125); never -0.0. */
  private static double ratio(Random random) {
    double d = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(200) - 100);
    return d == 0 ? 0.0 : d;
  }

  private static String text(Random random) {
    return RandomTexts.text(random, TEXTS);
  }

  /** The names of the records {@code query} finds, sorted here: every backend can run it. */
  private static List<String> names(Db db, Select<Profile> query) {
    return await(query.collect(db)).stream().map(Profile::name).sorted().toList();
  }
}
