package io.toasty.tck.models;

import io.toasty.annotations.CreatedAt;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.UpdatedAt;
import java.time.Instant;
import java.util.UUID;

/** A record whose creation and last write the engine stamps. */
@Model
public record Stamp(@Key UUID id, String title, int hits, @CreatedAt Instant createdAt,
    @UpdatedAt Instant updatedAt) {}
