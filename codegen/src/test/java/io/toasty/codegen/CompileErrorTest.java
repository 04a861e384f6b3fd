package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What the processor rejects: each error names the model and the field, sits on the offending
 * line, and nothing is generated for the model.
 */
class CompileErrorTest {
  /** The files the processor wrote in the last compilation. */
  private List<String> written;

  @Test
  void noKey() {
    assertError("User: a model needs at least one @Key field", "public record User(",
        "@Model",
        "public record User(",
        "    long id,",
        "    String name) {}");
  }

  @Test
  void unsupportedGenericType() {
    assertError("User.tags: unsupported field type java.util.Optional<java.lang.Iterable<"
            + "java.lang.String>>; use boolean,", "Iterable<String>> tags",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Optional<Iterable<String>> tags) {}");
  }

  @Test
  void aListOfListsIsNoCollectionField() {
    assertError("User.grid: a collection field holds String, Boolean, Short, Integer, Long,"
            + " Double or UUID items, not java.util.List<java.lang.String> (store other shapes"
            + " with @Json)", "List<List<String>> grid",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    List<List<String>> grid) {}");
  }

  @Test
  void aSetOfModelsIsNoCollectionField() {
    assertError("User.friends: a collection field holds String, Boolean, Short, Integer, Long,"
            + " Double or UUID items, not com.example.User", "Optional<Set<User>> friends",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Optional<Set<User>> friends) {}");
  }

  @Test
  void aMapWithKeysThatAreNoStrings() {
    assertError("User.scores: a Map field's keys are Strings, not java.lang.Long",
        "Map<Long, Integer> scores",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Map<Long, Integer> scores) {}");
  }

  @Test
  void aRawCollection() {
    assertError("User.tags: a raw java.util.List has no item type", "List tags",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @SuppressWarnings(\"rawtypes\") List tags) {}");
  }

  @Test
  void aCollectionIsNoKey() {
    assertError("User.tags: @Key does not apply to a collection field", "List<String> tags",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Key List<String> tags) {}");
  }

  @Test
  void aCollectionOfPrimitiveArraysIsNoCollectionField() {
    assertError("User.blobs: a collection field holds String, Boolean, Short, Integer, Long,"
            + " Double or UUID items, not byte[]", "List<byte[]> blobs",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    List<byte[]> blobs) {}");
  }

  @Test
  void sensitiveOfSensitive() {
    assertError("User.secret: unsupported field type io.toasty.Secret<io.toasty.Secret<"
        + "java.lang.String>>", "Secret<String>> secret",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    io.toasty.Secret<io.toasty.Secret<String>> secret) {}");
  }

  @Test
  void unsupportedObject() {
    assertError("User.payload: unsupported field type java.lang.Object", "Object payload",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Object payload) {}");
  }

  @Test
  void unsupportedChar() {
    assertError("User.initial: unsupported field type char", "char initial",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    char initial) {}");
  }

  @Test
  void unsupportedOptional() {
    assertError("User.payload: unsupported field type java.util.Optional<java.lang.Object>",
        "Optional<Object> payload",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Optional<Object> payload) {}");
  }

  @Test
  void twoFieldsInOneColumn() {
    assertError("User.b: column \"x\" is already the column of field a", "@Column(\"x\") String b",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Column(\"x\") String a,",
        "    @Column(\"x\") String b) {}");
  }

  @Test
  void aRenamedColumnTakingAnotherFieldsDefaultColumn() {
    assertError("User.loginCount: column \"login_count\" is already the column of field logins",
        "int loginCount",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Column(\"login_count\") int logins,",
        "    int loginCount) {}");
  }

  @Test
  void twoAutoFields() {
    assertError("User.serial: only one field may be @Auto, and id already is", "long serial",
        "@Model",
        "public record User(",
        "    @Key @Auto long id,",
        "    @Auto long serial) {}");
  }

  @Test
  void autoOnString() {
    assertError("User.id: @Auto can only generate an int or long (identity) or a UUID, not"
            + " java.lang.String", "String id",
        "@Model",
        "public record User(",
        "    @Key @Auto String id) {}");
  }

  @Test
  void autoUuidV4OnLong() {
    assertError("User.id: @Auto(UUID_V4) needs a UUID field, not long", "long id",
        "@Model",
        "public record User(",
        "    @Key @Auto(Auto.Strategy.UUID_V4) long id) {}");
  }

  @Test
  void autoIdentityOnUuid() {
    assertError("User.id: @Auto(IDENTITY) needs an int or long field, not java.util.UUID",
        "UUID id",
        "@Model",
        "public record User(",
        "    @Key @Auto(Auto.Strategy.IDENTITY) UUID id) {}");
  }

  @Test
  void autoOnAnOptional() {
    assertError("User.serial: @Auto can only generate an int or long (identity) or a UUID, not"
            + " java.util.Optional<java.lang.Long>", "serial",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Auto Optional<Long> serial) {}");
  }

  @Test
  void modelOnAClass() {
    assertError("@Model must annotate a record, but User is a class", "@Model",
        "@Model",
        "public class User {",
        "  long id;",
        "}");
  }

  @Test
  void modelOnAnEnum() {
    assertError("@Model must annotate a record, but User is an enum", "@Model",
        "@Model",
        "public enum User { A }");
  }

  @Test
  void optionalKey() {
    assertError("User.id: a @Key field cannot be Optional", "Optional<Long> id",
        "@Model",
        "public record User(",
        "    @Key Optional<Long> id) {}");
  }

  @Test
  void defaultNotAnInt() {
    assertError("User.loginCount: @Default(\"abc\") is not a valid int", "int loginCount",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Default(\"abc\") int loginCount) {}");
  }

  @Test
  void defaultOutOfRange() {
    assertError("User.level: @Default(\"128\") is not a valid byte", "byte level",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Default(\"128\") byte level) {}");
  }

  @Test
  void defaultUnknownEnumConstant() {
    assertError("User.status: @Default(\"ARCHIVED\") is not a constant of enum com.example.Status"
            + " [DRAFT, PUBLISHED]", "Status status",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Default(\"ARCHIVED\") Status status) {}",
        "enum Status { DRAFT, PUBLISHED }");
  }

  @Test
  void defaultEnumConstantInTheWrongCaseSuggestsTheRightOne() {
    assertError("@Default(\"draft\") is not a constant of enum com.example.Status [DRAFT,"
            + " PUBLISHED]; did you mean DRAFT?", "Status status",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Default(\"draft\") Status status) {}",
        "enum Status { DRAFT, PUBLISHED }");
  }

  @Test
  void defaultNotABoolean() {
    assertError("User.active: @Default(\"yes\") is not a valid boolean (true or false)",
        "boolean active",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Default(\"yes\") boolean active) {}");
  }

  @Test
  void defaultNotADate() {
    assertError("User.born: @Default(\"2024-13-01\") is not a valid LocalDate (ISO-8601, e.g."
            + " 2024-01-01)", "LocalDate born",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Default(\"2024-13-01\") LocalDate born) {}");
  }

  @Test
  void defaultNotAUuid() {
    assertError("User.ref: @Default(\"1-1-1-1-1\") is not a valid UUID", "UUID ref",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Default(\"1-1-1-1-1\") UUID ref) {}");
  }

  @Test
  void defaultNotADecimal() {
    assertError("User.price: @Default(\"1,50\") is not a valid BigDecimal", "BigDecimal price",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Default(\"1,50\") BigDecimal price) {}");
  }

  @Test
  void defaultNotFinite() {
    assertError("User.ratio: @Default(\"NaN\") is not a finite double", "double ratio",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Default(\"NaN\") double ratio) {}");
  }

  @Test
  void defaultForBytes() {
    assertError("User.data: @Default(\"00\") cannot be given: byte[] has no literal form",
        "byte[] data",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Default(\"00\") byte[] data) {}");
  }

  @Test
  void autoWithDefault() {
    assertError("User.id: an @Auto field cannot also have a @Default", "long id",
        "@Model",
        "public record User(",
        "    @Key @Auto @Default(\"1\") long id) {}");
  }

  @Test
  void uniqueAndIndex() {
    assertError("User.email: a field is either @Unique or @Index, not both", "String email",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Unique @Index String email) {}");
  }

  @Test
  void indexSortByAMissingField() {
    assertError("User.email: @Index(sortBy = \"age\") names no field of the model",
        "String email",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Index(sortBy = \"age\") String email) {}");
  }

  @Test
  void indexSortByAnOptionalField() {
    assertError("User.email: @Index(sortBy = \"nick\") names an optional field; the sort field"
        + " must be required", "String email",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Index(sortBy = \"nick\") String email,",
        "    java.util.Optional<String> nick) {}");
  }

  @Test
  void indexSortByItself() {
    assertError("User.email: @Index(sortBy = \"email\") names the indexed field itself",
        "String email",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Index(sortBy = \"email\") String email) {}");
  }

  @Test
  void indexSortByAJsonDocument() {
    assertError("User.email: @Index(sortBy = \"tags\") names a JSON document", "String email",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Index(sortBy = \"tags\") String email,",
        "    @Json List<String> tags) {}");
  }

  @Test
  void twoIndexesOfOneName() {
    assertError("User.b: index name \"ab\" is already the name of the index on a", "String b",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Index(name = \"ab\") String a,",
        "    @Index(name = \"ab\") String b) {}");
  }

  @Test
  void blankColumnAndTable() {
    Compilation compilation = compile(Sources.user(
        "@Model @Table(\" \")",
        "public record User(",
        "    @Key @Column(\"\") long id) {}"));
    assertThat(compilation).hadErrorContaining("User: @Table needs a name");
    assertThat(compilation).hadErrorContaining("User.id: @Column needs a name");
  }

  @Test
  void privateNestedRecord() {
    JavaFileObject source = Sources.source("com.example.Outer",
        "public class Outer {",
        "  @Model private record User(@Key long id) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("User: a @Model record must not be private")
        .inFile(source).onLineContaining("private record User");
  }

  @Test
  void genericRecord() {
    assertError("User: a @Model record cannot have type parameters", "record User<T>",
        "@Model",
        "public record User<T>(@Key long id) {}");
  }

  @Test
  void badEntryName() {
    assertError("User: @Model(entry = \"Bad Name\") must be a class name other than the"
            + " record's", "@Model",
        "@Model(entry = \"Bad Name\")",
        "public record User(@Key long id) {}");
  }

  @Test
  void everyErrorOfAModelIsReported() {
    Compilation compilation = compile(Sources.user(
        "@Model",
        "public record User(",
        "    Object a,",
        "    @Auto long b,",
        "    @Auto long c,",
        "    @Default(\"x\") int d) {}"));
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation).hadErrorContaining("User.a: unsupported field type");
    assertThat(compilation).hadErrorContaining("User.c: only one field may be @Auto");
    assertThat(compilation).hadErrorContaining("User.d: @Default(\"x\") is not a valid int");
    assertThat(compilation).hadErrorContaining("User: a model needs at least one @Key field");
    assertEquals(List.of(), written);
  }

  @Test
  void aFieldTypeThatNeverResolves() {
    Compilation compilation = compile(Sources.user(
        "@Model",
        "public record User(@Key long id, Missing missing) {}"));
    assertThat(compilation).hadErrorContaining(
        "User: not generated, because the type of a field could not be resolved");
    assertEquals(List.of(), written);
  }

  @Test
  void createdAtOnAString() {
    assertError("User.made: @CreatedAt needs an Instant, OffsetDateTime, LocalDateTime or "
            + "LocalDate field, not java.lang.String", "String made",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @CreatedAt String made) {}");
  }

  @Test
  void updatedAtWithADefault() {
    assertError("User.changed: a @UpdatedAt field takes no @Key, @Auto, @Default, @OnUpdate or "
            + "@Version", "Instant changed",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @UpdatedAt @Default(\"2024-01-01T00:00:00Z\") Instant changed) {}");
  }

  @Test
  void onUpdateThatIsNoExpression() {
    assertError("User.tag: @OnUpdate(\"now()\") is not an update expression for java.util.UUID",
        "UUID tag",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @OnUpdate(\"now()\") UUID tag) {}");
  }

  @Test
  void nowAsADefaultOfANumber() {
    assertError("User.n: @Default(\"now()\")", "long n",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Default(\"now()\") long n) {}");
  }

  /** Compiles {@code com.example.User} of these lines and checks the one error. */
  @Test
  void twoVersionFields() {
    assertError("User.revision: only one field may be @Version, and version already is",
        "long revision",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Version long version,",
        "    @Version long revision) {}");
  }

  @Test
  void versionOnAString() {
    assertError("User.version: @Version needs an int or long field, not java.lang.String",
        "String version",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Version String version) {}");
  }

  @Test
  void versionOnAnOptional() {
    assertError("User.version: @Version needs an int or long field, not"
            + " java.util.Optional<java.lang.Long>", "Optional<Long> version",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Version Optional<Long> version) {}");
  }

  @Test
  void versionWithADefault() {
    assertError("User.version: a @Version field starts at 1; it takes no @Default",
        "long version",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Version @Default(\"5\") long version) {}");
  }

  @Test
  void versionOnTheKey() {
    assertError("User.id: a @Key field cannot be the @Version", "long id",
        "@Model",
        "public record User(",
        "    @Key @Version long id,",
        "    String name) {}");
  }

  private void assertError(String message, String line, String... lines) {
    JavaFileObject source = Sources.user(lines);
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
    assertEquals(List.of(), written);
  }

  private Compilation compile(JavaFileObject source) {
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation = Sources.compile(List.of(processor), source);
    assertThat(compilation).failed();
    written = processor.written();
    return compilation;
  }
}
