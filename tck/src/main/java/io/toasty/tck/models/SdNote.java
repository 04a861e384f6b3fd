package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.SoftDelete;
import io.toasty.annotations.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A model both tenant-scoped and soft-deleted (soft-delete family): both conditions hold. */
@Model
public record SdNote(
    @Key @Auto UUID id,
    @TenantId String tenant,
    String text,
    @SoftDelete Optional<Instant> deletedAt) {}
