package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.SoftDelete;
import io.toasty.annotations.Unique;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A soft-deleted model with a unique field (soft-delete family): unique among live records. */
@Model
public record SdTag(
    @Key @Auto UUID id,
    @Unique String label,
    @SoftDelete Optional<Instant> deletedAt) {}
