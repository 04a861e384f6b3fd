package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.HasOne;
import io.toasty.annotations.Auto;
import io.toasty.annotations.CreatedAt;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Nested-create results: a gallery with paintings (and their frames) and a curator. */
@Model
public record Gallery(
    @Key @Auto UUID id,
    String name,
    @CreatedAt Instant openedAt,
    HasMany<Painting> paintings,
    HasOne<Optional<Curator>> curator) {}
