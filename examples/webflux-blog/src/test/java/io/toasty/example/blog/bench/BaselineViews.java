package io.toasty.example.blog.bench;

import java.util.List;

/**
 * What the baseline endpoint sends: the same JSON shape as the blog's {@code Page<Post>} with
 * author and tags loaded ({@code items}, {@code next}; each post with {@code author} and
 * {@code tags}), so both endpoints serialize the same amount of data.
 */
final class BaselineViews {
  private BaselineViews() {}

  /** A page: its posts and the cursor of the next one (null on the last page). */
  record PageView(List<PostView> items, String next) {}

  /** A post with its author and tags. */
  record PostView(long id, long authorId, AuthorView author, String title, String body,
      boolean published, List<TagView> tags) {}

  /** A post's author. */
  record AuthorView(long id, String name, String email) {}

  /** A tag. */
  record TagView(long id, String label) {}
}
