package io.toasty.spring.example;

import io.toasty.reactive.Db;
import io.toasty.spring.app.Articles;
import io.toasty.spring.app.Author;
import io.toasty.spring.app.Authors;
import io.toasty.spring.app.Label;
import io.toasty.spring.app.LabelRepository;
import io.toasty.spring.app.Labels;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The Spring Boot 4 example of docs/spring.md: a WebFlux application on
 * {@code toasty-spring-boot4-starter}, whose JSON goes through Boot 4's Jackson 3
 * {@code JsonMapper} with the starter's module. {@code AuthorsAppTest} starts it on Netty and
 * drives it over HTTP.
 */
// snippet: boot4-app
@SpringBootApplication
public class AuthorsApp {
  public static void main(String[] args) {
    SpringApplication.run(AuthorsApp.class, args);
  }

  /** The request body of {@code POST /authors}. */
  public record NewAuthor(String name, String email, String firstArticle) {}

  @RestController
  static class AuthorsController {
    private final Db db;
    private final LabelRepository labels; // generated for @Model(repository = true)

    AuthorsController(Db db, LabelRepository labels) {
      this.db = db;
      this.labels = labels;
    }

    /**
     * An author and a first article, in one Spring transaction; a taken email is a 409
     * problem detail (the starter's advice).
     */
    @PostMapping("/authors")
    @Transactional
    public Mono<Author> create(@RequestBody NewAuthor body) {
      return Authors.create().name(body.name()).email(body.email())
          .articles(Articles.create().title(body.firstArticle()))
          .exec(db);
    }

    /** The author with the articles loaded: Jackson 3 writes them as a list. */
    @GetMapping("/authors/{id}")
    public Mono<Author> get(@PathVariable long id) {
      return Authors.filterById(id).include(Authors.ARTICLES).get(db);
    }

    @PostMapping("/labels")
    public Mono<Label> label(@RequestBody String text) {
      return labels.save(Labels.create().text(text));
    }
  }
}
// end-snippet
