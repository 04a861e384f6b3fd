package io.toasty.docs.neo4j;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.Optional;
import java.util.UUID;

/** The Neo4j guide's model (docs/neo4j.md). */
// snippet: neo4j-model
@Model
public record Movie(
    @Key @Auto UUID id,         // a uniqueness constraint on :Movie(id); a UUID v7, as text
    @Unique String title,       // another uniqueness constraint
    @Index String genre,        // a range index
    int released,
    Optional<String> tagline) { // empty: the property is not set on the node
}
// end-snippet
