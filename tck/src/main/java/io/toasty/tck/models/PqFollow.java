package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Relationship;
import java.util.UUID;

/**
 * One person following another: a join model stored on Neo4j as one relationship of the declared
 * type with a property ({@code since}), which a path query may filter its hops by.
 */
@Relationship(type = "PQ_FOLLOWS")
@Model
public record PqFollow(
    @Key @Auto UUID id,
    @Index UUID followerId,
    BelongsTo<PqPerson> follower,
    @Index UUID followeeId,
    BelongsTo<PqPerson> followee,
    int since) {}
