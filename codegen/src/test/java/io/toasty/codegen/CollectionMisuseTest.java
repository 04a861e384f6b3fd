package io.toasty.codegen;

import static io.toasty.codegen.CompileErrors.assertOneError;

import org.junit.jupiter.api.Test;

/**
 * Collection fields declared in ways the engine cannot store (docs/models.md, "Collections"): each is one compile
 * error naming model and field, on the field's line, and nothing is generated.
 */
class CollectionMisuseTest {
  private static final String ITEMS = "a collection field holds String, Boolean, Short, Integer,"
      + " Long, Double or UUID items, not ";

  private static void assertFieldError(String message, String field, String... more) {
    String[] lines = new String[4 + more.length];
    lines[0] = "@Model";
    lines[1] = "public record User(";
    lines[2] = "    @Key long id,";
    lines[3] = "    " + field + ") {}";
    System.arraycopy(more, 0, lines, 4, more.length);
    assertOneError(message, field, lines);
  }

  @Test
  void aWildcardItem() {
    assertFieldError("User.nums: " + ITEMS + "? extends java.lang.Number",
        "List<? extends Number> nums");
  }

  @Test
  void anOptionalItem() {
    assertFieldError("User.names: " + ITEMS + "java.util.Optional<java.lang.String>",
        "List<Optional<String>> names");
  }

  @Test
  void anEnumItem() {
    assertFieldError("User.colors: " + ITEMS + "com.example.Color", "Set<Color> colors",
        "enum Color { RED }");
  }

  @Test
  void aDecimalItem() {
    assertFieldError("User.amounts: " + ITEMS + "java.math.BigDecimal",
        "List<BigDecimal> amounts");
  }

  @Test
  void aMapOfLists() {
    assertFieldError("User.groups: " + ITEMS + "java.util.List<java.lang.String> (store other"
        + " shapes with @Json)", "Map<String, List<String>> groups");
  }

  @Test
  void anIndexedCollection() {
    assertFieldError("User.tags: @Index does not apply to a collection field",
        "@Index List<String> tags");
  }

  @Test
  void aDefaultOnACollection() {
    assertFieldError("User.tags: @Default does not apply to a collection field",
        "@Default(\"[]\") List<String> tags");
  }

  @Test
  void aVersionCollection() {
    assertFieldError("User.marks: @Version does not apply to a collection field",
        "@Version List<Long> marks");
  }

  @Test
  void aDeferredCollection() {
    assertFieldError("User.tags: unsupported field type io.toasty.Deferred<java.util.List<"
        + "java.lang.String>>", "io.toasty.Deferred<List<String>> tags");
  }

  @Test
  void aCollectionInsideAnEmbeddedRecord() {
    assertOneError("User.home.lines: unsupported field type java.util.List<java.lang.String>",
        "Place home",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Place home) {}",
        "@Embeddable record Place(String city,",
        "    List<String> lines) {}");
  }
}
