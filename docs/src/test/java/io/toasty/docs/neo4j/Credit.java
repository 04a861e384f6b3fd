package io.toasty.docs.neo4j;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** The join model of stars and pictures: in the graph one relationship, no node. */
// snippet: neo4j-join-credit
@Model
public record Credit(
    @Key @Auto UUID id,          // a property of the relationship, unique by a constraint
    UUID starId,                 // the relationship's start node's key
    BelongsTo<Star> star,        // the first BelongsTo: where the relationship starts
    UUID pictureId,              // its end node's key
    BelongsTo<Picture> picture,  // the second: where it ends
    String character) {          // a property of the relationship
}
// end-snippet
