package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;

/** An author's optional one-to-one bio. */
@Model
public record Bio(
    @Key @Auto long id,
    @Unique long authorId,
    BelongsTo<Author> author,
    String text) {}
