package io.toasty.neo4j.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/** A guide with an optional mentor: a self relation without a join model. */
@Model
public record Guide(
    @Key @Auto UUID id,
    String name,
    int age,
    Optional<UUID> mentorId,
    BelongsTo<Optional<Guide>> mentor,
    @HasMany.Pair("mentor") HasMany<Guide> mentees) {}
