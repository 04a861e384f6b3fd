package io.toasty.docs.relations;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

// snippet: relation-post
@Model
public record Post(
    @Key @Auto long id,
    @Index long authorId,                     // the foreign key: a plain, indexed field
    BelongsTo<Author> author,                 // key inferred: authorId -> Author.id
    @Index Optional<Long> reviewerId,
    @BelongsTo.Key("reviewerId") BelongsTo<Optional<Author>> reviewer,  // optional
    String title,
    HasMany<Comment> comments,
    HasMany<Tagging> taggings,
    @HasMany.Via("taggings.tag") HasMany<Tag> tags) {}  // many-to-many
// end-snippet
