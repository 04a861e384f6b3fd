package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** {@code @Model(repository = true)} writes {@code UserRepository}, listed for the starter. */
class RepositoryTest {

  /** {@code User} with a repository, compiled without warnings. */
  private static Compilation user(String record) {
    Compilation compilation = Sources.compile(Sources.source("com.example.User",
        "@Model(repository = true)", record));
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  @Test
  void aRepositoryIsWrittenAndListed() {
    Compilation compilation =
        user("public record User(@Key @Auto long id, String name, @Unique String email) {}");
    assertThat(compilation).generatedSourceFile("com.example.UserRepository")
        .contentsAsUtf8String().contains("public class UserRepository");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "", ModelIndexWriter.REPOSITORIES)
        .contentsAsUtf8String().isEqualTo("com.example.UserRepository\n");
  }

  @Test
  void applicationCodeUsesAndExtendsIt() {
    Compilation compilation = Sources.compile(
        Sources.source("com.example.User", "@Model(repository = true)",
            "public record User(@Key @Auto long id, String name, @Unique String email) {}"),
        JavaFileObjects.forSourceLines("com.example.Users2",
            "package com.example;",
            "import io.toasty.Executor;",
            "import io.toasty.Page;",
            "import java.util.List;",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "public class Users2 extends UserRepository {",
            "  public Users2(Executor db) { super(db); }",
            "  Mono<User> byEmail(String e) { return Users.filterByEmail(e).first(db()); }",
            "  void all() {",
            "    Mono<User> one = findById(1L);",
            "    Flux<User> page = findAll(0, 20);",
            "    Mono<User> saved = save(Users.create().name(\"a\").email(\"b\"));",
            "    Mono<Long> gone = deleteById(1L);",
            "    Flux<User> some = stream(Users.NAME.eq(\"a\"));",
            "    Mono<Long> n = count();",
            "    Mono<Page<User>> first = findAll(20);",
            "    Mono<Page<User>> next = findAll(20, \"cursor\");",
            "    Mono<Page<User>> fromStart = findAll(20, null);",
            "    Mono<Page<User>> back = findAllBefore(20, \"cursor\");",
            "    List.of(one, page, saved, gone, some, n, first, next, fromStart, back);",
            "  }",
            "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aCompositeKeyTakesEveryKeyField() {
    Compilation compilation = Sources.compile(Sources.source("com.example.Membership",
        "@Model(repository = true)",
        "public record Membership(@Key long team, @Key long member, String role) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.MembershipRepository")
        .contentsAsUtf8String().contains("findById(long team, long member)");
    // cursor pages in the order of the whole key, so that no two records tie
    assertThat(compilation).generatedSourceFile("com.example.MembershipRepository")
        .contentsAsUtf8String().contains(
            "Memberships.all().orderBy(Memberships.TEAM.asc(), Memberships.MEMBER.asc())"
            + ".paginate(size)");
  }

  @Test
  void cursorPagesAreMonosOfPagesThatDeferTheirErrors() {
    Compilation compilation = user("public record User(@Key @Auto long id, String name) {}");
    assertThat(compilation).generatedSourceFile("com.example.UserRepository")
        .contentsAsUtf8String().contains("public Mono<Page<User>> findAll(int size, String after) {\n"
            + "    return Mono.defer(() -> pages(size).after(after).collect(db));");
    assertThat(compilation).generatedSourceFile("com.example.UserRepository")
        .contentsAsUtf8String().contains(
            "public Mono<Page<User>> findAllBefore(int size, String before) {\n"
            + "    return Mono.defer(() -> pages(size).before(before).collect(db));");
  }

  @Test
  void noRepositoryUnlessAsked() {
    Compilation compilation = Sources.compile(Sources.source("com.example.User",
        "@Model public record User(@Key long id) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertFalse(compilation.generatedSourceFile("com.example.UserRepository").isPresent());
    assertFalse(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "",
        ModelIndexWriter.REPOSITORIES).isPresent());
  }
}
