package io.toasty.docs.graph;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A post its author wrote (docs/neo4j.md, "Modelling relationships"). */
// snippet: graph-post
@Model
public record Post(
    @Key @Auto UUID id,
    String title,
    UUID authorId,
    BelongsTo<Person> author) {   // the key of WROTE, which points at the post
}
// end-snippet
