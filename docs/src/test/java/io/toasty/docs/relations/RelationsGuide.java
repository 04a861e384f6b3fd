package io.toasty.docs.relations;

import io.toasty.Agg;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.driver.PoolState;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.util.function.Tuple2;

/** The examples of {@code docs/relations.md}. */
final class RelationsGuide {
  private RelationsGuide() {}

  static Db open(String url) {
    Db db = Toasty.builder()
        .models(Authors.MODEL, Posts.MODEL, Comments.MODEL, Profiles.MODEL, Tags.MODEL,
            Taggings.MODEL, Engineers.MODEL)
        .url(url)
        .build();
    db.schema().push().block();
    return db;
  }

  static Author nestedCreate(Db db) {
    // snippet: nested-create
    Author ann = Authors.create().name("Ann")
        .posts(Posts.create().title("Hello")
                .comments(Comments.create().body("First!").likes(3)),
            Posts.create().title("Again"))
        .profile(Profiles.create().bio("Writes things"))
        .exec(db).block();                    // one call, one transaction
    // end-snippet
    return ann;
  }

  static List<Author> include(Db db) {
    // snippet: include
    List<Author> authors = Authors.all()
        .include(Authors.POSTS
                .filter(Posts.TITLE.ne("Draft"))
                .orderBy(Posts.TITLE.asc())
                .then(Posts.COMMENTS.orderBy(Comments.LIKES.desc())),
            Authors.PROFILE)
        .collect(db).block();                 // 3 queries + 1: one per relation level
    List<Post> posts = authors.get(0).posts().get();                  // loaded
    Optional<Profile> profile = authors.get(0).profile().get();
    // end-snippet
    return authors;
  }

  static Post scoped(Db db, Author ann) {
    // snippet: scoped
    List<Post> hellos = ann.posts().filter(Posts.TITLE.startsWith("Hel")).collect(db).block();
    Post draft = ann.posts().create(Posts.create()).title("Draft").exec(db).block();  // authorId set
    Author back = draft.author().get(db).block();                     // one query by key
    // end-snippet
    return draft;
  }

  static List<Author> filters(Db db) {
    // snippet: relation-filters
    List<Author> popular = Authors.filter(Authors.POSTS.any(
            Posts.COMMENTS.any(Comments.LIKES.ge(3))))
        .collect(db).block();
    List<Author> silent = Authors.filter(Authors.POSTS.none()).collect(db).block();
    List<Post> byAnn = Posts.filter(Posts.AUTHOR.is(Authors.NAME.eq("Ann"))).collect(db).block();
    // end-snippet
    return popular;
  }

  static List<List<Author>> counts(Db db) {
    // snippet: relation-counts
    List<Author> prolific = Authors.filter(Authors.POSTS.count().ge(2)).collect(db).block();
    List<Author> noHellos = Authors.filter(Authors.POSTS.count(Posts.TITLE.startsWith("Hel"))
        .eq(0)).collect(db).block();        // also the authors without any post
    // end-snippet
    return List.of(prolific, noHellos);
  }

  static List<Tuple2<String, Long>> aggregates(Db db) {
    // snippet: relation-aggregates
    List<Tuple2<String, Long>> postCounts = Authors.all()
        .select(Authors.NAME, Authors.POSTS.count())          // [Ann, 3], [Bob, 1]
        .orderBy(Authors.POSTS.count().desc(), Authors.NAME.asc())
        .collect(db).block();
    Author mostHellos = Authors.all()
        .orderBy(Authors.POSTS.count(Posts.TITLE.startsWith("Hel")).desc())
        .first(db).block();                                   // Ann
    List<Tuple2<String, Long>> reviewed = Authors.all()
        .select(Authors.NAME, Authors.POSTS.aggregate(Agg.count(Posts.REVIEWER_ID)))
        .orderBy(Authors.NAME.asc())
        .collect(db).block();                                 // [Ann, 0], [Bob, 1]
    // end-snippet
    if (!mostHellos.name().equals("Ann")) {
      throw new AssertionError("most hellos: " + mostHellos.name());
    }
    return List.of(postCounts.get(0), postCounts.get(1), reviewed.get(0), reviewed.get(1));
  }

  static List<Object> selfAggregates(Db db) {
    // snippet: self-relation-aggregates
    List<Tuple2<String, Long>> teams = Engineers.all()
        .select(Engineers.NAME, Engineers.REPORTS.count())      // [Ada, 2], [Bo, 1], [Cy, 0] ..
        .orderBy(Engineers.REPORTS.count().desc(), Engineers.NAME.asc())
        .collect(db).block();
    List<Tuple2<String, Long>> teamYears = Engineers.filter(Engineers.REPORTS.count().ge(1))
        .select(Engineers.NAME, Engineers.REPORTS.aggregate(Agg.sum(Engineers.YEARS)))
        .orderBy(Engineers.NAME.asc())
        .collect(db).block();                                   // [Ada, 9], [Bo, 2]
    // end-snippet
    return List.of(teams, teamYears);
  }

  static long delete(Db db, Author ann) {
    // snippet: delete-cascade
    long deleted = Authors.delete(ann).exec(db).block();
    // Ann's posts (authorId is required) and their comments are deleted with her; posts she
    // reviewed (reviewerId is optional) keep existing with reviewerId set to null.
    // end-snippet
    return deleted;
  }

  static Post manyToMany(Db db, Author ann) {
    // snippet: many-to-many-writes
    Post post = Posts.create().author(ann).title("Tagged")
        .tags(Tags.create().label("java"), Tags.create().label("sql"))  // each with its Tagging
        .exec(db).block();                    // one transaction: post, tags, taggings
    Tag reactive = Tags.create().label("reactive").exec(db).block();
    Tag sql = Tags.filter(Tags.LABEL.eq("sql")).first(db).block();
    long linked = post.tags().insert(db, reactive).block();     // one INSERT of Taggings: 1
    long unlinked = post.tags().remove(db, sql).block();        // one DELETE of Taggings: 1
    Post loaded = Posts.filterById(post.id())
        .include(Posts.TAGS.orderBy(Tags.LABEL.asc()))  // one query: tags joined to taggings
        .get(db).block();                               // tags: java, reactive
    // end-snippet
    if (linked != 1 || unlinked != 1) {
      throw new AssertionError("linked " + linked + ", unlinked " + unlinked);
    }
    return loaded;
  }

  static List<Object> via(Db db) {
    // snippet: via
    List<Author> withLikedComments = Authors.filter(Authors.COMMENTS.any(Comments.LIKES.ge(3)))
        .collect(db).block();                 // authors IN (posts IN (comments with 3+ likes))
    List<Author> loaded = Authors.all()
        .include(Authors.COMMENTS.filter(Comments.LIKES.ge(1)))  // posts, then their comments
        .collect(db).block();
    long comments = loaded.get(0).comments().count(db).block();  // a query through both steps
    // end-snippet
    return List.of(withLikedComments, loaded, comments);
  }

  static List<Integer> inTransaction(Db db) {
    // snippet: include-in-transaction
    List<Integer> postCounts = db.transaction(tx -> Authors.all()
            .orderBy(Authors.NAME.asc())
            .include(Authors.POSTS)
            .stream(tx)                       // parents in keyset windows of 500
            .map(a -> a.posts().get().size()))
        .collectList().block();
    // end-snippet
    return postCounts;
  }

  static List<Object> oneConnection(Db db) {
    // snippet: include-one-connection
    List<Author> page = Authors.all()
        .orderBy(Authors.NAME.asc())
        .limit(20)                            // at most 20 parents: one window
        .include(Authors.POSTS, Authors.PROFILE)
        .collect(db).block();                 // one connection: authors, their posts, profiles
    String plan = db.explain(Authors.all().limit(20).include(Authors.POSTS).untyped());
    // "NestedMerge $0 in windows of 500 rows, at most $0 parents (when that fits one window, ..."
    // end-snippet
    return List.of(page, plan);
  }

  static List<List<Author>> underLoad(String url) {
    // snippet: pool-under-load
    Db small = Toasty.builder()
        .models(Authors.MODEL, Posts.MODEL, Comments.MODEL, Profiles.MODEL, Tags.MODEL,
            Taggings.MODEL)
        .url(url)
        .poolMaxSize(2)                       // two connections for the whole service
        .build();
    small.schema().push().block();
    Authors.create().name("Ann").posts(Posts.create().title("Hello")).exec(small).block();
    List<List<Author>> pages = Flux.range(0, 200)   // 200 requests at once
        .flatMap(i -> Authors.all()
            .include(Authors.POSTS.then(Posts.COMMENTS), Authors.PROFILE)
            .collect(small), 200)
        .collectList().block();               // every one completes; none waits for ever
    PoolState after = small.poolState().orElseThrow();   // acquired 0, idle = allocated
    // end-snippet
    small.close().block();
    return after.quiet() ? pages : List.of();
  }
}
