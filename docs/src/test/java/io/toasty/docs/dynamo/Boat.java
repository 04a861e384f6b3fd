package io.toasty.docs.dynamo;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A boat of the DynamoDB guide's many-to-many example, crewed by several sailors. */
@Model
public record Boat(
    @Key @Auto UUID id,
    String name,
    HasMany<Crewing> crewings,
    @HasMany.Via("crewings.sailor") HasMany<Sailor> sailors) {}
