package io.toasty.example.blog.bench;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The blog's four tables as Spring Data R2DBC entities, mapped onto the tables Toasty's schema
 * push created. Names are explicit: quoted identifiers keep their case, and H2's dialect would
 * upper-case the derived ones.
 */
final class BaselineTables {
  private BaselineTables() {}

  /** A row of {@code posts}. */
  @Table("posts")
  record PostRow(@Id @Column("id") long id, @Column("author_id") long authorId,
      @Column("title") String title, @Column("body") String body,
      @Column("published") boolean published) {}

  /** A row of {@code users}. */
  @Table("users")
  record UserRow(@Id @Column("id") long id, @Column("name") String name,
      @Column("email") String email) {}

  /** A row of {@code taggings}. */
  @Table("taggings")
  record TaggingRow(@Id @Column("id") long id, @Column("post_id") long postId,
      @Column("tag_id") long tagId) {}

  /** A row of {@code tags}. */
  @Table("tags")
  record TagRow(@Id @Column("id") long id, @Column("label") String label) {}
}
