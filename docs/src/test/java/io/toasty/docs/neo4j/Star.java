package io.toasty.docs.neo4j;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A star and the pictures it plays in, through credits: the via that makes Credit a join. */
// snippet: neo4j-join-star
@Model
public record Star(
    @Key @Auto UUID id,
    String name,
    HasMany<Credit> credits,
    @HasMany.Via("credits.picture") HasMany<Picture> pictures) {
}
// end-snippet
