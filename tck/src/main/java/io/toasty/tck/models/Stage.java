package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/**
 * A festival's stage, eager in turn on its gigs; its festival is lazy (an eager one would make a
 * cycle with Festival.stages).
 */
@Model
public record Stage(
    @Key @Auto UUID id,
    @Index UUID festivalId,
    BelongsTo<Festival> festival,
    String name,
    @HasMany.Eager HasMany<Gig> gigs) {}
