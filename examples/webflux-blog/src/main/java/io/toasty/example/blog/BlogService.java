package io.toasty.example.blog;

import io.toasty.Page;
import io.toasty.filter.FilterLimits;
import io.toasty.filter.FilterParser;
import io.toasty.filter.FilterSpec;
import io.toasty.filter.Operators;
import io.toasty.reactive.Db;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The blog's operations on the {@code Db}. Methods marked {@code @Transactional} run in one
 * Spring transaction: Toasty's statements join it, and it rolls back on error and on cancel.
 * Toasty's errors reach the client as the starter's problem details; the blog's own rules
 * (lengths, labels, no wildcards, publishing once) are {@code ResponseStatusException}s.
 */
@Service
public class BlogService {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");
  private static final Pattern WILDCARDS = Pattern.compile("[%_*?\\\\]");
  static final int MAX_PAGE = 100;
  // snippet: blog-post-filters
  /** What a request may filter posts by, and pages of 20 (at most 100) by default. */
  private static final FilterParser POSTS = FilterParser.of(
      FilterSpec.of(Posts.MODEL).allow("authorId", "published"),
      FilterLimits.DEFAULTS.withPageSize(MAX_PAGE, 20), Operators.STANDARD);
  // end-snippet

  private final Db db;
  private final UserRepository users;

  /** The service on the application's {@code Db} and the generated user repository. */
  public BlogService(Db db, UserRepository users) {
    this.db = db;
    this.users = users;
  }

  /** Creates a user; a missing field is a 400 and a taken email a 409 (the starter's). */
  public Mono<User> createUser(BlogController.NewUser request) {
    return Mono.fromCallable(() -> Users.create()
            .name(Text.check("name", request.name(), 1, 100))
            .email(email(request.email())))
        .flatMap(users::save);
  }

  private static String email(String email) {
    String checked = Text.check("email", email, 3, 200);
    if (checked != null && checked.indexOf('@') < 1) {
      throw Text.badRequest("email must look like name@domain");
    }
    return checked == null ? null : checked.toLowerCase(Locale.ROOT);
  }

  /** The user; a 404 when there is none (the starter's). */
  public Mono<User> user(long id) {
    return Users.getById(db, id);
  }

  // snippet: blog-create-post
  /**
   * Creates a post of an existing author with its tags (found or created), and adds it to the
   * author's count, in one transaction. No lookup of the author first: the post's foreign key
   * refuses an unknown one (409 {@code foreign_key_violation}, the transaction rolled back), and
   * a lookup would not stop a delete between it and the insert. The count is updated before the
   * insert so that the author's row is locked for writing first: the insert's key check then
   * needs no second lock on it (two posts of one author at once do not deadlock on MariaDB).
   */
  @Transactional
  public Mono<Post> createPost(BlogController.NewPost request) {
    return Mono.fromCallable(() -> checkedPost(request))
        .flatMap(post -> addPosts(request.authorId(), 1).then(post.exec(db)))
        .flatMap(post -> Flux.fromIterable(labels(request.tags()))
            .concatMap(label -> tag(label)
                .flatMap(tag -> Taggings.create().postId(post.id()).tagId(tag.id()).exec(db)))
            .then(post(post.id())));
  }
  // end-snippet

  private static PostCreate checkedPost(BlogController.NewPost request) {
    return Posts.create().authorId(request.authorId())
        .title(Text.check("title", request.title(), 1, 200))
        .body(Text.check("body", request.body(), 0, 10_000))
        .published(false);
  }

  private static Set<String> labels(List<String> tags) {
    Set<String> labels = new LinkedHashSet<>();
    if (tags == null) {
      return labels;
    }
    if (tags.size() > 10) {
      throw Text.badRequest("at most 10 tags");
    }
    for (String tag : tags) {
      String label = Text.check("tag", tag, 1, 30);
      label = label == null ? "" : label.toLowerCase(Locale.ROOT);
      if (!LABEL.matcher(label).matches()) {
        throw Text.badRequest("a tag is letters, digits and dashes: " + label);
      }
      labels.add(label);
    }
    return labels;
  }

  private Mono<Tag> tag(String label) {
    return Tags.filterByLabel(label).first(db)
        .switchIfEmpty(Mono.defer(() -> Tags.create().label(label).exec(db)));
  }

  // snippet: blog-import
  /**
   * Creates the posts of an NDJSON upload for a user and adds them to the user's count, in one
   * transaction: every post and the count, or (a bad line, a client that resets the connection
   * mid-upload) nothing.
   */
  @Transactional
  public Mono<Long> importPosts(long userId, Flux<BlogController.ImportedPost> lines) {
    return Users.getById(db, userId) // none: 404
        .thenMany(Posts.createAll(lines.map(line -> importedPost(userId, line))).exec(db))
        .count()
        .flatMap(imported -> addPosts(userId, imported).thenReturn(imported));
  }
  // end-snippet

  private static PostCreate importedPost(long userId, BlogController.ImportedPost line) {
    return Posts.create().authorId(userId)
        .title(Text.check("title", line.title(), 1, 200))
        .body(Text.check("body", line.body(), 0, 10_000))
        .published(false);
  }

  /**
   * Moves each post of an NDJSON upload to the user, changing both authors' counts, in one
   * transaction: every post moved, or none.
   */
  @Transactional
  public Mono<Long> movePosts(long userId, Flux<BlogController.MovedPost> lines) {
    return Users.getById(db, userId) // none: 404
        .thenMany(lines.concatMap(line -> movePost(line.postId(), userId)))
        .count();
  }

  private Mono<Post> movePost(long postId, long to) {
    return Posts.filterById(postId).forUpdate().get(db) // none: 404
        .flatMap(post -> post.authorId() == to ? Mono.just(post)
            : moveCount(post.authorId(), to)
                .then(Posts.updateById(postId).authorId(to).exec(db))
                .thenReturn(post));
  }

  /**
   * One post less for {@code from}, one more for {@code to}, the lower id first: moves between
   * the same two users in opposite directions lock their rows in one order, and cannot deadlock.
   */
  private Mono<Void> moveCount(long from, long to) {
    return from < to ? addPosts(from, -1).then(addPosts(to, 1))
        : addPosts(to, 1).then(addPosts(from, -1));
  }

  /** Adds {@code n} (which may be negative) to the user's post count. */
  private Mono<Void> addPosts(long userId, long n) {
    return Users.updateById(userId).postCount(Users.POST_COUNT.plus(n)).exec(db).then();
  }

  /** The post with its author, tags and comments; a 404 when there is none. */
  public Mono<Post> post(long id) {
    return Posts.filterById(id).include(Posts.AUTHOR, Posts.TAGS, Posts.COMMENTS).get(db);
  }

  // snippet: blog-page
  /**
   * A page of posts with author and tags, newest first unless the request sorts: the filter,
   * sort, size and cursor are the request's parameters. A parameter that is no allowed filter,
   * a size out of range, both cursors or an altered one is a 400 (the starter's).
   */
  public Mono<Page<Post>> page(Map<String, ? extends List<String>> params) {
    return POSTS.pageParams(params)
        .applyTo(Posts.all().include(Posts.AUTHOR, Posts.TAGS).orderBy(Posts.ID.desc()))
        .collect(db);
  }
  // end-snippet

  /** Posts whose title contains {@code q}, ignoring case; wildcards are refused. */
  public Flux<Post> search(String q) {
    return Text.checked("q", q, 1, 50)
        .flatMapMany(text -> WILDCARDS.matcher(text).find()
            ? Flux.error(Text.badRequest("q is plain text: no wildcards"))
            : Posts.filter(Posts.TITLE.containsIgnoreCase(text)).orderBy(Posts.ID.desc())
                .limit(MAX_PAGE).include(Posts.AUTHOR).stream(db));
  }

  /** Adds a comment to a post that exists; a 404 when it does not. */
  public Mono<Comment> comment(long postId, BlogController.NewComment request) {
    return Mono.fromCallable(() -> Text.check("body", request.body(), 1, 2_000))
        .flatMap(body -> Posts.getById(db, postId)
            .then(Comments.create().postId(postId).body(body).exec(db)));
  }

  /** Publishes a draft and records it in a comment, both or neither; publishing twice is a 409. */
  @Transactional
  public Mono<Post> publish(long id) {
    return Posts.getById(db, id)
        .flatMap(post -> post.published()
            ? Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                "post " + id + " is already published"))
            : Posts.updateById(id).published(true).exec(db)
                .then(Comments.create().postId(id).body("published").exec(db)))
        .then(post(id));
  }

  /** Every post with its tags, oldest first, streamed as the database produces them. */
  public Flux<Post> export() {
    return Posts.all().orderBy(Posts.ID.asc()).include(Posts.TAGS).stream(db);
  }

  /**
   * Deletes a post with its comments and taggings, all or nothing, and takes it off its
   * author's count; an unknown id is a 404.
   */
  @Transactional
  public Mono<Void> deletePost(long id) {
    return Posts.getById(db, id) // none: 404
        .flatMap(post -> Comments.filter(Comments.POST_ID.eq(id)).delete().exec(db)
            .then(Taggings.filter(Taggings.POST_ID.eq(id)).delete().exec(db))
            .then(Posts.deleteById(id).exec(db))
            .then(addPosts(post.authorId(), -1)));
  }

  // snippet: blog-changes-service
  /**
   * The posts created, updated and deleted by any instance of the service, as they commit,
   * each as a {@link PostChange}; the first is {@code LISTENING}. Cancelled when the client
   * goes away: the stream's listener is closed with it.
   */
  public Flux<PostChange> changes() {
    return Posts.changes(db).map(PostChange::of);
  }
  // end-snippet
}
