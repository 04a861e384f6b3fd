package io.toasty.docs.relations;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

// snippet: relation-many-to-many
@Model
public record Tag(@Key @Auto long id, String label,
    HasMany<Tagging> taggings,
    @HasMany.Via("taggings.post") HasMany<Post> posts) {}

@Model
record Tagging(@Key @Auto long id, long postId, BelongsTo<Post> post,
    long tagId, BelongsTo<Tag> tag) {}
// end-snippet
