package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;

import io.toasty.reactive.Db;
import io.toasty.tck.models.Article;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Author;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Comment;
import io.toasty.tck.models.Comments;

/** Data for the relation families, created through the public API. */
final class RelationFixtures {
  private RelationFixtures() {}

  static Author author(Db db, String name) {
    return await(Authors.create().name(name).exec(db));
  }

  static Article article(Db db, Author author, String title, int votes) {
    return await(Articles.create().author(author).title(title).votes(votes).exec(db));
  }

  static Comment comment(Db db, Article article, String body, int likes) {
    return await(Comments.create().article(article).body(body).likes(likes).exec(db));
  }
}
