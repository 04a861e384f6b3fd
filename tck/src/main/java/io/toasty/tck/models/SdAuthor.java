package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.SoftDelete;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A soft-deleted model with a timestamp marker (soft-delete family). */
@Model
public record SdAuthor(
    @Key @Auto UUID id,
    String name,
    @Default("0") long score,
    @SoftDelete Optional<Instant> deletedAt,
    HasMany<SdPost> posts) {}
