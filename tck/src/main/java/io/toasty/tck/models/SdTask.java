package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.SoftDelete;
import java.util.Optional;
import java.util.UUID;

/**
 * A soft-deleted task that may wait for another (soft-delete family): a path query up its
 * chain passes live tasks only. A flag marker, and a self foreign key.
 */
@Model
public record SdTask(
    @Key @Auto UUID id,
    String title,
    @Index Optional<UUID> blockerId,
    BelongsTo<Optional<SdTask>> blocker,
    @HasMany.Pair("blocker") HasMany<SdTask> blocked,
    @SoftDelete boolean deleted) {}
