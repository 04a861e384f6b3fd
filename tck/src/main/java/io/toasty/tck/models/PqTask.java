package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * A task that may wait for another (the path query scenarios): a self relation by foreign key,
 * followed up its chain ({@code blocker}) or down it ({@code blocked}).
 */
@Model
public record PqTask(
    @Key @Auto UUID id,
    String title,
    @Index Optional<UUID> blockerId,
    BelongsTo<Optional<PqTask>> blocker,
    @HasMany.Pair("blocker") HasMany<PqTask> blocked) {}
