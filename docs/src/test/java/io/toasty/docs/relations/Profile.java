package io.toasty.docs.relations;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;

/** An author's optional profile. */
@Model
public record Profile(@Key @Auto long id, @Unique long authorId, BelongsTo<Author> author,
    String bio) {}
