package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Relation fields: what compiles (inferred and declared keys and pairs, optional relations,
 * self-reference, several relations to one model, many-to-many), what is generated, and the
 * compile errors that name the model and the field.
 */
class RelationsTest {

  private static JavaFileObject model(String name, String... lines) {
    List<String> all = new ArrayList<>(List.of("import io.toasty.HasMany;",
        "import io.toasty.HasOne;", "import io.toasty.BelongsTo;"));
    all.addAll(List.of(lines));
    return Sources.source("com.example." + name, all.toArray(new String[0]));
  }

  static final JavaFileObject AUTHOR = model("Author",
      "@Model public record Author(@Key @Auto long id, String name,",
      "    @HasMany.Pair(\"writer\") HasMany<Article> articles,",
      "    @HasMany.Pair(\"reviewer\") HasMany<Article> reviews,",
      "    HasOne<Optional<Bio>> bio) {}");
  static final JavaFileObject ARTICLE = model("Article",
      "@Model public record Article(@Key @Auto long id, long writerId,",
      "    @BelongsTo.Key(value = \"writerId\", references = \"id\") BelongsTo<Author> writer,",
      "    Optional<Long> reviewerId, BelongsTo<Optional<Author>> reviewer, String title) {}");
  static final JavaFileObject ARTICLE_ONE_WRITER = model("Article",
      "@Model public record Article(@Key @Auto long id, long writerId,",
      "    @BelongsTo.Key(\"writerId\") BelongsTo<Author> writer,",
      "    Optional<Long> reviewerId, BelongsTo<Optional<Author>> reviewer, String title) {}");
  static final JavaFileObject BIO = model("Bio",
      "@Model public record Bio(@Key @Auto long id, long authorId, BelongsTo<Author> author,",
      "    String text) {}");

  @Test
  void relationsCompileWithInferredAndDeclaredKeys() {
    Compilation c = Sources.compile(AUTHOR, ARTICLE_PAIRED, BIO);
    assertThat(c).succeededWithoutWarnings();
    String authors = Sources.generated(c, "com.example.Authors");
    assertTrue(authors.contains("public static final HasManyPath<Author, Article> ARTICLES = "
        + "new HasManyPath<>(\"Author\", 2, \"articles\", \"Article\");"), authors);
    assertTrue(authors.contains("new RelationSchema(0, \"articles\", RelationSchema.Kind.HAS_MANY, "
        + "\"Article\", \"writer\", List.of(0), List.of(1), false, null)"), authors);
    assertTrue(authors.contains("new RelationSchema(2, \"bio\", RelationSchema.Kind.HAS_ONE, "
        + "\"Bio\", \"author\", List.of(0), List.of(1), true, null)"), authors);
    String articles = Sources.generated(c, "com.example.Articles");
    assertTrue(articles.contains("new RelationSchema(1, \"reviewer\", "
        + "RelationSchema.Kind.BELONGS_TO, \"Author\", \"\", List.of(2), List.of(0), true, null)"),
        articles);
    String create = Sources.generated(c, "com.example.ArticleCreate");
    assertTrue(create.contains("public ArticleCreate writer(Author writer)"), create);
    assertTrue(create.contains("public ArticleCreate writer(AuthorCreate writer)"), create);
    String authorCreate = Sources.generated(c, "com.example.AuthorCreate");
    assertTrue(authorCreate.contains("public AuthorCreate articles(ArticleCreate... articles)"),
        authorCreate);
  }

  static final JavaFileObject ARTICLE_PAIRED = model("Article",
      "@Model public record Article(@Key @Auto long id, long writerId,",
      "    @BelongsTo.Key(value = \"writerId\", references = \"id\") BelongsTo<Author> writer,",
      "    Optional<Long> reviewerId, BelongsTo<Optional<Author>> reviewer, String title) {}");

  @Test
  void selfReferenceAndManyToMany() {
    Compilation c = Sources.compile(
        model("Person", "@Model public record Person(@Key @Auto long id, String name,",
            "    Optional<Long> managerId, BelongsTo<Optional<Person>> manager,",
            "    @HasMany.Pair(\"manager\") HasMany<Person> reports,",
            "    HasMany<Membership> memberships,",
            "    @HasMany.Via(\"memberships.team\") HasMany<Team> teams) {}"),
        model("Team", "@Model public record Team(@Key @Auto long id, String name,",
            "    HasMany<Membership> memberships) {}"),
        model("Membership", "@Model public record Membership(@Key @Auto long id,",
            "    long personId, BelongsTo<Person> person, long teamId, BelongsTo<Team> team) {}"));
    assertThat(c).succeededWithoutWarnings();
    String people = Sources.generated(c, "com.example.Persons");
    assertTrue(people.contains("new RelationSchema(3, \"teams\", RelationSchema.Kind.HAS_MANY, "
        + "\"Team\", \"\", List.of(0), List.of(0), false, new RelationSchema.Through("
        + "\"Membership\", List.of(\"memberships\", \"team\"), List.of(1), List.of(2)))"), people);
  }

  @Test
  void missingPairIsAnError() {
    Compilation c = Sources.compile(
        model("Author", "@Model public record Author(@Key @Auto long id,",
            "    @HasMany.Pair(\"owner\") HasMany<Article> articles) {}"),
        ARTICLE_ONE_WRITER);
    assertThat(c).hadErrorContaining("Author.articles: pair \"owner\" does not exist: Article "
        + "has no field owner");
  }

  @Test
  void ambiguousPairIsAnError() {
    Compilation c = Sources.compile(
        model("Author", "@Model public record Author(@Key @Auto long id,",
            "    HasMany<Article> articles) {}"),
        ARTICLE_ONE_WRITER);
    assertThat(c).hadErrorContaining("Author.articles: the pair is ambiguous: Article has "
        + "several @BelongsTo relations to Author (writer, reviewer)");
  }

  @Test
  void missingKeyIsAnError() {
    Compilation c = Sources.compile(
        model("Author", "@Model public record Author(@Key @Auto long id) {}"),
        model("Article", "@Model public record Article(@Key @Auto long id, long authorRef,",
            "    BelongsTo<Author> author) {}"));
    assertThat(c).hadErrorContaining("Article.author: key field \"authorId\" does not exist on "
        + "Article (inferred from the relation's name");
  }

  @Test
  void missingReferencedFieldIsAnError() {
    Compilation c = Sources.compile(
        model("Author", "@Model public record Author(@Key @Auto long id) {}"),
        model("Article", "@Model public record Article(@Key @Auto long id, long authorId,",
            "    @BelongsTo.Key(value = \"authorId\", references = \"code\")"
                + " BelongsTo<Author> author) {}"));
    assertThat(c).hadErrorContaining("Article.author: referenced field \"code\" does not exist on"
        + " Author");
  }

  @Test
  void requiredRelationOnOptionalKeyIsAnError() {
    Compilation c = Sources.compile(
        model("Author", "@Model public record Author(@Key @Auto long id) {}"),
        model("Article", "@Model public record Article(@Key @Auto long id,",
            "    Optional<Long> authorId, BelongsTo<Author> author) {}"));
    assertThat(c).hadErrorContaining("Article.author: a required relation (BelongsTo<Author>) "
        + "needs a key field that is not Optional, but authorId is");
  }

  @Test
  void keyOfTheWrongTypeIsAnError() {
    Compilation c = Sources.compile(
        model("Author", "@Model public record Author(@Key @Auto long id) {}"),
        model("Article", "@Model public record Article(@Key @Auto long id, String authorId,",
            "    BelongsTo<Author> author) {}"));
    assertThat(c).hadErrorContaining("Article.author: key field authorId (java.lang.String) "
        + "cannot hold Author.id (long)");
  }

  @Test
  void viaThroughAMissingRelationIsAnError() {
    Compilation c = Sources.compile(
        model("Person", "@Model public record Person(@Key @Auto long id,",
            "    @HasMany.Via(\"memberships.team\") HasMany<Team> teams) {}"),
        model("Team", "@Model public record Team(@Key @Auto long id) {}"));
    assertThat(c).hadErrorContaining("Person.teams: via \"memberships.team\": Person has no "
        + "has-many field memberships");
  }

  @Test
  void relationToANonModelIsAnError() {
    Compilation c = Sources.compile(
        model("Author", "@Model public record Author(@Key @Auto long id,",
            "    HasMany<String> names) {}"));
    assertThat(c).hadErrorContaining("Author.names: HasMany must relate to an @Model record, "
        + "not java.lang.String");
  }

  @Test
  void columnAnnotationsOnARelationAreErrors() {
    Compilation c = Sources.compile(
        model("Author", "@Model public record Author(@Key @Auto long id,",
            "    @Index HasMany<Article> articles) {}"),
        model("Article", "@Model public record Article(@Key @Auto long id, long authorId,",
            "    BelongsTo<Author> author) {}"));
    assertThat(c).hadErrorContaining("Author.articles: @Index does not apply to a relation "
        + "field, which is no column");
  }
}
