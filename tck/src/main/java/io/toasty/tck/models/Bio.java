package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.UUID;

/** An author's optional one-to-one bio. */
@Model
public record Bio(
    @Key @Auto UUID id,
    @Unique UUID authorId,
    BelongsTo<Author> author,
    String text) {}
