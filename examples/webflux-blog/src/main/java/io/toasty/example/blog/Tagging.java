package io.toasty.example.blog;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** The join model of posts and tags. */
@Model
public record Tagging(@Key @Auto long id, @Index long postId, BelongsTo<Post> post,
    @Index long tagId, BelongsTo<Tag> tag) {}
