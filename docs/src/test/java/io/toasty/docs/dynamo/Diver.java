package io.toasty.docs.dynamo;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/** A diver of the DynamoDB guide's limits example, in zero or one crew. */
@Model
public record Diver(
    @Key @Auto UUID id,
    String name,
    @Index Optional<UUID> crewId,
    BelongsTo<Optional<Crew>> crew) {}
