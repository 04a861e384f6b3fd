package io.toasty.docs.softdelete;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.SoftDelete;
import java.util.Optional;
import java.util.UUID;

/** A model of docs/models.md, Soft delete: a chain a path query follows over live ones. */
@Model
public record Milestone(
    @Key @Auto UUID id,
    String name,
    @Index Optional<UUID> afterId,
    BelongsTo<Optional<Milestone>> after,
    @HasMany.Pair("after") HasMany<Milestone> next,
    @SoftDelete boolean deleted) {}
