package io.toasty.example.blog;

import io.toasty.Page;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The blog's HTTP API; {@link ErrorResponses} maps failures to statuses. */
@RestController
public class BlogController {
  private final BlogService blog;

  /** The API over the service. */
  public BlogController(BlogService blog) {
    this.blog = blog;
  }

  /** Creates a user: 201, 400 for bad fields, 409 for a taken email. */
  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  public Mono<User> createUser(@RequestBody Requests.NewUser request) {
    return blog.createUser(request);
  }

  /** A user, or 404. */
  @GetMapping("/users/{id}")
  public Mono<User> user(@PathVariable long id) {
    return blog.user(id);
  }

  // snippet: blog-import-endpoint
  /**
   * Creates the posts of an NDJSON body ({@code {"title":..,"body":..}} per line) for the user,
   * read as the client sends them: {@code {"imported": n}}, or nothing at all on any failure.
   */
  @PostMapping(value = "/users/{id}/posts/import", consumes = MediaType.APPLICATION_NDJSON_VALUE)
  public Mono<Map<String, Long>> importPosts(@PathVariable long id,
      @RequestBody Flux<Requests.ImportedPost> lines) {
    return blog.importPosts(id, lines).map(n -> Map.of("imported", n));
  }
  // end-snippet

  /**
   * Moves the posts of an NDJSON body ({@code {"postId":..}} per line) to the user:
   * {@code {"moved": n}}, or none of them on any failure.
   */
  @PostMapping(value = "/users/{id}/posts/move", consumes = MediaType.APPLICATION_NDJSON_VALUE)
  public Mono<Map<String, Long>> movePosts(@PathVariable long id,
      @RequestBody Flux<Requests.MovedPost> lines) {
    return blog.movePosts(id, lines).map(n -> Map.of("moved", n));
  }

  /** Creates a post with tags: 201, 404 for an unknown author. */
  @PostMapping("/posts")
  @ResponseStatus(HttpStatus.CREATED)
  public Mono<Post> createPost(@RequestBody Requests.NewPost request) {
    return blog.createPost(request);
  }

  // snippet: blog-get-posts
  /**
   * A page of posts with author and tags, newest first, as {@code {"items":[..],"next":"..",
   * "previous":".."}}: {@code ?after=<next>} for the following page, {@code ?before=<previous>}
   * for the one before.
   */
  @GetMapping("/posts")
  public Mono<Page<Post>> posts(@RequestParam(required = false) String after,
      @RequestParam(required = false) String before,
      @RequestParam(defaultValue = "20") int size) {
    return blog.page(after, before, size);
  }
  // end-snippet

  /** Posts whose title contains {@code q}. */
  @GetMapping("/posts/search")
  public Flux<Post> search(@RequestParam String q) {
    return blog.search(q);
  }

  /** A post with author, tags and comments, or 404. */
  @GetMapping("/posts/{id}")
  public Mono<Post> post(@PathVariable long id) {
    return blog.post(id);
  }

  /** Adds a comment: 201, or 404 for an unknown post. */
  @PostMapping("/posts/{id}/comments")
  @ResponseStatus(HttpStatus.CREATED)
  public Mono<Comment> comment(@PathVariable long id,
      @RequestBody Requests.NewComment request) {
    return blog.comment(id, request);
  }

  /** Publishes a draft: 200, 404, or 409 when already published. */
  @PostMapping("/posts/{id}/publish")
  public Mono<Post> publish(@PathVariable long id) {
    return blog.publish(id);
  }

  // snippet: blog-export
  /** Every post as newline-delimited JSON, streamed with the client's backpressure. */
  @GetMapping(value = "/export/posts", produces = MediaType.APPLICATION_NDJSON_VALUE)
  public Flux<Post> export() {
    return blog.export();
  }
  // end-snippet
}
