package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code createChecked()}: a create that leaves a required field unset does not compile, and the
 * error names the field (the stage that is missing it, {@code UserCreate.NeedsEmail}); optional,
 * generated and defaulted fields stay optional, and a belongs-to relation's setter fills its
 * foreign key's stage.
 */
class RequiredFieldsTest {
  private static final JavaFileObject USER = Sources.user(
      "@Model",
      "public record User(",
      "    @Key @Auto UUID id,",
      "    String name,",
      "    String email,",
      "    Optional<String> nickname,",
      "    @Default(\"0\") int logins) {}");

  private static final JavaFileObject POST = Sources.source("com.example.Post",
      "import io.toasty.BelongsTo;",
      "@Model",
      "public record Post(",
      "    @Key @Auto UUID id,",
      "    String title,",
      "    @Index UUID userId,",
      "    BelongsTo<User> user) {}");

  private static JavaFileObject use(String... body) {
    String[] lines = new String[body.length + 3];
    lines[0] = "class Use {";
    lines[1] = "  void run(io.toasty.Executor db, User ann) {";
    System.arraycopy(body, 0, lines, 2, body.length);
    lines[lines.length - 1] = "  }}";
    return Sources.source("com.example.Use", lines);
  }

  @Test
  void everyRequiredFieldSetCompiles() {
    Compilation c = Sources.compile(USER, POST, use(
        "    Users.createChecked().name(\"ann\").email(\"ann@example.com\").exec(db);",
        "    Users.createChecked().name(\"ann\").email(\"a@x\").nickname(\"a\").logins(2).exec(db);",
        "    Posts.createChecked().title(\"hi\").user(ann).exec(db);",
        "    Posts.createChecked().title(\"hi\").userId(ann.id()).exec(db);",
        "    Posts.createChecked().title(\"hi\").user(Users.create().name(\"b\").email(\"b\"))"
            + ".exec(db);"));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void aMissingRequiredFieldIsACompileErrorNamingIt() {
    assertRefused("Users.createChecked().name(\"ann\").exec(db);", "UserCreateStages.NeedsEmail",
        ".exec(db)");
  }

  @Test
  void theFirstRequiredFieldCannotBeSkipped() {
    assertRefused("Users.createChecked().email(\"a@x\").exec(db);", "UserCreateStages.NeedsName",
        "email(");
  }

  @Test
  void aMissingForeignKeyNamesTheField() {
    assertRefused("Posts.createChecked().title(\"hi\").exec(db);", "PostCreateStages.NeedsUserId",
        ".exec(db)");
  }

  /** {@code statement} does not compile, with an error naming {@code stage} on its line. */
  private static void assertRefused(String statement, String stage, String onLine) {
    JavaFileObject use = use("    " + statement);
    Compilation c = Sources.compile(USER, POST, use);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(stage).inFile(use).onLineContaining(onLine);
  }
}
