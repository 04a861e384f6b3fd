package io.toasty.example.blog;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A comment on a post. */
@Model
public record Comment(@Key @Auto long id, @Index long postId, BelongsTo<Post> post,
    String body) {}
