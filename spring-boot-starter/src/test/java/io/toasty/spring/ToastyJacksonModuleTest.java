package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.toasty.Page;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.spring.app.Article;
import io.toasty.spring.app.Articles;
import io.toasty.spring.app.Author;
import io.toasty.spring.app.Authors;
import io.toasty.spring.app.Labels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Records loaded with and without their relations, written and read through the module: a
 * loaded relation is its value, an unloaded one is left out, reading leaves relations unloaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToastyJacksonModuleTest {
  private final ObjectMapper mapper = new ObjectMapper().registerModule(new Jdk8Module())
      .registerModule(new ToastyJacksonModule());
  private Db db;
  private long annId;

  @BeforeAll
  void load() {
    db = Toasty.builder().models(Authors.MODEL, Articles.MODEL, Labels.MODEL)
        .url("r2dbc:h2:mem:///" + Backend.randomName()).build();
    db.schema().push().block();
    Author ann = Authors.create().name("Ann").email("ann@example.com")
        .articles(Articles.create().title("First")).exec(db).block();
    annId = ann.id();
  }

  @AfterAll
  void close() {
    db.close().block();
  }

  /** A request or response body with secrets. */
  record Login(String user, io.toasty.Sensitive<String> password,
      java.util.Optional<io.toasty.Sensitive<Integer>> pin) {}

  @Test
  void aSensitiveValueIsWrittenAsTheMaskAndReadFromItsValue() throws Exception {
    Login login = new Login("ann", io.toasty.Sensitive.of("hunter2"),
        java.util.Optional.of(io.toasty.Sensitive.of(1234)));
    String json = mapper.writeValueAsString(login);
    assertThat(json).doesNotContain("hunter2").doesNotContain("1234");
    JsonNode tree = mapper.readTree(json);
    assertThat(tree.get("password").asText()).isEqualTo("***");
    assertThat(tree.get("pin").asText()).isEqualTo("***");
    Login read = mapper.readValue("{\"user\":\"ann\",\"password\":\"hunter2\",\"pin\":1234}",
        Login.class);
    assertThat(read).isEqualTo(login);
    assertThat(read.pin().orElseThrow().value()).isEqualTo(1234);
  }

  @Test
  void aLoadedHasManyIsItsList() throws Exception {
    Author ann = Authors.filterById(annId).include(Authors.ARTICLES).get(db).block();
    JsonNode json = mapper.readTree(mapper.writeValueAsString(ann));
    assertThat(json.get("name").asText()).isEqualTo("Ann");
    assertThat(json.get("articles")).hasSize(1);
    assertThat(json.get("articles").get(0).get("title").asText()).isEqualTo("First");
    // the article's own author was not loaded: left out, not null
    assertThat(json.get("articles").get(0).has("author")).isFalse();
  }

  @Test
  void anUnloadedRelationIsLeftOut() throws Exception {
    Author ann = Authors.getById(db, annId).block();
    JsonNode json = mapper.readTree(mapper.writeValueAsString(ann));
    assertThat(json.has("articles")).isFalse();
    assertThat(json.get("email").asText()).isEqualTo("ann@example.com");
  }

  @Test
  void aLoadedBelongsToIsItsRecord() throws Exception {
    Article first = Articles.filterByAuthorId(annId).include(Articles.AUTHOR).get(db).block();
    JsonNode json = mapper.readTree(mapper.writeValueAsString(first));
    assertThat(json.get("author").get("name").asText()).isEqualTo("Ann");
    assertThat(json.get("author").has("articles")).isFalse();
  }

  @Test
  void readingLeavesRelationsUnloaded() throws Exception {
    Author read = mapper.readValue("{\"id\":5,\"name\":\"Bo\",\"email\":\"bo@example.com\","
        + "\"articles\":[{\"id\":1,\"title\":\"x\"}]}", Author.class);
    assertThat(read.name()).isEqualTo("Bo");
    assertThat(read.articles().isLoaded()).isFalse();
    Author absent = mapper.readValue("{\"id\":6,\"name\":\"Cy\",\"email\":\"cy@example.com\"}",
        Author.class);
    assertThat(absent.articles()).isNotNull();
    assertThat(absent.articles().isLoaded()).isFalse();
  }

  @Test
  void aRoundTripKeepsTheData() throws Exception {
    Author ann = Authors.filterById(annId).include(Authors.ARTICLES).get(db).block();
    Author back = mapper.readValue(mapper.writeValueAsString(ann), Author.class);
    assertThat(back.id()).isEqualTo(ann.id());
    assertThat(back.email()).isEqualTo(ann.email());
    assertThat(back.articles().isLoaded()).isFalse();
  }

  @Test
  void aPageIsItsItemsAndCursors() throws Exception {
    Authors.create().name("Bo").email("bo@example.com").exec(db).block();
    Page<Author> first = Authors.all().include(Authors.ARTICLES).orderBy(Authors.NAME.asc())
        .paginate(1).collect(db).block();
    JsonNode json = mapper.readTree(mapper.writeValueAsString(first));
    assertThat(json.get("items")).hasSize(1);
    assertThat(json.get("items").get(0).get("name").asText()).isEqualTo("Ann");
    assertThat(json.get("items").get(0).get("articles")).hasSize(1);
    assertThat(json.get("next").asText()).isEqualTo(first.next().orElseThrow());
    assertThat(json.get("previous").isNull()).isTrue();
    assertThat(json.has("total")).isFalse();
    Page<Author> counted = Authors.all().orderBy(Authors.NAME.asc()).page(0, 5).withTotal()
        .collect(db).block();
    assertThat(mapper.readTree(mapper.writeValueAsString(counted)).get("total").asLong())
        .isEqualTo(2);
    Authors.deleteByEmail("bo@example.com").exec(db).block();
  }

  @Test
  void springBootsMapperHasTheModule() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
            ToastyJacksonAutoConfiguration.class))
        .run(context -> assertThat(context.getBean(ObjectMapper.class).getRegisteredModuleIds())
            .contains("toasty"));
  }
}
