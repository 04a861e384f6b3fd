package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @HasMany.Eager}, {@code @HasOne.Eager}, {@code @BelongsTo.Eager}: the schema marks the
 * relation eager; a cycle of eager relations is a compile error on each model of the cycle,
 * naming the path; an annotation of the wrong kind is an error naming the right one.
 */
class EagerRelationsTest {

  private static JavaFileObject model(String name, String... lines) {
    List<String> all = new ArrayList<>(List.of("import io.toasty.HasMany;",
        "import io.toasty.HasOne;", "import io.toasty.BelongsTo;"));
    all.addAll(List.of(lines));
    return Sources.source("com.example." + name, all.toArray(new String[0]));
  }

  private static JavaFileObject user(String posts) {
    return model("User", "@Model public record User(@Key @Auto long id, String name,",
        "    " + posts + " HasMany<Post> posts, @HasOne.Eager HasOne<Optional<Profile>> profile)"
            + " {}");
  }

  private static JavaFileObject post(String author) {
    return model("Post", "@Model public record Post(@Key @Auto long id, @Index long userId,",
        "    " + author + " BelongsTo<User> user, String title) {}");
  }

  private static final JavaFileObject PROFILE = model("Profile",
      "@Model public record Profile(@Key @Auto long id, @Unique long userId,",
      "    BelongsTo<User> user) {}");

  @Test
  void eagerRelationsAreMarkedInTheSchema() {
    Compilation c = Sources.compile(user("@HasMany.Eager"), post(""), PROFILE);
    assertThat(c).succeededWithoutWarnings();
    String users = Sources.generated(c, "com.example.Users");
    assertTrue(users.contains("new RelationSchema(0, \"posts\", RelationSchema.Kind.HAS_MANY, "
        + "\"Post\", \"user\", List.of(0), List.of(1), false, null, List.of(), true)"), users);
    String posts = Sources.generated(c, "com.example.Posts");
    assertTrue(posts.contains("List.of(1), List.of(0), false, null)"), posts);
  }

  @Test
  void anEagerCycleIsACompileErrorNamingTheModels() {
    JavaFileObject userSource = user("@HasMany.Eager");
    JavaFileObject postSource = post("@BelongsTo.Eager");
    Compilation c = Sources.compile(userSource, postSource, PROFILE);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("User.posts: eager relations form a cycle (User.posts -> "
        + "Post.user -> User)").inFile(userSource).onLineContaining("HasMany.Eager");
    assertThat(c).hadErrorContaining("Post.user: eager relations form a cycle (Post.user -> "
        + "User.posts -> Post)").inFile(postSource).onLineContaining("BelongsTo.Eager");
  }

  @Test
  void aLongerCycleNamesEveryStep() {
    JavaFileObject a = model("A", "@Model public record A(@Key @Auto long id, long cId,",
        "    @HasMany.Eager HasMany<B> bs, @BelongsTo.Key(\"cId\") BelongsTo<C> c) {}");
    JavaFileObject b = model("B", "@Model public record B(@Key @Auto long id, long aId,",
        "    BelongsTo<A> a, @HasOne.Eager HasOne<Optional<C>> c) {}");
    JavaFileObject cc = model("C", "@Model public record C(@Key @Auto long id, long bId,",
        "    BelongsTo<B> b, @HasMany.Eager HasMany<A> as) {}");
    Compilation c = Sources.compile(a, b, cc);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("A.bs: eager relations form a cycle (A.bs -> B.c -> C.as "
        + "-> A)");
  }

  @Test
  void anEagerSelfReferenceIsACycle() {
    JavaFileObject e = model("Employee",
        "@Model public record Employee(@Key @Auto long id, Optional<Long> managerId,",
        "    @BelongsTo.Eager BelongsTo<Optional<Employee>> manager,",
        "    @HasMany.Pair(\"manager\") HasMany<Employee> reports) {}");
    Compilation c = Sources.compile(e);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("Employee.manager: eager relations form a cycle "
        + "(Employee.manager -> Employee)");
  }

  @Test
  void anEagerAnnotationOfAnotherKindNamesTheRightOne() {
    Compilation c = Sources.compile(user("@BelongsTo.Eager"), post(""), PROFILE);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("User.posts: @BelongsTo.Eager applies to a BelongsTo field;"
        + " this one is a HasMany: use @HasMany.Eager");
  }

  @Test
  void anEagerAnnotationOnADataFieldIsAnError() {
    JavaFileObject u = model("User", "@Model public record User(@Key @Auto long id,",
        "    @HasMany.Eager String name) {}");
    Compilation c = Sources.compile(u);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("User.name: @HasMany.Eager applies to a HasMany field, and "
        + "this one is no relation");
  }
}
