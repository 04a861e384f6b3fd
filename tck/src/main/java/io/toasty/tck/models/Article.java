package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/**
 * An article: a required belongs-to (key inferred: authorId), an optional one to the same model
 * (editorId), and comments.
 */
@Model
public record Article(
    @Key @Auto long id,
    @Index long authorId,
    BelongsTo<Author> author,
    @Index Optional<Long> editorId,
    BelongsTo<Optional<Author>> editor,
    String title,
    int votes,
    HasMany<Comment> comments) {}
