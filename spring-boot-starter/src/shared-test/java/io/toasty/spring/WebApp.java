package io.toasty.spring;

import io.toasty.Page;
import io.toasty.SqlStatement;
import io.toasty.filter.FilterParser;
import io.toasty.filter.FilterSpec;
import io.toasty.reactive.Db;
import io.toasty.spring.app.Activities;
import io.toasty.spring.app.Activity;
import io.toasty.spring.app.Article;
import io.toasty.spring.app.Articles;
import io.toasty.spring.app.Author;
import io.toasty.spring.app.Authors;
import io.toasty.spring.app.Revision;
import io.toasty.spring.app.Revisions;
import io.toasty.spring.app.Task;
import io.toasty.spring.app.Tasks;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A WebFlux application whose handlers have no error handling, no validation and no existence
 * checks of their own: every failure is Toasty's, answered by the starter ({@link WebContract}
 * drives it over HTTP).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WebApp.Endpoints.class)
class WebApp {
  /**
   * The body of {@code POST /authors}: the fields a client gives. (Not the model record, whose
   * {@code long id} Jackson 3 requires in every body: it refuses a missing primitive.)
   */
  record NewAuthor(String name, String email) {}

  /** The body of {@code POST /articles}. */
  record NewArticle(long authorId, String title) {}

  /** The body of {@code POST /revisions}. */
  record NewRevision(String text) {}

  /** The body of {@code PATCH /revisions/{id}}: the change and the version the client read. */
  record RevisionChange(long version, String text) {}

  /** The body of {@code POST /tasks}. */
  record NewTask(String title, Task.Status status, Optional<Task.Plan> plan) {}

  /** The endpoints. */
  @RestController
  static class Endpoints {
    /** Authors may be filtered by name and email, and paged. */
    private static final FilterParser AUTHORS =
        FilterParser.of(FilterSpec.of(Authors.MODEL).allow("name", "email"));

    private final Db db;
    private final Environment environment;

    Endpoints(Db db, Environment environment) {
      this.db = db;
      this.environment = environment;
    }

    @PostMapping("/authors")
    Mono<Author> createAuthor(@RequestBody NewAuthor author) {
      return Authors.create().name(author.name()).email(author.email()).exec(db);
    }

    @GetMapping("/authors/{id}")
    Mono<Author> author(@PathVariable long id) {
      return Authors.getById(db, id);
    }

    /** {@code ?name[startsWith]=A&sort=name&size=2&after=<next>}. */
    @GetMapping("/authors")
    Mono<Page<Author>> authors(@RequestParam MultiValueMap<String, String> params) {
      return AUTHORS.pageParams(params).applyTo(Authors.all()).collect(db);
    }

    /** The author, read with a row lock that does not wait. */
    @GetMapping("/authors/{id}/locked")
    Mono<Author> locked(@PathVariable long id) {
      return db.transactionMono(tx -> Authors.filterById(id).forUpdate().noWait().first(tx));
    }

    @PostMapping("/articles")
    Mono<Article> createArticle(@RequestBody NewArticle article) {
      return Articles.create().authorId(article.authorId()).title(article.title()).exec(db);
    }

    @PostMapping("/revisions")
    Mono<Revision> createRevision(@RequestBody NewRevision revision) {
      return Revisions.create().text(revision.text()).exec(db);
    }

    /** An update of the revision the client read, at the version it read. */
    @PutMapping("/revisions")
    Mono<Revision> updateRevision(@RequestBody Revision revision) {
      return Revisions.update(revision).text(revision.text()).exec(db);
    }

    /** A change of the revision if its version is still the one the client read. */
    @PatchMapping("/revisions/{id}")
    Mono<Revision> changeRevision(@PathVariable long id, @RequestBody RevisionChange change) {
      return Revisions.updateByIdAtVersion(id, change.version()).text(change.text()).exec(db);
    }

    // snippet: web-activities
    /**
     * A create of whichever variant the body's tag names. (A {@code Mono<Activity>}: WebFlux
     * writes a {@code Mono<? extends Activity>} as a stream of server-sent events.)
     */
    @PostMapping("/activities")
    Mono<Activity> createActivity(@RequestBody Activity activity) {
      return Activities.create(activity).exec(db).cast(Activity.class);
    }

    @GetMapping("/activities/{id}")
    Mono<Activity> activity(@PathVariable UUID id) {
      return Activities.getById(db, id);
    }
    // end-snippet

    @GetMapping("/activities")
    Flux<Activity> activities(@RequestParam String task) {
      return Activities.filter(Activities.TASK.eq(task)).orderBy(Activities.AT.asc()).stream(db);
    }

    @PostMapping("/tasks")
    Mono<Task> createTask(@RequestBody NewTask task) {
      return Tasks.create().title(task.title()).status(task.status()).plan(task.plan()).exec(db);
    }

    @GetMapping("/tasks/{id}")
    Mono<Task> task(@PathVariable long id) {
      return Tasks.getById(db, id);
    }

    /** A statement that never ends on its own, stopped at a short timeout. */
    @GetMapping("/slow")
    Mono<Void> slow() {
      return new SqlStatement(db.timeout(Duration.ofMillis(300)),
          environment.getRequiredProperty("test.endless-query")).rows().then();
    }

    /** A statement the database refuses, its text naming a table. */
    @GetMapping("/broken")
    Mono<Void> broken() {
      return db.sql("SELECT secret_column FROM secret_table").rows().then();
    }
  }
}
