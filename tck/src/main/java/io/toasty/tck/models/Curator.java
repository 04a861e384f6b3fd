package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.UUID;

/** A gallery's optional one curator. */
@Model
public record Curator(
    @Key @Auto UUID id,
    @Unique UUID galleryId,
    BelongsTo<Gallery> gallery,
    String name) {}
