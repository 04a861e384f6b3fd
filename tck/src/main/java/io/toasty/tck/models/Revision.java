package io.toasty.tck.models;

import io.toasty.annotations.CreatedAt;
import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.OnUpdate;
import io.toasty.annotations.UpdatedAt;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Generated values of every kind: the other time types, {@code now()} and {@code uuid()} as
 * defaults, and a UUID that every update renews (an entity tag).
 */
@Model
public record Revision(@Key UUID id, String body, @CreatedAt LocalDateTime createdAt,
    @UpdatedAt OffsetDateTime updatedAt, @Default("now()") LocalDate day,
    @Default("uuid()") UUID token, @Default("uuid()") @OnUpdate("uuid()") UUID etag,
    @OnUpdate("now()") Optional<OffsetDateTime> editedAt) {}
