package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.UUID;

/** A festival's optional poster: an eager has-one. */
@Model
public record Poster(
    @Key @Auto UUID id,
    @Unique UUID festivalId,
    BelongsTo<Festival> festival,
    String motto) {}
