package io.toasty.example.blog;

import io.toasty.Page;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

// snippet: blog-controller
/**
 * The blog's HTTP API. It handles no error, checks no required field and looks nothing up
 * before using it: the starter answers each Toasty error with the problem detail of its
 * category (a missing name: 400; an unknown id: 404; a taken email: 409; a busy pool: 503).
 */
@RestController
public class BlogController {
  private final BlogService blog;

  /** The API over the service. */
  public BlogController(BlogService blog) {
    this.blog = blog;
  }

  /** The body of {@code POST /users}. */
  record NewUser(String name, String email) {}

  /** The body of {@code POST /posts}: the post and the labels of its tags. */
  record NewPost(long authorId, String title, String body, List<String> tags) {}

  /** The body of {@code POST /posts/{id}/comments}. */
  record NewComment(String body) {}

  /** Creates a user: 201; 400 for a missing field, 409 for a taken email. */
  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  public Mono<User> createUser(@RequestBody NewUser request) {
    return blog.createUser(request);
  }

  /** A user; 404 for an unknown id. */
  @GetMapping("/users/{id}")
  public Mono<User> user(@PathVariable long id) {
    return blog.user(id);
  }

  /** Creates a post with tags: 201; 409 for an unknown author. */
  @PostMapping("/posts")
  @ResponseStatus(HttpStatus.CREATED)
  public Mono<Post> createPost(@RequestBody NewPost request) {
    return blog.createPost(request);
  }
  // end-snippet

  // snippet: blog-get-posts
  /**
   * A page of posts with author and tags, newest first, as {@code {"items":[..],"next":"..",
   * "previous":".."}}, filtered and paged by the request's parameters:
   * {@code ?authorId=7&published=true&size=20}, then {@code &after=<next>} for the following
   * page or {@code &before=<previous>} for the one before. A parameter that is no allowed filter,
   * a size out of range or an altered cursor is a 400.
   */
  @GetMapping("/posts")
  public Mono<Page<Post>> posts(@RequestParam MultiValueMap<String, String> params) {
    return blog.page(params);
  }
  // end-snippet

  // snippet: blog-changes-endpoint
  /**
   * The posts' changes as server-sent events, from now on: one event per change, named by its
   * kind ({@code LISTENING} first, then {@code CREATED}, {@code UPDATED}, {@code DELETED}, and
   * {@code GAP} where changes were missed), its data a {@link PostChange}, its id the change's
   * position. The client going away cancels the stream and closes its listener.
   */
  @GetMapping(value = "/posts/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public Flux<ServerSentEvent<PostChange>> changes() {
    return blog.changes().map(c -> ServerSentEvent.builder(c).event(c.kind().name())
        .id(Long.toString(c.position())).build());
  }
  // end-snippet

  /** Deletes a post with its comments and tags: 204, or 404 for an unknown id. */
  @DeleteMapping("/posts/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> deletePost(@PathVariable long id) {
    return blog.deletePost(id);
  }

  /** Posts whose title contains {@code q}. */
  @GetMapping("/posts/search")
  public Flux<Post> search(@RequestParam String q) {
    return blog.search(q);
  }

  /** A post with author, tags and comments; 404 for an unknown id. */
  @GetMapping("/posts/{id}")
  public Mono<Post> post(@PathVariable long id) {
    return blog.post(id);
  }

  /** Adds a comment: 201, or 404 for an unknown post. */
  @PostMapping("/posts/{id}/comments")
  @ResponseStatus(HttpStatus.CREATED)
  public Mono<Comment> comment(@PathVariable long id, @RequestBody NewComment request) {
    return blog.comment(id, request);
  }

  /** Publishes a draft: 200, 404, or 409 when already published. */
  @PostMapping("/posts/{id}/publish")
  public Mono<Post> publish(@PathVariable long id) {
    return blog.publish(id);
  }

  /** One line of the NDJSON body of {@code POST /users/{id}/posts/import}. */
  record ImportedPost(String title, String body) {}

  /** One line of the NDJSON body of {@code POST /users/{id}/posts/move}: a post to move. */
  record MovedPost(long postId) {}

  // snippet: blog-import-endpoint
  /**
   * Creates the posts of an NDJSON body ({@code {"title":..,"body":..}} per line) for the user,
   * read as the client sends them: {@code {"imported": n}}, or nothing at all on any failure.
   */
  @PostMapping(value = "/users/{id}/posts/import", consumes = MediaType.APPLICATION_NDJSON_VALUE)
  public Mono<Map<String, Long>> importPosts(@PathVariable long id,
      @RequestBody Flux<ImportedPost> lines) {
    return blog.importPosts(id, lines).map(n -> Map.of("imported", n));
  }
  // end-snippet

  /**
   * Moves the posts of an NDJSON body ({@code {"postId":..}} per line) to the user:
   * {@code {"moved": n}}, or none of them on any failure (an unknown user or post: 404).
   */
  @PostMapping(value = "/users/{id}/posts/move", consumes = MediaType.APPLICATION_NDJSON_VALUE)
  public Mono<Map<String, Long>> movePosts(@PathVariable long id,
      @RequestBody Flux<MovedPost> lines) {
    return blog.movePosts(id, lines).map(n -> Map.of("moved", n));
  }

  // snippet: blog-export
  /** Every post as newline-delimited JSON, streamed with the client's backpressure. */
  @GetMapping(value = "/export/posts", produces = MediaType.APPLICATION_NDJSON_VALUE)
  public Flux<Post> export() {
    return blog.export();
  }
  // end-snippet
}
