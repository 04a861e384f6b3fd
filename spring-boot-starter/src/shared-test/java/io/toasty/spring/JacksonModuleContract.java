package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toasty.Page;
import io.toasty.Secret;
import io.toasty.error.ErrorCategory;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.spring.app.Activities;
import io.toasty.spring.app.Activity;
import io.toasty.spring.app.Article;
import io.toasty.spring.app.Articles;
import io.toasty.spring.app.Author;
import io.toasty.spring.app.Authors;
import io.toasty.spring.app.Commenteds;
import io.toasty.spring.app.Createds;
import io.toasty.spring.app.Labels;
import io.toasty.spring.app.Moveds;
import io.toasty.spring.app.Task;
import io.toasty.spring.app.Tasks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
    db = Toasty.builder().models(Authors.MODEL, Articles.MODEL, Labels.MODEL, Activities.MODEL,
        Tasks.MODEL).url(url()).build();
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
  record Login(String user, Secret<String> password, Optional<Secret<Integer>> pin) {}

  @Test
  void aSensitiveValueIsWrittenAsTheMaskAndReadFromItsValue() throws Exception {
    Login login = new Login("ann", Secret.of("hunter2"), Optional.of(Secret.of(1234)));
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

  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  /** One activity of each variant, written to the database and read back as the hierarchy. */
  private List<Activity> activities() {
    String task = "t-" + UUID.randomUUID();
    Createds.create(new Activity.Created(UUID.randomUUID(), task, AT)).exec(db).block();
    Moveds.create(new Activity.Moved(UUID.randomUUID(), task, AT.plusSeconds(1), "todo", "doing"))
        .exec(db).block();
    Commenteds.create(new Activity.Commented(UUID.randomUUID(), task, AT.plusSeconds(2), "hi"))
        .exec(db).block();
    return Activities.filter(Activities.TASK.eq(task)).orderBy(Activities.AT.asc()).collect(db)
        .block();
  }

  @Test
  void eachVariantOfAPolymorphicModelIsWrittenWithItsStoredTag() throws Exception {
    List<Activity> read = activities();
    List<?> json = read(write(read), List.class);
    assertThat(json).extracting(a -> object(a).get("type"))
        .containsExactly("created", "moved", "Commented");
    assertThat(object(json.get(1))).containsEntry("source", "todo").containsEntry("target", "doing");
    // a variant on its own, as a handler returning Mono<Activity.Moved> writes it
    assertThat(tree(read.get(1))).containsEntry("type", "moved").containsKey("task");
  }

  @Test
  void eachVariantIsReadBackAsTheVariantItsTagNames() throws Exception {
    for (Activity activity : activities()) {
      Activity back = read(write(activity), Activity.class);
      assertThat(back).isEqualTo(activity).hasSameClassAs(activity);
    }
    Activity posted = read("{\"type\":\"moved\",\"id\":\"" + UUID.randomUUID()
        + "\",\"task\":\"t2\",\"at\":\"2026-03-01T10:15:30Z\",\"source\":\"a\","
        + "\"target\":\"b\"}", Activity.class);
    assertThat(posted).isInstanceOf(Activity.Moved.class);
    assertThat(((Activity.Moved) posted).target()).isEqualTo("b");
  }

  @Test
  void aVariantsOwnTypeReadsWithoutItsTagButNotWithAnothers() throws Exception {
    String body = "\"id\":\"" + UUID.randomUUID() + "\",\"task\":\"t\","
        + "\"at\":\"2026-03-01T10:15:30Z\",\"text\":\"x\"}";
    assertThat(read("{" + body, Activity.Commented.class).text()).isEqualTo("x");
    assertThat(read("{\"type\":\"Commented\"," + body, Activity.Commented.class).text())
        .isEqualTo("x");
    assertThatThrownBy(() -> read("{\"type\":\"created\"," + body, Activity.Commented.class))
        .hasRootCauseInstanceOf(UnknownJsonTypeException.class)
        .hasMessageContaining("not one of: Commented");
  }

  @Test
  void anUnknownOrMissingTagIsRefusedNamingTheModelAndTheTag() {
    String rest = "\"id\":\"" + UUID.randomUUID() + "\",\"task\":\"t\"}";
    assertThatThrownBy(() -> read("{\"type\":\"archived\"," + rest, Activity.class))
        .hasRootCauseInstanceOf(UnknownJsonTypeException.class)
        .hasMessageContaining("Activity: \"type\" is \"archived\", not one of: created, moved,"
            + " Commented")
        .satisfies(e -> {
          UnknownJsonTypeException u = rootCause(e);
          assertThat(u.model()).contains("Activity");
          assertThat(u.tag()).isEqualTo("archived");
          assertThat(u.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
        });
    assertThatThrownBy(() -> read("{" + rest, Activity.class))
        .hasRootCauseInstanceOf(UnknownJsonTypeException.class)
        .satisfies(e -> assertThat(rootCause(e).tag()).isNull())
        .hasMessageContaining("Activity: the JSON object has no \"type\" naming its variant");
  }

  private static UnknownJsonTypeException rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return (UnknownJsonTypeException) t;
  }

  @Test
  void sealedFieldsInColumnsAndDocumentsAreWrittenAndReadWithTheirTags() throws Exception {
    Task blocked = Tasks.create().title("b")
        .status(new Task.Blocked("waiting", Optional.of(AT)))
        .plan(Optional.of(new Task.Paid(1999, List.of("sso")))).exec(db).block();
    Task open = Tasks.create().title("o").status(new Task.Open())
        .plan(Optional.of(new Task.Free())).exec(db).block();
    Task none = Tasks.create().title("n").status(new Task.Open()).exec(db).block();
    for (Task task : List.of(blocked, open, none)) {
      Task stored = Tasks.getById(db, task.id()).block();
      assertThat(read(write(stored), Task.class)).isEqualTo(stored);
    }
    Map<String, Object> json = tree(Tasks.getById(db, blocked.id()).block());
    assertThat(object(json.get("status"))).containsEntry("type", "blocked")
        .containsEntry("reason", "waiting");
    assertThat(object(json.get("plan"))).containsEntry("type", 2).containsEntry("cents", 1999);
    Map<String, Object> other = tree(Tasks.getById(db, open.id()).block());
    assertThat(other.get("status")).isEqualTo(Map.of("type", "Open"));
    assertThat(other.get("plan")).isEqualTo(Map.of("type", 1));
    // a numeric tag is read from a number or from its text
    assertThat(read("{\"id\":1,\"title\":\"t\",\"status\":{\"type\":\"Open\"},"
        + "\"plan\":{\"type\":\"2\",\"cents\":5,\"features\":[]}}", Task.class).plan())
        .contains(new Task.Paid(5, List.of()));
    assertThatThrownBy(() -> read("{\"id\":1,\"title\":\"t\",\"status\":{\"type\":\"gone\"}}",
        Task.class))
        .hasRootCauseInstanceOf(UnknownJsonTypeException.class)
        .hasMessageContaining("Task.status: \"type\" is \"gone\", not one of: Open, blocked");
  }

  @Test
  void theTypePropertyIsConfigurable() throws Exception {
    Activity moved = new Activity.Moved(UUID.randomUUID(), "t", AT, "a", "b");
    String json = BootJson.write("kind", moved);
    assertThat(read(json, Map.class)).containsEntry("kind", "moved").doesNotContainKey("type");
    assertThat(BootJson.read("kind", json, Activity.class)).isEqualTo(moved);
  }

  @Test
  void aTypePropertyThatAVariantUsesAsAFieldIsRefused() {
    assertThatThrownBy(() -> new ToastyJacksonModule(List.of(Activities.MODEL), "source"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Activity: variant Moved has a field named \"source\"")
        .hasMessageContaining("toasty.jackson.type-property");
  }
}
