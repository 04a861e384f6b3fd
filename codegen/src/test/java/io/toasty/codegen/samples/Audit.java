package io.toasty.codegen.samples;

import io.toasty.annotations.CreatedAt;
import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.OnUpdate;
import io.toasty.annotations.UpdatedAt;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** Values the engine generates: timestamps, {@code now()}, {@code uuid()}, {@code @OnUpdate}. */
@Model
public record Audit(@Key UUID id, @CreatedAt Instant createdAt,
    @UpdatedAt LocalDateTime updatedAt, @Default("now()") LocalDate day,
    @Default("uuid()") @OnUpdate("uuid()") UUID etag, @OnUpdate("now()") Instant touchedAt,
    @Default("now()") String literal) {}
