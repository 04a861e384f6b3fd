package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @BelongsTo.Restrict} and {@code @BelongsTo.Unchecked}: the schema carries the relation's
 * {@code Integrity}; a belongs-to without either stays {@code ENFORCED} and generates as before;
 * either on another kind of field, or both on one, is a compile error at the annotation.
 */
class RelationIntegrityTest {

  private static JavaFileObject model(String name, String... lines) {
    List<String> all = new ArrayList<>(List.of("import io.toasty.HasMany;",
        "import io.toasty.BelongsTo;"));
    all.addAll(List.of(lines));
    return Sources.source("com.example." + name, all.toArray(new String[0]));
  }

  private static final JavaFileObject USER = model("User",
      "@Model public record User(@Key @Auto long id, String name,",
      "    @HasMany.Pair(\"user\") HasMany<Post> posts) {}");

  private static JavaFileObject post(String user, String editor) {
    return model("Post", "@Model public record Post(@Key @Auto long id, @Index long userId,",
        "    " + user + " BelongsTo<User> user, Optional<Long> editorId,",
        "    " + editor + " BelongsTo<Optional<User>> editor) {}");
  }

  @Test
  void restrictAndUncheckedAreInTheSchema() {
    Compilation c = Sources.compile(USER, post("@BelongsTo.Restrict", "@BelongsTo.Unchecked"));
    assertThat(c).succeededWithoutWarnings();
    String posts = Sources.generated(c, "com.example.Posts");
    assertTrue(posts.contains("new RelationSchema(0, \"user\", RelationSchema.Kind.BELONGS_TO, "
        + "\"User\", \"\", List.of(1), List.of(0), false, null, List.of(), false, 0, null, "
        + "RelationSchema.Integrity.RESTRICT)"), posts);
    assertTrue(posts.contains("new RelationSchema(1, \"editor\", RelationSchema.Kind.BELONGS_TO,"
        + " \"User\", \"\", List.of(2), List.of(0), true, null, List.of(), false, 0, null, "
        + "RelationSchema.Integrity.UNCHECKED)"), posts);
  }

  @Test
  void aPlainBelongsToGeneratesAsBefore() {
    Compilation c = Sources.compile(USER, post("", ""));
    assertThat(c).succeededWithoutWarnings();
    String posts = Sources.generated(c, "com.example.Posts");
    assertFalse(posts.contains("Integrity"), posts);
    assertTrue(posts.contains("\"User\", \"\", List.of(1), List.of(0), false, null)"), posts);
  }

  @Test
  void onAHasManyItIsAnError() {
    JavaFileObject user = model("User", "@Model public record User(@Key @Auto long id,",
        "    @BelongsTo.Restrict HasMany<Post> posts) {}");
    Compilation c = Sources.compile(user, post("", ""));
    assertThat(c).hadErrorContaining("User.posts: @BelongsTo.Restrict applies to a BelongsTo "
        + "field, whose key it checks, and this one is a has-many").inFile(user)
        .onLineContaining("BelongsTo.Restrict");
  }

  @Test
  void onADataFieldItIsAnError() {
    JavaFileObject user = model("User", "@Model public record User(@Key @Auto long id,",
        "    @BelongsTo.Unchecked String name, HasMany<Post> posts) {}");
    Compilation c = Sources.compile(user, post("", ""));
    assertThat(c).hadErrorContaining("User.name: @BelongsTo.Unchecked applies to a BelongsTo "
        + "field, whose key it checks, and this one is no relation").inFile(user)
        .onLineContaining("BelongsTo.Unchecked");
  }

  @Test
  void bothOnOneFieldIsAnError() {
    JavaFileObject post = post("@BelongsTo.Restrict @BelongsTo.Unchecked", "");
    Compilation c = Sources.compile(USER, post);
    assertThat(c).hadErrorContaining("Post.user: @BelongsTo.Restrict and @BelongsTo.Unchecked "
        + "contradict").inFile(post).onLineContaining("BelongsTo.Unchecked");
  }
}
