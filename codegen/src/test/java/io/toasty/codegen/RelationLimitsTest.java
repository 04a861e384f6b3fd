package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @AtMost(n)}: the schema carries the limit of a has-many, a has-one and a many-to-many;
 * nonsense (below 1, more than 1 on a has-one, on a belongs-to, on a field that is no relation)
 * is a compile error at the annotation.
 */
class RelationLimitsTest {

  private static JavaFileObject model(String name, String... lines) {
    List<String> all = new ArrayList<>(List.of("import io.toasty.HasMany;",
        "import io.toasty.HasOne;", "import io.toasty.BelongsTo;"));
    all.addAll(List.of(lines));
    return Sources.source("com.example." + name, all.toArray(new String[0]));
  }

  private static JavaFileObject user(String posts, String profile) {
    return model("User", "@Model public record User(@Key @Auto long id, String name,",
        "    " + posts + " HasMany<Post> posts,",
        "    " + profile + " HasOne<Optional<Profile>> profile) {}");
  }

  private static JavaFileObject post(String user) {
    return model("Post", "@Model public record Post(@Key @Auto long id, @Index long userId,",
        "    " + user + " BelongsTo<User> user, String title) {}");
  }

  private static final JavaFileObject PROFILE = model("Profile",
      "@Model public record Profile(@Key @Auto long id, @Index long userId,",
      "    BelongsTo<User> user) {}");

  @Test
  void limitsAreInTheSchema() {
    Compilation c = Sources.compile(user("@AtMost(3)", "@AtMost(1)"), post(""), PROFILE);
    assertThat(c).succeededWithoutWarnings();
    String users = Sources.generated(c, "com.example.Users");
    assertTrue(users.contains("new RelationSchema(0, \"posts\", RelationSchema.Kind.HAS_MANY, "
        + "\"Post\", \"user\", List.of(0), List.of(1), false, null, List.of(), false, 3)"), users);
    assertTrue(users.contains("List.of(0), List.of(1), true, null, List.of(), false, 1)"), users);
  }

  @Test
  void aManyToManyTakesALimit() {
    JavaFileObject tag = model("Tag", "@Model public record Tag(@Key @Auto long id, String name)"
        + " {}");
    JavaFileObject tagging = model("Tagging", "@Model public record Tagging(@Key @Auto long id,",
        "    @Index long postId, BelongsTo<Post> post, long tagId, BelongsTo<Tag> tag) {}");
    JavaFileObject post = model("Post", "@Model public record Post(@Key @Auto long id,",
        "    HasMany<Tagging> taggings, @AtMost(2) @HasMany.Via(\"taggings.tag\") HasMany<Tag> "
            + "tags) {}");
    Compilation c = Sources.compile(tag, tagging, post);
    assertThat(c).succeededWithoutWarnings();
    assertTrue(Sources.generated(c, "com.example.Posts").contains(", false, 2)"));
  }

  @Test
  void aLimitBelowOneIsAnError() {
    JavaFileObject u = user("@AtMost(0)", "");
    Compilation c = Sources.compile(u, post(""), PROFILE);
    assertThat(c).hadErrorContaining("User.posts: @AtMost(0) must allow at least 1 related "
        + "record").inFile(u).onLineContaining("AtMost(0)");
  }

  @Test
  void aHasOneTakesOnlyOne() {
    JavaFileObject u = user("", "@AtMost(2)");
    Compilation c = Sources.compile(u, post(""), PROFILE);
    assertThat(c).hadErrorContaining("User.profile: @AtMost(2) on a has-one, which relates at "
        + "most one record").inFile(u).onLineContaining("AtMost(2)");
  }

  @Test
  void aBelongsToTakesNone() {
    JavaFileObject p = post("@AtMost(1)");
    Compilation c = Sources.compile(user("", ""), p, PROFILE);
    assertThat(c).hadErrorContaining("Post.user: @AtMost does not apply to a belongs-to")
        .inFile(p).onLineContaining("AtMost(1)");
  }

  @Test
  void aDataFieldTakesNone() {
    JavaFileObject t = model("Tag", "@Model public record Tag(@Key @Auto long id,",
        "    @AtMost(2) String name) {}");
    Compilation c = Sources.compile(t);
    assertThat(c).hadErrorContaining("Tag.name: @AtMost limits a relation (HasMany or HasOne),"
        + " and this field is no relation").inFile(t).onLineContaining("AtMost(2)");
  }

  @Test
  void aRequiredHasOneOfItsOwnModelIsACompileError() {
    JavaFileObject node = model("Node", "@Model public record Node(@Key @Auto long id,",
        "    @Index java.util.Optional<Long> parentId, BelongsTo<Optional<Node>> parent,",
        "    HasOne<Node> child) {}");
    Compilation c = Sources.compile(node);
    assertThat(c).hadErrorContaining("Node.child: a required has-one of its own model can never"
        + " be created");
  }
}
