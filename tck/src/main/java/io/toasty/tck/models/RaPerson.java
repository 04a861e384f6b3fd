package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * A person of a mentoring tree (the self relation aggregate scenarios): a self relation without
 * a join model, an optional mentor and the mentees that point back.
 */
@Model
public record RaPerson(
    @Key @Auto UUID id,
    String name,
    int age,
    @Index Optional<UUID> mentorId,
    BelongsTo<Optional<RaPerson>> mentor,
    @HasMany.Pair("mentor") HasMany<RaPerson> mentees) {}
