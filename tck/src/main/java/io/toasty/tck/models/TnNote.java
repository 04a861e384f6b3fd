package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.TenantId;
import java.util.Optional;
import java.util.UUID;

/** A tenant-scoped note (tenancy family) whose project is loaded eagerly: scoped like any include. */
@Model
public record TnNote(
    @Key @Auto UUID id,
    @TenantId String tenant,
    @Index Optional<UUID> projectId,
    @BelongsTo.Eager BelongsTo<Optional<TnProject>> project,
    String text) {}
