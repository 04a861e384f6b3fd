package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.CreatedAt;
import io.toasty.annotations.Default;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A gallery's painting: a default and a creation time the engine fills, an optional artist
 * (created alongside, or not), and frames.
 */
@Model
public record Painting(
    @Key @Auto UUID id,
    @Index UUID galleryId,
    BelongsTo<Gallery> gallery,
    @Index Optional<UUID> artistId,
    BelongsTo<Optional<Artist>> artist,
    String title,
    @Default("1") int edition,
    @CreatedAt Instant paintedAt,
    HasMany<Frame> frames) {}
