package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A sale in a store (via family). */
@Model
public record Sale(
    @Key @Auto UUID id,
    int amount,
    @Index UUID storeId,
    BelongsTo<Store> store,
    HasMany<SaleLine> lines) {}
