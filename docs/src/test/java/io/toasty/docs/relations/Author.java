package io.toasty.docs.relations;

import io.toasty.HasMany;
import io.toasty.HasOne;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

// snippet: relation-models
@Model
public record Author(
    @Key @Auto long id,
    String name,
    @HasMany.Pair("author") HasMany<Post> posts,  // Post has two relations to Author: name one
    HasOne<Optional<Profile>> profile,            // optional one-to-one; pair inferred
    @HasMany.Via("posts.comments") HasMany<Comment> comments) {}  // two steps: read-only
// end-snippet
