package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A store of a region (via family). */
@Model
public record Store(
    @Key @Auto UUID id,
    String name,
    @Index UUID regionId,
    BelongsTo<Region> region,
    HasMany<Sale> sales) {}
