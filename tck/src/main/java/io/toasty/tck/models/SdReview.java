package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.SoftDelete;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A soft-deleted child with a timestamp marker (soft-delete family): a restore of its author
 * restores it when the author's delete cascaded to it (the same deletion time).
 */
@Model
public record SdReview(
    @Key @Auto UUID id,
    @Index UUID authorId,
    BelongsTo<SdAuthor> author,
    String text,
    @SoftDelete Optional<Instant> deletedAt) {}
