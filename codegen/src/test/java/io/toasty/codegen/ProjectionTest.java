package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.toasty.Secret;
import io.toasty.codegen.samples.VaultCard;
import io.toasty.codegen.samples.VaultCards;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Projection}: each component is checked against the model at compile time, an error
 * naming the component otherwise; a valid projection gets its fields and row mapper.
 */
class ProjectionTest {
  private static final JavaFileObject USER = Sources.user(
      "@Model",
      "public record User(@Key @Auto long id, String name, Optional<String> nickname,",
      "    int loginCount) {}");

  @Test
  void aValidProjectionGetsFieldsAndAMapper() {
    Compilation c = compile(card("public record UserCard(long id, String name,"
        + " Optional<String> nickname) {}"));
    assertThat(c).succeeded();
    String generated = Sources.generated(c, "com.example.UserCards");
    assertTrue(generated.contains("List.of(Users.ID, Users.NAME, Users.NICKNAME)"), generated);
    assertTrue(generated.contains("return new UserCard((Long) v[0], (String) v[1], "
        + "Optional.ofNullable((String) v[2]))"), generated);
    assertTrue(generated.contains("query.select(UserCards::map, FIELDS)"), generated);
  }

  @Test
  void aSensitiveComponentIsWrappedAgain() {
    JavaFileObject vault = Sources.source("com.example.Vault",
        "import io.toasty.Secret;",
        "@Model",
        "public record Vault(@Key String name, Secret<String> secret,",
        "    Optional<Secret<Integer>> pin) {}");
    JavaFileObject card = Sources.source("com.example.VaultCard",
        "import io.toasty.Secret;",
        "@Projection(Vault.class)",
        "public record VaultCard(Secret<String> secret, Optional<Secret<Integer>> pin) {}");
    Compilation c = Sources.compile(List.of(new ModelProcessor(), new ProjectionProcessor()),
        vault, card);
    assertThat(c).succeeded();
    String generated = Sources.generated(c, "com.example.VaultCards");
    assertTrue(generated.contains("v[0] == null ? null : Secret.of((String) v[0])"),
        generated);
    assertTrue(generated.contains("Optional.ofNullable(v[1] == null ? null : "
        + "Secret.of((Integer) v[1]))"), generated);
  }

  @Test
  void aSensitiveProjectionMapsTheStoredValues() {
    VaultCard card = VaultCards.map(new Object[] {"v", "s3cret", 42L});
    assertEquals(Secret.of("s3cret"), card.secret());
    assertEquals(Optional.of(Secret.of(42L)), card.pin());
    assertEquals(Optional.empty(), VaultCards.map(new Object[] {"v", "s3cret", null}).pin());
    assertFalse(card.toString().contains("s3cret"), card.toString());
  }

  @Test
  void aComponentTheModelDoesNotHave() {
    JavaFileObject card = card("public record UserCard(long id, String fullName) {}");
    Compilation c = compile(card);
    assertThat(c).hadErrorContaining("UserCard.fullName: model User has no field fullName")
        .inFile(card).onLineContaining("String fullName");
  }

  @Test
  void aComponentOfAnotherType() {
    JavaFileObject card = card("public record UserCard(long id, String loginCount) {}");
    Compilation c = compile(card);
    assertThat(c).hadErrorContaining("UserCard.loginCount: is java.lang.String but "
        + "User.loginCount is int").inFile(card).onLineContaining("String loginCount");
  }

  @Test
  void anOptionalFieldNeedsAnOptionalComponent() {
    JavaFileObject card = card("public record UserCard(String nickname) {}");
    assertThat(compile(card)).hadErrorContaining("UserCard.nickname: is java.lang.String but "
        + "User.nickname is java.util.Optional<java.lang.String>");
  }

  @Test
  void theNamedClassMustBeAModel() {
    JavaFileObject card = Sources.source("com.example.UserCard",
        "@Projection(String.class)",
        "public record UserCard(long id) {}");
    assertThat(compile(card)).hadErrorContaining(
        "UserCard: @Projection names java.lang.String, which is not a @Model record");
  }

  private static JavaFileObject card(String record) {
    return Sources.source("com.example.UserCard", "@Projection(User.class)", record);
  }

  private static Compilation compile(JavaFileObject card) {
    List<Processor> processors = List.of(new ModelProcessor(), new ProjectionProcessor());
    return Sources.compile(processors, USER, card);
  }
}
