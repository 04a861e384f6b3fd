package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.TenantId;
import java.util.UUID;

/** A tenant-scoped child (tenancy family): includes and relation filters scope it too. */
@Model
public record TnTask(
    @Key @Auto UUID id,
    @TenantId String tenant,
    @Index UUID projectId,
    BelongsTo<TnProject> project,
    String title,
    boolean done) {}
