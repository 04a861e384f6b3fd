package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.Page;
import io.toasty.Sensitive;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.spring.app.Article;
import io.toasty.spring.app.Articles;
import io.toasty.spring.app.Author;
import io.toasty.spring.app.Authors;
import io.toasty.spring.app.Labels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records loaded with and without their relations, written and read through the starter's
 * Jackson module: a loaded relation is its value, an unloaded one is left out, reading leaves
 * relations unloaded; pages and sensitive values. The records are read from a real database: one
 * subclass per database. The mapper is the starter's Jackson's ({@link BootJson}: Jackson 2 for
 * Boot 3, Jackson 3 for Boot 4), whose {@code ToastyJacksonModuleTest} checks that Boot's own
 * mapper has the module.
 */
abstract class JacksonModuleContract extends DatabaseContract {
  private Db db;
  private long annId;

  /** {@code value} as JSON, through a mapper with the starter's module. */
  private static String write(Object value) throws Exception {
    return BootJson.write(value);
  }

  /** {@code json} read as a {@code type}, through a mapper with the starter's module. */
  private static <T> T read(String json, Class<T> type) throws Exception {
    return BootJson.read(json, type);
  }

  @BeforeAll
  void load() {
    db = Toasty.builder().models(Authors.MODEL, Articles.MODEL, Labels.MODEL).url(url())
        .build();
    db.schema().push().block();
    Author ann = Authors.create().name("Ann").email("ann@example.com")
        .articles(Articles.create().title("First")).exec(db).block();
    annId = ann.id();
  }

  @AfterAll
  void close() {
    db.close().block();
  }

  /** {@code value} written, then read back as a JSON object. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> tree(Object value) throws Exception {
    return read(write(value), Map.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object node) {
    return (Map<String, Object>) node;
  }

  private static List<?> array(Object node) {
    return (List<?>) node;
  }

  /** A request or response body with secrets. */
  record Login(String user, Sensitive<String> password, Optional<Sensitive<Integer>> pin) {}

  @Test
  void aSensitiveValueIsWrittenAsTheMaskAndReadFromItsValue() throws Exception {
    Login login = new Login("ann", Sensitive.of("hunter2"), Optional.of(Sensitive.of(1234)));
    String json = write(login);
    assertThat(json).doesNotContain("hunter2").doesNotContain("1234");
    Map<String, Object> tree = read(json, Map.class);
    assertThat(tree).containsEntry("password", "***").containsEntry("pin", "***");
    Login read = read("{\"user\":\"ann\",\"password\":\"hunter2\",\"pin\":1234}", Login.class);
    assertThat(read).isEqualTo(login);
    assertThat(read.pin().orElseThrow().value()).isEqualTo(1234);
  }

  @Test
  void aLoadedHasManyIsItsList() throws Exception {
    Author ann = Authors.filterById(annId).include(Authors.ARTICLES).get(db).block();
    Map<String, Object> json = tree(ann);
    assertThat(json).containsEntry("name", "Ann");
    assertThat(array(json.get("articles"))).hasSize(1);
    Map<String, Object> article = object(array(json.get("articles")).get(0));
    assertThat(article).containsEntry("title", "First");
    // the article's own author was not loaded: left out, not null
    assertThat(article).doesNotContainKey("author");
  }

  @Test
  void anUnloadedRelationIsLeftOut() throws Exception {
    Map<String, Object> json = tree(Authors.getById(db, annId).block());
    assertThat(json).doesNotContainKey("articles").containsEntry("email", "ann@example.com");
  }

  @Test
  void aLoadedBelongsToIsItsRecord() throws Exception {
    Article first = Articles.filterByAuthorId(annId).include(Articles.AUTHOR).get(db).block();
    Map<String, Object> author = object(tree(first).get("author"));
    assertThat(author).containsEntry("name", "Ann").doesNotContainKey("articles");
  }

  @Test
  void readingLeavesRelationsUnloaded() throws Exception {
    Author read = read("{\"id\":5,\"name\":\"Bo\",\"email\":\"bo@example.com\","
        + "\"articles\":[{\"id\":1,\"title\":\"x\"}]}", Author.class);
    assertThat(read.name()).isEqualTo("Bo");
    assertThat(read.articles().isLoaded()).isFalse();
    Author absent = read("{\"id\":6,\"name\":\"Cy\",\"email\":\"cy@example.com\"}",
        Author.class);
    assertThat(absent.articles()).isNotNull();
    assertThat(absent.articles().isLoaded()).isFalse();
  }

  @Test
  void aRoundTripKeepsTheData() throws Exception {
    Author ann = Authors.filterById(annId).include(Authors.ARTICLES).get(db).block();
    Author back = read(write(ann), Author.class);
    assertThat(back.id()).isEqualTo(ann.id());
    assertThat(back.email()).isEqualTo(ann.email());
    assertThat(back.articles().isLoaded()).isFalse();
  }

  @Test
  void aPageIsItsItemsAndCursors() throws Exception {
    Authors.create().name("Bo").email("bo@example.com").exec(db).block();
    Page<Author> first = Authors.all().include(Authors.ARTICLES).orderBy(Authors.NAME.asc())
        .paginate(1).collect(db).block();
    Map<String, Object> json = tree(first);
    assertThat(array(json.get("items"))).hasSize(1);
    Map<String, Object> item = object(array(json.get("items")).get(0));
    assertThat(item).containsEntry("name", "Ann");
    assertThat(array(item.get("articles"))).hasSize(1);
    assertThat(json).containsEntry("next", first.next().orElseThrow())
        .containsEntry("previous", null).doesNotContainKey("total");
    Page<Author> counted = Authors.all().orderBy(Authors.NAME.asc()).page(0, 5).withTotal()
        .collect(db).block();
    assertThat(((Number) tree(counted).get("total")).longValue()).isEqualTo(2);
    Authors.deleteByEmail("bo@example.com").exec(db).block();
  }
}
