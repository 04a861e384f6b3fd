package io.toasty.spring.app;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A test model: an article belongs to its author. */
@Model
public record Article(@Key @Auto long id, @Index long authorId, BelongsTo<Author> author,
    String title) {}
