package io.toasty.docs.paths;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Relationship;
import java.util.UUID;

/** One member following another: a join table on SQL, one FOLLOWS relationship on Neo4j. */
// snippet: paths-follow
@Relationship(type = "FOLLOWS")
@Model
public record Follow(
    @Key @Auto UUID id,
    @Index UUID followerId,            // DynamoDB reads a hop's links through it
    BelongsTo<Member> follower,
    UUID followedId,
    BelongsTo<Member> followed,
    int since) {                       // a property of the relationship on Neo4j
}
// end-snippet
