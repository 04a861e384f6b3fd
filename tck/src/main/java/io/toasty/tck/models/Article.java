package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * An article: a required belongs-to (key inferred: authorId), an optional one to the same model
 * (editorId), and comments.
 */
@Model
public record Article(
    @Key @Auto UUID id,
    @Index UUID authorId,
    BelongsTo<Author> author,
    @Index Optional<UUID> editorId,
    BelongsTo<Optional<Author>> editor,
    String title,
    int votes,
    HasMany<Comment> comments) {}
