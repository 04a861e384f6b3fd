package io.toasty.example.blog;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A post by its author, with comments and tags (many-to-many through taggings). */
// snippet: blog-post-model
@Model(changes = true)
public record Post(@Key @Auto long id, @Index long authorId, BelongsTo<User> author,
    String title, String body, boolean published,
    HasMany<Comment> comments,
    HasMany<Tagging> taggings,
    @HasMany.Via("taggings.tag") HasMany<Tag> tags) {}
// end-snippet
