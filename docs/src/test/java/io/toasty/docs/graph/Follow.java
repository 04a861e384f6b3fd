package io.toasty.docs.graph;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Relationship;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** One person following another (docs/neo4j.md, "Modelling relationships"). */
// snippet: graph-follow
@Relationship(type = "FOLLOWS")        // (follower)-[:FOLLOWS {id, since, muted, note}]->(followed)
@Model
public record Follow(
    @Key @Auto UUID id,
    UUID followerId,
    BelongsTo<Person> follower,        // the first end: where the relationship starts
    UUID followedId,
    BelongsTo<Person> followed,        // the second: where it ends
    LocalDate since,                   // properties, as many as you like
    boolean muted,
    Optional<String> note) {
}
// end-snippet
