package io.toasty.docs.neo4j;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A picture of a director: {@code (:Picture)-[:DIRECTOR]->(:Director)} in the graph. */
// snippet: neo4j-relation-picture
@Model
public record Picture(
    @Key @Auto UUID id,
    UUID directorId,                 // no property: read from the relationship's end node
    BelongsTo<Director> director,    // the relationship type DIRECTOR, Picture -> Director
    String title) {
}
// end-snippet
