package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Deferred;
import io.toasty.DeferredPath;
import io.toasty.codegen.samples.Note;
import io.toasty.codegen.samples.Notes;
import io.toasty.error.DeferredNotLoadedException;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code Deferred<T>} fields: a column of {@code T} flagged deferred in the schema, a
 * {@link DeferredPath} constant, loaded wrapped (unloaded where the row holds
 * {@link Deferred#NOT_LOADED}), written as {@code T}; and the misuses the processor rejects.
 */
class DeferredFieldsTest {
  private final ModelSchema schema = Notes.MODEL.schema();

  @Test
  void deferredFieldsAreColumnsOfTheirTypeFlaggedDeferred() {
    assertFalse(schema.field("title").deferred());
    assertTrue(schema.field("text").deferred());
    assertEquals(Type.Scalar.STRING, schema.field("text").type());
    assertFalse(schema.field("text").nullable());
    assertTrue(schema.field("attachment").deferred());
    assertTrue(schema.field("attachment").nullable());
    assertEquals(Type.Scalar.BYTES, schema.field("attachment").type());
    assertEquals(Type.Scalar.I32, schema.field("stars").type());
    DeferredPath<Note, String> path = Notes.TEXT;
    assertEquals(2, path.index());
    assertEquals("Note", path.model());
  }

  @Test
  void aRowWithTheValuesLoadsThemAndValuesWriteThem() {
    Note n = new Note(1, "t", Deferred.of("body"), Deferred.of(Optional.of(new byte[] {7})),
        Deferred.of(5));
    Value.Record row = Notes.MODEL.values(n);
    assertEquals(new Value.Str("body"), row.get(2));
    assertEquals(new Value.I32(5), row.get(4));
    Note loaded = Notes.MODEL.load(row);
    assertEquals("body", loaded.text().get());
    assertArrayEquals(new byte[] {7}, loaded.attachment().get().orElseThrow());
    assertEquals(n, loaded);
    Note none = new Note(2, "t", Deferred.of("x"), Deferred.of(Optional.empty()), Deferred.of(0));
    assertEquals(Value.NULL, Notes.MODEL.values(none).get(3));
    assertEquals(Optional.empty(), Notes.MODEL.load(Notes.MODEL.values(none)).attachment().get());
  }

  @Test
  void aRowWithoutThemLoadsThemUnloaded() {
    Value.Record row = Value.Record.of(new Value.I64(1), new Value.Str("t"), Deferred.NOT_LOADED,
        Deferred.NOT_LOADED, new Value.I32(3));
    Note n = Notes.MODEL.load(row);
    assertFalse(n.text().isLoaded());
    assertFalse(n.attachment().isLoaded());
    assertEquals(3, n.stars().get());
    DeferredNotLoadedException e = assertThrows(DeferredNotLoadedException.class,
        () -> n.text().get());
    assertEquals(Optional.of("Note"), e.model());
    assertEquals(Optional.of("text"), e.field());
    // an unloaded value is no value to write: the record's values say so
    assertTrue(Deferred.isNotLoaded(Notes.MODEL.values(n).get(2)));
    assertEquals(new Value.I64(1), Notes.MODEL.keyOf(n).get(0));
  }

  @Test
  void theRowReaderWrapsTheColumnsItReads() {
    assertNotNull(Notes.MODEL.rowReader(), "a flat model reads rows straight into records");
    assertInstanceOf(DeferredPath.class, Notes.ATTACHMENT);
  }

  @Test
  void aDeferredKeyIsAnError() {
    CompileErrors.assertOneError("User.id: a @Key field cannot be Deferred", "Deferred<Long> id",
        "@Model",
        "public record User(",
        "    @Key io.toasty.Deferred<Long> id,",
        "    String name) {}");
  }

  @Test
  void aDeferredRelationIsAnError() {
    CompileErrors.assertOneError("User.boss: a relation cannot be Deferred", "BelongsTo<User>> boss",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    long bossId,",
        "    io.toasty.Deferred<io.toasty.BelongsTo<User>> boss) {}");
  }

  @Test
  void aDeferredOfAnUnsupportedTypeIsAnError() {
    CompileErrors.assertOneError("User.tags: unsupported field type io.toasty.Deferred<"
        + "java.util.List<java.lang.String>>", "List<String>> tags",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    io.toasty.Deferred<List<String>> tags) {}");
  }

  @Test
  void aDeferredOfADeferredIsAnError() {
    CompileErrors.assertOneError("User.text: unsupported field type io.toasty.Deferred<io.toasty.Deferred<",
        "Deferred<String>> text",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    io.toasty.Deferred<io.toasty.Deferred<String>> text) {}");
  }

  @Test
  void aDeferredFieldInsideAnEmbeddedRecordIsAnError() {
    CompileErrors.assertOneError("a field inside an embedded record cannot be Deferred",
        "@Embedded Place place",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Embedded Place place) {}",
        "record Place(String city, io.toasty.Deferred<String> notes) {}");
  }
}
